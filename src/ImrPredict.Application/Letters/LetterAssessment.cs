using ImrPredict.Application.Cases;
using ImrPredict.Core.Letters;

namespace ImrPredict.Application.Letters;

/// <summary>A letter read and its case assessed.</summary>
/// <param name="LetterId">The letter's id (a hash of its text).</param>
/// <param name="CaseNumber">The IMR case number, when the letter gives one.</param>
/// <param name="ClinicalSummary">The clinical summary read from the letter.</param>
/// <param name="Assessment">The assessment of its requested items.</param>
/// <param name="Layout">The letter's layout.</param>
/// <param name="Warnings">What looked odd in the letter.</param>
public sealed record LetterAssessment(string LetterId, string? CaseNumber, string ClinicalSummary, CaseAssessment Assessment,
    LetterLayout Layout, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>The date of injury the letter gives.</summary>
    public DateOnly? DateOfInjury { get; init; }

    /// <summary>The date of the utilization review denial the letter gives.</summary>
    public DateOnly? UrDenialDate { get; init; }
}
