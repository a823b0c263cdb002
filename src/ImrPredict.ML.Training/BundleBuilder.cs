using ImrPredict.Core.Results;
using ImrPredict.ML.Bundles;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>
/// Writes a trained model as a versioned bundle: model, manifest and any extra files (report, plots). Bundles hold the
/// model only: precedents are the store's. The one place bundles are made, for <c>imr train</c> and for the default
/// bundle of a fresh clone (<c>imr bootstrap</c>).
/// </summary>
public static class BundleBuilder
{
    /// <summary>A unique, sortable bundle version: a label (the corpus kind), the creation time and the data fingerprint.</summary>
    public static string Version(string label, DateTimeOffset created, string dataFingerprint) =>
        $"{label}-{created:yyyyMMdd'T'HHmmss'Z'}-{dataFingerprint[7..15]}";

    /// <summary>Writes the bundle atomically (see <see cref="ModelBundle.Save"/>); <paramref name="writeExtras"/> writes into the folder before it is moved into place.</summary>
    /// <returns>The bundle's version, or why nothing was written.</returns>
    public static Result<string, BundleErrorCode> Save(MLContext ml, string destination, TrainedModel trained, BundleDescription description,
        bool overwrite, Action<string, string>? writeExtras = null)
    {
        var created = DateTimeOffset.UtcNow;
        var version = Version(description.VersionLabel, created, trained.DataFingerprint);
        var error = ModelBundle.Save(ml, destination, trained.Model, trained.InputSchema,
            hash => ManifestFactory.For(trained, version, description.CorpusKind, description.Options, description.Features, description.InputColumns,
                description.DataSources, hash, created, description.ReportYears, description.TrainedThrough),
            overwrite, writeExtras is null ? null : folder => writeExtras(folder, version));
        return error is null ? version : Result<string, BundleErrorCode>.Fail(error);
    }
}
