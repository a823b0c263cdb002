namespace ImrPredict.Core.Letters;

/// <summary>The header block of a letter; each field is absent when the letter lacks it.</summary>
public sealed record LetterHeader(
    string? CaseNumber,
    DateOnly? DateAssigned,
    DateOnly? DateOfInjury,
    DateOnly? DecisionDate,
    DateOnly? UrDenialDate,
    string? Priority,
    DateOnly? ApplicationReceived)
{
    /// <summary>A header with no fields, as in letters whose text carries no header block.</summary>
    public static LetterHeader Empty { get; } = new(null, null, null, null, null, null, null);
}
