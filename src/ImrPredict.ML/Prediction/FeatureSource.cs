namespace ImrPredict.ML.Prediction;

/// <summary>Which input a feature reads, so a reader can be shown where its words are (or are not).</summary>
public enum FeatureSource
{
    /// <summary>A word n-gram of the clinical summary (for any item, or keyed to the item's category).</summary>
    Summary,

    /// <summary>A word n-gram of the requested item.</summary>
    Item,

    /// <summary>A character n-gram of the requested item.</summary>
    ItemLetters,

    /// <summary>The item's category.</summary>
    Category,

    /// <summary>A number read from the item or the letter (quantity, strength, sessions, days from injury to denial...).</summary>
    Number,

    /// <summary>Whether such a number was stated.</summary>
    NumberMissing,

    /// <summary>Anything else.</summary>
    Other,

    /// <summary>A guideline criterion's status for the item (<see cref="Data.CriteriaTokens"/>): the words are its token.</summary>
    Criterion,
}
