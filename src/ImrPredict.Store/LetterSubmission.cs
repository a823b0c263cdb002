namespace ImrPredict.Store;

/// <summary>A decided letter as a user sent it: its bytes (PDF or text) and the name they gave it.</summary>
/// <param name="Content">The letter's bytes.</param>
/// <param name="Source">The user's name for it (a file name), kept with it.</param>
public sealed record LetterSubmission(byte[] Content, string Source);
