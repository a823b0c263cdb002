namespace ImrPredict.Store;

/// <summary>One kept letter as an operator lists it: what it is and how it fared, without its bytes or text.</summary>
/// <param name="Sequence">The sequence of its last change.</param>
/// <param name="LetterId">Its id.</param>
/// <param name="Source">Where it came from (a file name, an import).</param>
/// <param name="ReceivedUtc">When it was received.</param>
/// <param name="CaseNumber">The IMR case number the parse read, when it read one.</param>
/// <param name="Items">Its disputed items (0 for a refused or deleted letter).</param>
/// <param name="ErrorCode">The parser's error code for a refused letter.</param>
/// <param name="ErrorMessage">The parser's message for a refused letter.</param>
/// <param name="Deleted">Whether only its tombstone remains.</param>
public sealed record LetterSummary(long Sequence, string LetterId, string Source, DateTimeOffset ReceivedUtc, string? CaseNumber, int Items,
    string? ErrorCode, string? ErrorMessage, bool Deleted)
{
    /// <summary>kept, refused or deleted.</summary>
    public string Status => Deleted ? "deleted" : ErrorCode is null ? "kept" : "refused";
}
