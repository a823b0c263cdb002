namespace ImrPredict.Core.Criteria;

/// <summary>What a clinical summary says of a criterion.</summary>
public enum CriterionStatus
{
    /// <summary>The summary does not speak of it (or only as a possibility: "to rule out a tear").</summary>
    NotMentioned,

    /// <summary>The summary documents it ("a urine drug screen on 10/12/2016 was consistent").</summary>
    Documented,

    /// <summary>The summary documents its absence ("x-rays showed no fracture", "no documentation of functional improvement").</summary>
    DocumentedAbsent,
}
