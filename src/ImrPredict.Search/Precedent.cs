using ImrPredict.Core.Letters;
using ImrPredict.Core.Text;

namespace ImrPredict.Search;

/// <summary>A full stored precedent.</summary>
/// <param name="Hit">Its identity and decision.</param>
/// <param name="ClinicalSummary">The letter's clinical summary.</param>
/// <param name="Rationale">The whole rationale.</param>
/// <param name="GuidelineSources">The cited guideline sources.</param>
/// <param name="GuidelineTopics">The cited guideline topics.</param>
/// <param name="ReviewerSpecialties">The reviewer's specialties.</param>
public sealed record Precedent(PrecedentHit Hit, string ClinicalSummary, string Rationale, IReadOnlyList<GuidelineSource> GuidelineSources, IReadOnlyList<string> GuidelineTopics, IReadOnlyList<string> ReviewerSpecialties)
{
    /// <summary>Where the words of the query it was read with occur in <see cref="ClinicalSummary"/>; empty without a query.</summary>
    public IReadOnlyList<TextSpan> SummaryMatches { get; init; } = [];

    /// <summary>Every item of the precedent's letter, this one included, in letter order.</summary>
    public IReadOnlyList<LetterItem> LetterItems { get; init; } = [];

    /// <summary>Where the words of the query it was read with occur in <see cref="Rationale"/>; empty without a query.</summary>
    public IReadOnlyList<TextSpan> RationaleMatches { get; init; } = [];
}
