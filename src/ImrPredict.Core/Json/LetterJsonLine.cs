using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Json;

/// <summary>
/// One line of <c>imr parse</c> output for a parsed letter. Every key is written, null where the letter
/// lacks the field, so consumers can rely on the keys being there.
/// </summary>
public sealed record LetterJsonLine
{
    /// <summary>Where the letter came from (a path).</summary>
    public required string Source { get; init; }

    /// <summary>The letter's stable id.</summary>
    public required string LetterId { get; init; }

    /// <summary>The form the letter was read from.</summary>
    public required LetterFormat Format { get; init; }

    /// <summary>The layout the letter was written in.</summary>
    public LetterLayout Layout { get; init; }

    /// <summary>What looked odd in a letter that still parsed; empty for a clean letter.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>Case number (CMyy-nnnnnnn).</summary>
    public string? CaseNumber { get; init; }

    /// <summary>Date the case was assigned.</summary>
    public DateOnly? DateAssigned { get; init; }

    /// <summary>Date of injury.</summary>
    public DateOnly? DateOfInjury { get; init; }

    /// <summary>Date of the IMR decision.</summary>
    public DateOnly? DecisionDate { get; init; }

    /// <summary>Date of the utilization-review denial.</summary>
    public DateOnly? UrDenialDate { get; init; }

    /// <summary>Standard or Expedited.</summary>
    public string? Priority { get; init; }

    /// <summary>Date the IMR application was received.</summary>
    public DateOnly? ApplicationReceived { get; init; }

    /// <summary>Days from injury to UR denial.</summary>
    public int? DaysFromInjuryToUrDenial { get; init; }

    /// <summary>The reviewer's states of licensure.</summary>
    public required IReadOnlyList<string> ReviewerLicensure { get; init; }

    /// <summary>The reviewer's certifications and specialties.</summary>
    public required IReadOnlyList<string> ReviewerSpecialties { get; init; }

    /// <summary>The clinical case summary.</summary>
    public required string ClinicalSummary { get; init; }

    /// <summary>The disputed items in letter order.</summary>
    public required IReadOnlyList<ItemJson> Items { get; init; }

    /// <summary>The JSON line for a parsed letter.</summary>
    public static LetterJsonLine From(string source, ImrLetter letter) => new()
    {
        Source = source,
        LetterId = letter.LetterId,
        Format = letter.Format,
        Layout = letter.Layout,
        Warnings = letter.Warnings,
        CaseNumber = letter.Header.CaseNumber,
        DateAssigned = letter.Header.DateAssigned,
        DateOfInjury = letter.Header.DateOfInjury,
        DecisionDate = letter.Header.DecisionDate,
        UrDenialDate = letter.Header.UrDenialDate,
        Priority = letter.Header.Priority,
        ApplicationReceived = letter.Header.ApplicationReceived,
        DaysFromInjuryToUrDenial = letter.DaysFromInjuryToUrDenial,
        ReviewerLicensure = letter.Reviewer.Licensure,
        ReviewerSpecialties = letter.Reviewer.Specialties,
        ClinicalSummary = letter.ClinicalSummary,
        Items = letter.Items.Select(ItemJson.From).ToList(),
    };
}
