using Microsoft.ML;

namespace ImrPredict.ML.Bundles;

/// <summary>A loaded, checked bundle.</summary>
/// <param name="Directory">Where it was loaded from.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Model">The fitted ML.NET model.</param>
/// <param name="InputSchema">The schema the model was saved with.</param>
public sealed record LoadedBundle(string Directory, ModelManifest Manifest, ITransformer Model, DataViewSchema InputSchema);
