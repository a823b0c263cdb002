namespace ImrPredict.Core.Criteria;

/// <summary>Where a criterion is read.</summary>
public enum CriterionScope
{
    /// <summary>In the clinical summary (most criteria).</summary>
    Summary,

    /// <summary>In the requested item's own wording (a compounded ingredient, an add-on to a surgery).</summary>
    Item,

    /// <summary>
    /// In the summary's narration of the earlier review and in the request as written: what the earlier reviewer said,
    /// a modified or retrospective request. Facts of the dispute, not of the record; never negated.
    /// </summary>
    Review,
}
