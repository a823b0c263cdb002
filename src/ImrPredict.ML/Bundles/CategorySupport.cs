namespace ImrPredict.ML.Bundles;

/// <summary>How many training items of one category back the model's predictions for that category.</summary>
/// <param name="Category">The item category (<c>ItemCategory</c> name).</param>
/// <param name="Items">Training items of the category.</param>
/// <param name="Overturned">Of them, overturned.</param>
public sealed record CategorySupport(string Category, int Items, int Overturned);
