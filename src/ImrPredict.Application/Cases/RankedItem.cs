using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;

namespace ImrPredict.Application.Cases;

/// <summary>One item of a ranking.</summary>
/// <param name="CaseId">The case's id as given, or its position.</param>
/// <param name="ItemIndex">The item's position in its case.</param>
/// <param name="RequestedItem">The item.</param>
/// <param name="POverturned">Calibrated probability of Overturned.</param>
/// <param name="Decision">The predicted decision at the bundle's threshold.</param>
public sealed record RankedItem(string CaseId, int ItemIndex, string RequestedItem, double POverturned, Decision Decision)
{
    /// <summary>The item's category, as the parser derives it.</summary>
    public ItemCategory Category => ItemAttributeExtractor.Categorize(RequestedItem);
}
