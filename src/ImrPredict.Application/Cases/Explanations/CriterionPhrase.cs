using ImrPredict.Core.Criteria;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>A criterion and its status in the words a reviewer reads: "functional improvement on opioids not documented".</summary>
public static class CriterionPhrase
{
    private const string Documented = " documented";

    /// <summary>The criterion with <paramref name="status"/>, phrased from the catalogue's own text.</summary>
    public static string Of(Criterion criterion, CriterionStatus status)
    {
        if (criterion.Scope == CriterionScope.Review)
        {
            return status == CriterionStatus.Documented ? criterion.Text : $"not stated: {criterion.Text}";
        }

        // "pain relief from the opioid documented (pain scores ...)": the topic is the text without its "documented".
        var text = criterion.Text;
        var at = text.IndexOf(Documented, StringComparison.Ordinal);
        var topic = at < 0 ? text : text.Remove(at, Documented.Length);
        return status switch
        {
            CriterionStatus.Documented => at < 0 ? $"{topic}: documented" : text,
            CriterionStatus.DocumentedAbsent => $"{topic}: documented as absent",
            _ => $"{topic}: not documented",
        };
    }
}
