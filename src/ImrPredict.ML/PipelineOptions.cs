namespace ImrPredict.ML;

/// <summary>Settings of the letter-item pipeline; every field is recorded in the bundle manifest.</summary>
public sealed record PipelineOptions
{
    /// <summary>Clinical-summary n-gram slots kept by mutual information with the label.</summary>
    public int SummarySlots { get; init; } = 1000;

    /// <summary>Category-keyed summary n-gram slots kept by mutual information with the label, for each category.</summary>
    public int KeyedSummarySlots { get; init; } = 300;

    /// <summary>Requested-item n-gram slots kept by mutual information with the label.</summary>
    public int ItemSlots { get; init; } = 600;

    /// <summary>L2-normalize text vectors; off by default: trees split better on raw counts than on length-diluted weights.</summary>
    public bool NormalizeText { get; init; }

    /// <summary>Longest word n-gram.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-gram length.</summary>
    public int CharNgramLength { get; init; } = 4;

    /// <summary>Fewest items an n-gram must appear in to be considered.</summary>
    public int MinimumNgramCount { get; init; } = 5;

    /// <summary>Most distinct n-grams counted per length before selection: bounds memory on large corpora.</summary>
    public int MaximumNgrams { get; init; } = 100_000;

    /// <summary>FastTree: number of trees.</summary>
    public int NumberOfTrees { get; init; } = 300;

    /// <summary>FastTree: leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 24;

    /// <summary>FastTree: fewest training items in a leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 150;

    /// <summary>
    /// FastTree: share of features each tree may split on. Low, because the text blocks hold thousands of overlapping
    /// n-grams: trees that each see a fifth of them generalize better at 50k items than trees that see most.
    /// </summary>
    public double FeatureFraction { get; init; } = 0.2;

    /// <summary>FastTree: shrinkage.</summary>
    public double LearningRate { get; init; } = 0.08;

    /// <summary>FastTree: split one-hot categorical blocks as categories (many levels at once) rather than slot by slot.</summary>
    public bool CategoricalSplit { get; init; }

    /// <summary>Read the guideline criteria and the numbers they use (off: the bag-of-words model of earlier bundles, kept as a peer).</summary>
    public bool CriteriaFeatures { get; init; } = true;

    /// <summary>Read the summary's words (whole and keyed by category); off leaves the criteria, the item and its numbers.</summary>
    public bool SummaryText { get; init; } = true;

    /// <summary>
    /// Read the letter's shape: days from injury to the denial and how many items the letter disputes. Off for generated
    /// letters, whose dates and item counts are the generator's draws, not facts a reviewer weighs.
    /// </summary>
    public bool LetterFields { get; init; } = true;

    /// <summary>Seed for the trainer and any sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Options for a corpus of generated letters (the demo default): the criteria, the item and its numbers; not the summary's
    /// words (the generator's wording is not real summaries' wording) nor the letter's shape (its dates and item count are the
    /// generator's draws). Trained on 5,000 generated letters and scored on the 134 shared real letters: with summary words
    /// ROC-AUC 0.594 [0.483, 0.724] and 28% of items with a criterion among their top three reasons; without them 0.698
    /// [0.590, 0.807] and 93%, the top reasons often "items in letter is 1" or "no days from injury stated"; without the letter's
    /// shape too 0.677 [0.573, 0.784] and 99%.
    /// </summary>
    public static PipelineOptions ForGeneratedCorpus(int rows) => ForSmallCorpus(rows) with { SummaryText = false, LetterFields = false };

    /// <summary>Options for a small corpus (the real letters): fewer slots, smaller trees.</summary>
    public static PipelineOptions ForSmallCorpus(int rows) => rows >= 5_000
        ? new PipelineOptions()
        : new PipelineOptions { SummarySlots = 300, KeyedSummarySlots = 25, ItemSlots = 100, MinimumNgramCount = 2, NumberOfTrees = 100, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, LearningRate = 0.05, FeatureFraction = 0.8 };
}
