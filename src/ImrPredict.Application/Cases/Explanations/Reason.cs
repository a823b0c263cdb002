using ImrPredict.Core.Text;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>
/// One reason for an item's probability, phrased for a reader: contributions of the same words (a phrase's
/// overlapping n-grams, or the same n-gram counted for any item and for the item's category) merged into one.
/// </summary>
/// <param name="Text">The reason in words: <c>mentions "urine drug screen consistent"</c>, <c>does not mention "functional improvement"</c>.</param>
/// <param name="Weight">The merged contributions' sum: positive toward Overturned, negative toward Upheld.</param>
/// <param name="Present">Whether the words occur (the category is the item's, the number is stated).</param>
/// <param name="Field">Where the words are.</param>
/// <param name="Words">The words, as the case writes them when they occur.</param>
/// <param name="Spans">Where they occur in <paramref name="Field"/>.</param>
/// <param name="Features">The model features merged into this reason.</param>
/// <param name="Kind">What the reason is about: a criterion, a clinical term, the category or a stated number.</param>
/// <param name="Criterion">For a criterion reason, its catalogue id; null otherwise.</param>
/// <param name="Status">For a criterion reason, what the summary says of it; null otherwise.</param>
public sealed record Reason(string Text, double Weight, bool Present, CaseField Field, string Words, IReadOnlyList<TextSpan> Spans, IReadOnlyList<string> Features,
    ReasonKind Kind = ReasonKind.Term, string? Criterion = null, Core.Criteria.CriterionStatus? Status = null);
