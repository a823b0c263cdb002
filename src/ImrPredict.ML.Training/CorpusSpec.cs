using System.Security.Cryptography;
using System.Text;
using ImrPredict.ML.Data;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>
/// What differs between the corpus kinds a bundle can be trained on (letters, DMHC export): the row
/// type, its pipelines, how rows group into letters or cases, and the features it reads.
/// </summary>
/// <typeparam name="TRow">The row type ML.NET reads.</typeparam>
public interface ICorpusSpec<TRow>
    where TRow : class
{
    /// <summary>The corpus kind recorded in the manifest: <c>letters</c> or <c>dmhc</c>.</summary>
    string Kind { get; }

    /// <summary>The feature blocks, for the manifest and report.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>The model pipeline.</summary>
    IEstimator<ITransformer> Build(MLContext ml, PipelineOptions options);

    /// <summary>The logistic-regression baseline on the same features.</summary>
    IEstimator<ITransformer> BuildBaseline(MLContext ml, PipelineOptions options);

    /// <summary>The group a row belongs to (its letter); folds never split a group.</summary>
    string GroupOf(TRow row);

    /// <summary>True for Overturned.</summary>
    bool LabelOf(TRow row);

    /// <summary>The row's content for the training-data fingerprint.</summary>
    string FingerprintOf(TRow row);
}

/// <summary>The letter corpus: one row per disputed item.</summary>
public sealed class LetterCorpus : ICorpusSpec<ItemRow>
{
    /// <summary>The single instance.</summary>
    public static LetterCorpus Instance { get; } = new();

    /// <inheritdoc />
    public string Kind => "letters";

    /// <inheritdoc />
    public IReadOnlyList<string> Features => ImrPipeline.FeatureBlocks;

    /// <inheritdoc />
    public IEstimator<ITransformer> Build(MLContext ml, PipelineOptions options) => ImrPipeline.Build(ml, options);

    /// <inheritdoc />
    public IEstimator<ITransformer> BuildBaseline(MLContext ml, PipelineOptions options) => ImrPipeline.BuildLogisticBaseline(ml, options);

    /// <inheritdoc />
    public string GroupOf(ItemRow row) => row.LetterId;

    /// <inheritdoc />
    public bool LabelOf(ItemRow row) => row.Label;

    /// <inheritdoc />
    public string FingerprintOf(ItemRow row) =>
        $"{row.LetterId}|{row.ItemIndex}|{row.Label}|{row.RequestedItem}|{row.ItemCategory}|{row.Quantity}|{row.Strength}|{row.Sessions}|{row.PartialAuthorization}|{row.DaysFromInjuryToUrDenial}|{row.ItemsInLetter}|{row.ClinicalSummary}";
}

/// <summary>Fingerprints of training data: the same rows in any order give the same fingerprint.</summary>
public static class DataFingerprint
{
    /// <summary>SHA-256 over the sorted per-row hashes, as hex.</summary>
    public static string Of<TRow>(IEnumerable<TRow> rows, ICorpusSpec<TRow> spec)
        where TRow : class
    {
        var rowHashes = rows.Select(r => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(spec.FingerprintOf(r)))))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var rowHash in rowHashes)
        {
            hash.AppendData(Encoding.ASCII.GetBytes(rowHash));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
