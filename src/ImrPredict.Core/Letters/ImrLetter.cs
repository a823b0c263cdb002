namespace ImrPredict.Core.Letters;

/// <summary>One IMR final determination letter, parsed.</summary>
/// <param name="LetterId">A stable id: the case number, else a hash of the letter's content.</param>
/// <param name="Format">The form the letter was read from.</param>
/// <param name="Header">The header block.</param>
/// <param name="Reviewer">The expert reviewer's credentials.</param>
/// <param name="ClinicalSummary">The clinical case summary without its boilerplate introduction.</param>
/// <param name="Items">The disputed items in letter order.</param>
public sealed record ImrLetter(
    string LetterId,
    LetterFormat Format,
    LetterHeader Header,
    ReviewerCredentials Reviewer,
    string ClinicalSummary,
    IReadOnlyList<DisputedItem> Items)
{
    /// <summary>The layout the letter was written in.</summary>
    public LetterLayout Layout { get; init; } = LetterLayout.FinalDetermination;

    /// <summary>What looked odd while parsing (empty for a clean letter); see <see cref="ParseWarningCode"/>.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>Days from the date of injury to the UR denial, when both dates are known.</summary>
    public int? DaysFromInjuryToUrDenial =>
        Header is { DateOfInjury: { } injury, UrDenialDate: { } denial }
            ? denial.DayNumber - injury.DayNumber
            : null;
}
