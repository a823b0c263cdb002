using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImrPredict.ML.Bundles;

/// <summary>
/// One publication of a bundle as the serving one: written as <c>promotion.json</c> into the published folder and
/// appended to the history's log, so the service and <c>imr bundles</c> can say what serves since when and why.
/// </summary>
/// <param name="Version">The bundle version published.</param>
/// <param name="PromotedUtc">When it was published.</param>
/// <param name="Previous">The version it replaced, when one was serving.</param>
/// <param name="Reason">Why: <c>retrain</c>, <c>recalibrate</c>, <c>promote</c>, <c>rollback</c>, <c>bootstrap</c>, <c>train</c>, <c>in place</c> (written or
/// copied into the serving folder by hand, found there afterwards).</param>
public sealed record BundlePromotion(string Version, DateTimeOffset PromotedUtc, string? Previous, string Reason)
{
    /// <summary>
    /// A damaged serving bundle this publication replaced without keeping it (<c>--force</c>): what was lost. Null
    /// when the bundle replaced was kept in the history (or there was none).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Discarded { get; init; }

    /// <summary>The file a published bundle folder holds beside its manifest.</summary>
    public const string FileName = "promotion.json";

    /// <summary>The promotion record of a bundle folder, or null when it has none (a bundle written in place by <c>imr train</c>) or it cannot be read.</summary>
    public static BundlePromotion? Read(string bundleDirectory)
    {
        try
        {
            var path = Path.Combine(bundleDirectory, FileName);
            return File.Exists(path) ? JsonSerializer.Deserialize<BundlePromotion>(File.ReadAllText(path), ModelManifest.JsonOptions) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
