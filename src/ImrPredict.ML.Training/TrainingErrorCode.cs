namespace ImrPredict.ML.Training;

/// <summary>Why training could not start.</summary>
public enum TrainingErrorCode
{
    /// <summary>There are no training items.</summary>
    NoItems,

    /// <summary>Every item has the same label: a classifier needs both.</summary>
    OneLabel,

    /// <summary>Too few letters (or cases) to fill the grouped validation folds.</summary>
    TooFewGroups,

    /// <summary>The letters cannot be split by decision date into a training period and a held-out recent period.</summary>
    NoTimeSplit,
}
