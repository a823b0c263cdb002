namespace ImrPredict.Core.Criteria;

/// <summary>Where a criterion is read.</summary>
public enum CriterionScope
{
    /// <summary>In the clinical summary (most criteria).</summary>
    Summary,

    /// <summary>In the requested item's own wording (a compounded ingredient, an add-on to a surgery).</summary>
    Item,
}
