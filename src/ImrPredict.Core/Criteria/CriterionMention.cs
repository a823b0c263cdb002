using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>One place a text speaks of a criterion.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Term">Where its term is (UTF-16 offsets into the text searched).</param>
/// <param name="Sentence">The sentence it is in.</param>
/// <param name="Context">How the sentence speaks of it.</param>
/// <param name="InRequestedItem">Whether the spans are in the requested item rather than the clinical summary.</param>
public sealed record CriterionMention(Criterion Criterion, TextSpan Term, TextSpan Sentence, MentionContext Context, bool InRequestedItem = false);
