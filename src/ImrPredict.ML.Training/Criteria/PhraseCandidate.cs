using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Training.Criteria;

/// <summary>A phrase that decided letters' rationales use for one treatment category, for a person to review into the catalogue.</summary>
/// <param name="Category">The items' category.</param>
/// <param name="Phrase">The phrase (two to four words, lower case).</param>
/// <param name="Items">Items of the category whose rationale uses it.</param>
/// <param name="Overturned">Of those, how many were overturned.</param>
/// <param name="CategoryItems">Items of the category in the corpus.</param>
/// <param name="CategoryOverturned">Of those, how many were overturned.</param>
/// <param name="Criterion">The catalogue criterion whose terms the phrase contains, or null when the catalogue has none.</param>
public sealed record PhraseCandidate(ItemCategory Category, string Phrase, int Items, int Overturned, int CategoryItems, int CategoryOverturned, string? Criterion)
{
    /// <summary>The overturn rate of items whose rationale uses the phrase.</summary>
    public double OverturnRate => Items == 0 ? 0 : Overturned / (double)Items;

    /// <summary>The category's overturn rate.</summary>
    public double CategoryRate => CategoryItems == 0 ? 0 : CategoryOverturned / (double)CategoryItems;

    /// <summary>How far the phrase moves the overturn rate, weighted by how often it is used: the ranking.</summary>
    public double Lift => Math.Abs(OverturnRate - CategoryRate) * Math.Sqrt(Items);
}
