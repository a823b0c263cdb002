using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using ImrPredict.ML.Bundles;
using ImrPredict.Search;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>
/// Writes a trained model as a versioned bundle: model, manifest, any extra files (report, plots) and, for letters,
/// the precedent index of the same letters. The one place bundles are made, for <c>imr train</c> and for the
/// default bundle of a fresh clone (<c>imr bootstrap</c>).
/// </summary>
public static class BundleBuilder
{
    /// <summary>Letters added to the precedent index per commit while a bundle is built.</summary>
    public const int IndexBatchLetters = 2000;

    /// <summary>The bundle's folder for its precedent index.</summary>
    public const string IndexFolder = "index";

    /// <summary>A unique, sortable bundle version: a label (the corpus kind), the creation time and the data fingerprint.</summary>
    public static string Version(string label, DateTimeOffset created, string dataFingerprint) =>
        $"{label}-{created:yyyyMMdd'T'HHmmss'Z'}-{dataFingerprint[7..15]}";

    /// <summary>
    /// Writes the bundle atomically (see <see cref="ModelBundle.Save"/>); the index of <paramref name="indexLetters"/>, when given,
    /// and <paramref name="writeExtras"/> go into the folder before it is moved into place.
    /// </summary>
    /// <returns>The bundle's version, or why nothing was written.</returns>
    public static Result<string, BundleErrorCode> Save(MLContext ml, string destination, TrainedModel trained, BundleDescription description,
        bool overwrite, IReadOnlyList<ImrLetter>? indexLetters = null, Action<string, string>? writeExtras = null)
    {
        var created = DateTimeOffset.UtcNow;
        var version = Version(description.VersionLabel, created, trained.DataFingerprint);
        string? indexError = null;
        Error<BundleErrorCode>? error;
        try
        {
            error = ModelBundle.Save(ml, destination, trained.Model, trained.InputSchema,
                hash => ManifestFactory.For(trained, version, description.CorpusKind, description.Options, description.Features, description.InputColumns,
                    description.DataSources, hash, created, description.ReportYears),
                overwrite, folder =>
                {
                    writeExtras?.Invoke(folder, version);
                    if (indexLetters is not null)
                    {
                        indexError = WriteIndex(Path.Combine(folder, IndexFolder), indexLetters);
                        if (indexError is not null)
                        {
                            // Abandons the temporary folder: a bundle without its index is never moved into place.
                            throw new IOException(indexError);
                        }
                    }
                });
        }
        catch (IOException) when (indexError is not null)
        {
            return Result<string, BundleErrorCode>.Fail(BundleErrorCode.IndexFailed, indexError);
        }

        return error is null ? version : Result<string, BundleErrorCode>.Fail(error);
    }

    /// <summary>Indexes letters into a new index folder in batches; null on success, else why not.</summary>
    public static string? WriteIndex(string folder, IReadOnlyList<ImrLetter> letters)
    {
        var opened = PrecedentIndex.Open(folder);
        if (!opened.Success)
        {
            return $"the bundle's precedent index cannot be created: {opened.Error}";
        }

        using var index = opened.Value;
        foreach (var batch in letters.Chunk(IndexBatchLetters))
        {
            index.AddLetters(batch);
        }

        return null;
    }
}
