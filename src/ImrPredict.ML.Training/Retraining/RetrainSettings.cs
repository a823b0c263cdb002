namespace ImrPredict.ML.Training.Retraining;

/// <summary>How a retraining run splits, trains and judges.</summary>
public sealed record RetrainSettings
{
    /// <summary>Share of items, latest by decision date, held out to compare champion and challenger.</summary>
    public double HoldoutShare { get; init; } = 0.2;

    /// <summary>Overturned items the held-out period must hold at least (earlier letters are added until it does).</summary>
    public int MinimumHoldoutOverturned { get; init; } = 10;

    /// <summary>The challenger is refused when its held-out ROC-AUC is below the champion's by more than this.</summary>
    public double MaxAucDrop { get; init; } = 0.02;

    /// <summary>The challenger is refused when its held-out ECE is above the champion's by more than this.</summary>
    public double MaxEceRise { get; init; } = 0.02;

    /// <summary>
    /// The champion's calibration has drifted when, on the held-out period, its mean probability misses the overturn rate
    /// by more than this (and by more than two standard errors), or its ECE exceeds its validation ECE by more than this on
    /// a period large enough to tell (see <see cref="CalibrationDrift"/>); then refitting only its calibrator is tried.
    /// </summary>
    public double DriftMargin { get; init; } = 0.02;

    /// <summary>Grouped validation folds inside each training run; null: <see cref="FoldsFor"/> the corpus size.</summary>
    public int? Folds { get; init; }

    /// <summary>Items from which two validation folds are used by default instead of three.</summary>
    public const int TwoFoldsFrom = 50_000;

    /// <summary>
    /// The folds for a training run of <paramref name="rows"/> items: <see cref="Folds"/> when set, else three, or two
    /// from <see cref="TwoFoldsFrom"/> items, where each fold's model still sees 25,000+ items and a fold fewer saves a
    /// third of each training's fitting.
    /// </summary>
    public int FoldsFor(int rows) => Folds ?? (rows >= TwoFoldsFrom ? 2 : 3);

    /// <summary>Seed for folds, trainer and bootstrap.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>FastTree trees, when not the default for the corpus size.</summary>
    public int? Trees { get; init; }

    /// <summary>Bootstrap resamples over letters.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>
    /// A negative control: the challenger learns from labels shuffled among its training items, so the gate must refuse it.
    /// </summary>
    public bool ShuffleLabels { get; init; }

    /// <summary>
    /// The letters are mostly generated demo letters (the store a fresh clone starts with): the challenger is trained as the
    /// default bundle is, on criteria, item and numbers, not on the generator's wording (<see cref="PipelineOptions.ForGeneratedCorpus"/>).
    /// </summary>
    public bool MostlyGenerated { get; init; }
}
