namespace ImrPredict.ML.Bundles;

/// <summary>A bundle kept in the models folder's history.</summary>
/// <param name="Version">Its version (the folder name).</param>
/// <param name="Directory">Its folder under <c>history/</c>.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Promotions">Each time it was published, oldest first.</param>
/// <param name="Serving">Whether it is the bundle serving now.</param>
public sealed record HistoryEntry(string Version, string Directory, ModelManifest Manifest, IReadOnlyList<BundlePromotion> Promotions, bool Serving)
{
    /// <summary>
    /// How it came to serve first: <c>bootstrap</c>, <c>train</c> (written in place with <c>--force</c>), <c>in place</c>
    /// (copied into the serving folder), <c>promote</c>, <c>retrain</c>, <c>recalibrate</c>; <c>kept</c> when it never served.
    /// </summary>
    public string Origin => Promotions.Count == 0 ? "kept" : Promotions[0].Reason;
}
