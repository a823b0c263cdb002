using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Json;

/// <summary>A disputed item in JSON output.</summary>
public sealed record ItemJson(
    string RequestedItem,
    string? OriginalRequest,
    string? AuthorizedPortion,
    Decision Decision,
    ItemCategory ItemCategory,
    int? Quantity,
    string? Strength,
    int? Sessions,
    string? ClaimsAdministratorGuideline,
    string? MaximusGuideline,
    IReadOnlyList<GuidelineCitation> GuidelineCitations,
    string Rationale)
{
    /// <summary>Maps a parsed item.</summary>
    public static ItemJson From(DisputedItem item) => new(
        item.RequestedItem,
        item.Partial?.OriginalRequest,
        item.Partial?.AuthorizedPortion,
        item.Decision,
        item.Attributes.Category,
        item.Attributes.Quantity,
        item.Attributes.Strength,
        item.Attributes.Sessions,
        item.ClaimsAdministratorGuideline,
        item.MaximusGuideline,
        item.GuidelineCitations,
        item.Rationale);
}
