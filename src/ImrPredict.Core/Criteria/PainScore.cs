using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>A pain score the summary states ("8/10", "rated 6-8 on a 10-point scale"; a range reads as its upper end).</summary>
/// <param name="Score">The score out of 10.</param>
/// <param name="Span">Where it is in the summary.</param>
/// <param name="WithMedication">True "with medication", false "without medication", null when the sentence does not say.</param>
public sealed record PainScore(int Score, TextSpan Span, bool? WithMedication);
