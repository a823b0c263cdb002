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

    /// <summary>The category a row's support is counted in (the item category; the DMHC treatment category).</summary>
    string CategoryOf(TRow row);

    /// <summary>The row's content for the training-data fingerprint.</summary>
    string FingerprintOf(TRow row);
}
