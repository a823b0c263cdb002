namespace ImrPredict.ML.Prediction;

/// <summary>One slot of the model's feature vector, as a reader is told about it.</summary>
/// <param name="Readable">Its name in words: <c>summary: "urine drug"</c>, <c>item category = Opioid</c>.</param>
/// <param name="Source">The input it reads.</param>
/// <param name="Words">The n-gram (words joined by spaces, or the letters of a character n-gram); the category or number's name otherwise.</param>
/// <param name="KeyedCategory">For an n-gram of a per-category keyed block, the category it counts for; null otherwise.</param>
public sealed record FeatureSlot(string Readable, FeatureSource Source, string Words, string? KeyedCategory);
