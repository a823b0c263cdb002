using ImrPredict.Core.Letters;

namespace ImrPredict.Application.Cases;

/// <summary>One item of a ranking.</summary>
/// <param name="CaseId">The case's id as given, or its position.</param>
/// <param name="ItemIndex">The item's position in its case.</param>
/// <param name="RequestedItem">The item.</param>
/// <param name="POverturned">Calibrated probability of Overturned.</param>
/// <param name="Decision">The predicted decision at the bundle's threshold.</param>
/// <param name="Category">The item's category, as the parser derives it.</param>
/// <param name="LowSupport">True when the category had too few training items for the probability to be trusted as much as others.</param>
public sealed record RankedItem(string CaseId, int ItemIndex, string RequestedItem, double POverturned, Decision Decision, ItemCategory Category, bool LowSupport = false)
{
    /// <summary>The item's strongest reason, when the ranking was asked for reasons; null otherwise.</summary>
    public Explanations.Reason? TopReason { get; init; }
}
