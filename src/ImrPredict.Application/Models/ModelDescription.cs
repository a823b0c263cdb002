using ImrPredict.ML.Bundles;

namespace ImrPredict.Application.Models;

/// <summary>The serving bundle, as an operator checks it.</summary>
/// <param name="Manifest">Its manifest: version, data, options, validation figures.</param>
/// <param name="Precedents">Items in its precedent index.</param>
/// <param name="LastLoadError">Why the last load was refused, when it was.</param>
public sealed record ModelDescription(ModelManifest Manifest, int Precedents, string? LastLoadError)
{
    /// <summary>When and why the serving bundle was published; null for a bundle written in place (<c>imr train --out</c>, the default bundle).</summary>
    public BundlePromotion? Promotion { get; init; }

    /// <summary>The report files the bundle holds (report.md and its ROC, PR and calibration plots).</summary>
    public IReadOnlyList<string> ReportFiles { get; init; } = [];

    /// <summary>Precedents of this replica with a sentence embedding.</summary>
    public int Embedded { get; init; }

    /// <summary>Precedents of this replica still waiting for their embedding (searches are lexical until none waits).</summary>
    public int EmbeddingPending { get; init; }

    /// <summary>Why search by meaning is unavailable, when it is.</summary>
    public string? EmbeddingProblem { get; init; }
}
