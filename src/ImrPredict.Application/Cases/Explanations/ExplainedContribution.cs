using ImrPredict.Core.Text;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>A feature contribution and where its words are in the case.</summary>
/// <param name="Contribution">The model's contribution.</param>
/// <param name="Field">Where its words were looked for.</param>
/// <param name="Present">Whether the feature holds for this case (its words occur; the category is the item's; the number is stated).</param>
/// <param name="Spans">Where its words occur in <paramref name="Field"/>.</param>
public sealed record ExplainedContribution(FeatureContribution Contribution, CaseField Field, bool Present, IReadOnlyList<TextSpan> Spans);
