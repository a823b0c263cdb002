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
}
