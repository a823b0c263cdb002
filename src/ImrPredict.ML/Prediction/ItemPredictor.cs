using System.Collections.Concurrent;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ImrPredict.ML.Prediction;

/// <summary>
/// Thread-safe predictions from a letters bundle. ML.NET prediction engines are not thread-safe, so each
/// call borrows one from a pool (Microsoft.Extensions.ML is not available here) and returns it.
/// </summary>
public sealed class ItemPredictor
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ITransformer _explainer;
    private readonly FeatureSlot[] _slots;
    private readonly Dictionary<string, CategorySupport> _support;
    private readonly ConcurrentBag<PredictionEngine<ItemRow, ItemScore>> _engines = [];
    private readonly ConcurrentBag<PredictionEngine<ItemRow, ExplainedScore>> _explainers = [];

    private ItemPredictor(MLContext ml, LoadedBundle bundle, ITransformer explainer, string[] rawSlotNames)
    {
        _ml = ml;
        Bundle = bundle;
        _model = bundle.Model;
        _explainer = explainer;
        _slots = rawSlotNames.Select(FeatureNames.Describe).ToArray();
        _support = bundle.Manifest.CategorySupport.ToDictionary(s => s.Category, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The bundle predictions come from.</summary>
    public LoadedBundle Bundle { get; }

    /// <summary>The decision threshold.</summary>
    public double Threshold => Bundle.Manifest.Threshold.Value;

    /// <summary>Builds a predictor for a letters bundle, or says why it cannot.</summary>
    public static Result<ItemPredictor, BundleErrorCode> Create(MLContext ml, LoadedBundle bundle)
    {
        if (bundle.Manifest.CorpusKind != "letters")
        {
            return Result<ItemPredictor, BundleErrorCode>.Fail(BundleErrorCode.SchemaMismatch, $"the bundle at '{bundle.Directory}' is a {bundle.Manifest.CorpusKind} model; item predictions need a letters model");
        }

        if (bundle.Model is not TransformerChain<ITransformer> { LastTransformer: ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> trainer })
        {
            return Result<ItemPredictor, BundleErrorCode>.Fail(BundleErrorCode.SchemaMismatch, $"the model in '{bundle.Directory}' does not end in a calibrated FastTree binary classifier");
        }

        var probe = ml.Data.LoadFromEnumerable(new[] { new ItemRow { LetterId = "probe", ClinicalSummary = "probe", RequestedItem = "probe", ItemCategory = nameof(ItemCategory.Other) } });
        var scored = bundle.Model.Transform(probe);
        // More than callers ask for: contributions of other categories' keyed words are dropped before the top ones are taken.
        var contributions = ml.Transforms.CalculateFeatureContribution(trainer, numberOfPositiveContributions: 16, numberOfNegativeContributions: 16).Fit(scored);
        var explainer = new TransformerChain<ITransformer>(bundle.Model, contributions);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema[ModelColumns.Features].GetSlotNames(ref names);
        var slotNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        return new ItemPredictor(ml, bundle, explainer, slotNames);
    }

    /// <summary>Predicts one item; <paramref name="contributions"/> &gt; 0 adds that many strongest contributions.</summary>
    public ItemPrediction Predict(ItemRow row, int contributions = 0)
    {
        if (contributions <= 0)
        {
            var engine = Rent(_engines, () => _ml.Model.CreatePredictionEngine<ItemRow, ItemScore>(_model));
            try
            {
                var probability = Calibrated(engine.Predict(row).Probability);
                return Prediction(probability, [], row.ItemCategory);
            }
            finally
            {
                _engines.Add(engine);
            }
        }

        var explainer = Rent(_explainers, () => _ml.Model.CreatePredictionEngine<ItemRow, ExplainedScore>(_explainer));
        try
        {
            var score = explainer.Predict(row);
            var probability = Calibrated(score.Probability);
            return Prediction(probability, Top(score.FeatureContributions, score.Features, row.ItemCategory, contributions), row.ItemCategory);
        }
        finally
        {
            _explainers.Add(explainer);
        }
    }

    /// <summary>Predicts many items in one pass (faster than one at a time); probabilities in row order.</summary>
    public double[] PredictBatch(IReadOnlyList<ItemRow> rows)
    {
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
        return scored.GetColumn<float>("Probability").Select(p => Calibrated(p)).ToArray();
    }

    /// <summary>How many training items of <paramref name="category"/> back a prediction; null when the bundle does not say.</summary>
    public CategorySupport? SupportFor(string category) =>
        Bundle.Manifest.CategorySupport.Count == 0
            ? null
            : _support.TryGetValue(category, out var support) ? support : new CategorySupport(category, 0, 0);

    /// <summary>Whether predictions for <paramref name="category"/> rest on too few training items (the manifest's <c>LowSupportBelow</c>).</summary>
    public bool IsLowSupport(string category) => IsLow(SupportFor(category));

    private bool IsLow(CategorySupport? support) => support is not null && support.Items < Bundle.Manifest.LowSupportBelow;

    private ItemPrediction Prediction(double probability, IReadOnlyList<FeatureContribution> contributions, string category)
    {
        var support = SupportFor(category);
        return new ItemPrediction(probability, DecisionFor(probability), contributions) { Support = support, LowSupport = IsLow(support) };
    }

    private double Calibrated(float raw) => Bundle.Manifest.Calibration is { } calibration ? calibration.Apply(raw) : raw;

    /// <summary>The decision at the bundle's threshold.</summary>
    public Decision DecisionFor(double probability) => probability >= Threshold ? Decision.Overturned : Decision.Upheld;

    /// <summary>
    /// The strongest contributions, leaving out words keyed to another category: a tree that splits on an imaging
    /// word gives every drug item a contribution for not having it, which explains nothing to a reader.
    /// </summary>
    private IReadOnlyList<FeatureContribution> Top(VBuffer<float> contributions, VBuffer<float> features, string category, int count)
    {
        var indices = contributions.GetIndices();
        var values = contributions.GetValues();
        var result = new List<FeatureContribution>();
        if (indices.Length == 0 && values.Length == _slots.Length)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] != 0 && Explains(i, category))
                {
                    result.Add(Contribution(i, values[i], features));
                }
            }
        }
        else
        {
            for (var k = 0; k < indices.Length; k++)
            {
                if (values[k] != 0 && indices[k] < _slots.Length && Explains(indices[k], category))
                {
                    result.Add(Contribution(indices[k], values[k], features));
                }
            }
        }

        return result.OrderByDescending(c => Math.Abs(c.Weight)).ThenBy(c => c.Feature, StringComparer.Ordinal).Take(count).ToList();
    }

    private FeatureContribution Contribution(int slot, float weight, VBuffer<float> features)
    {
        var described = _slots[slot];
        return new FeatureContribution(described.Readable, weight)
        {
            Source = described.Source,
            Words = described.Words,
            Value = slot < features.Length ? features.GetItemOrDefault(slot) : 0,
        };
    }

    /// <summary>
    /// Whether a slot can explain an item of <paramref name="category"/>: keyed words of another category cannot, nor a
    /// criterion that does not apply to the category (its token is absent from every such item).
    /// </summary>
    private bool Explains(int slot, string category)
    {
        var described = _slots[slot];
        if (described.Source == FeatureSource.Criterion)
        {
            return CriteriaTokens.TryRead(described.Words, out var id, out _)
                && Enum.TryParse<ItemCategory>(category, ignoreCase: true, out var parsed)
                && Core.Criteria.CriteriaCatalogue.Default.Find(id) is { } criterion && criterion.AppliesTo(parsed);
        }

        return described.KeyedCategory is not { } keyed || string.Equals(keyed, category, StringComparison.OrdinalIgnoreCase);
    }

    private static T Rent<T>(ConcurrentBag<T> pool, Func<T> create) => pool.TryTake(out var item) ? item : create();

    private sealed class ExplainedScore
    {
        public float Probability { get; set; }

        public VBuffer<float> FeatureContributions { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
