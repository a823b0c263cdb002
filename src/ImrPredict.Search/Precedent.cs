using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>A full stored precedent.</summary>
/// <param name="Hit">Its identity and decision.</param>
/// <param name="ClinicalSummary">The letter's clinical summary.</param>
/// <param name="Rationale">The whole rationale.</param>
/// <param name="GuidelineSources">The cited guideline sources.</param>
/// <param name="GuidelineTopics">The cited guideline topics.</param>
/// <param name="ReviewerSpecialties">The reviewer's specialties.</param>
public sealed record Precedent(PrecedentHit Hit, string ClinicalSummary, string Rationale, IReadOnlyList<GuidelineSource> GuidelineSources, IReadOnlyList<string> GuidelineTopics, IReadOnlyList<string> ReviewerSpecialties);
