namespace ImrPredict.Application.Determinations;

/// <summary>A decided letter given to be kept as a precedent.</summary>
/// <param name="Content">The letter: PDF bytes or UTF-8 text; null when the caller sent neither.</param>
/// <param name="Source">The caller's name for it (a file name), echoed in errors.</param>
public sealed record LetterSubmission(byte[]? Content, string Source);
