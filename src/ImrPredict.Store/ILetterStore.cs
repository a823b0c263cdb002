using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>
/// The system of record for decided letters: every letter received is kept with its bytes, its parse (or the parser's
/// error), its source, when it came and a sequence number that only grows. Derived views (the precedent index, training
/// sets) read <see cref="ChangesAfter"/>. Implementations are safe to share between threads and, for PostgreSQL,
/// between processes.
/// </summary>
public interface ILetterStore : IDisposable
{
    /// <summary>The engine and where it is (never a password), for logs and errors.</summary>
    string Description { get; }

    /// <summary>
    /// Parses and keeps letters in one transaction: when this returns success every letter is durable. Re-adding a letter
    /// id replaces it (new sequence); identical content changes nothing; a refused letter is kept with its error and at
    /// most <see cref="AddPolicy.RefusedBytesKept"/> of its bytes. <paramref name="policy"/> (default
    /// <see cref="AddPolicy.Default"/>) may refuse letters the parser read.
    /// </summary>
    Result<IReadOnlyList<StoredAdd>, StoreErrorCode> Add(IReadOnlyList<LetterSubmission> letters, AddPolicy? policy = null);

    /// <summary>
    /// Keeps letters that exist only in parsed form (an index made before the store): each letter's JSON stands as its
    /// original bytes, and its source starts with <see cref="ParsedSubmission.ImportedPrefix"/> so reparse leaves it be.
    /// </summary>
    Result<IReadOnlyList<StoredAdd>, StoreErrorCode> AddParsed(IReadOnlyList<ParsedSubmission> letters);

    /// <summary>
    /// Deletes a letter, leaving a tombstone (its id, sequence and source, without its bytes or parse) so derived views
    /// drop it; the tombstone's sequence, or null when the id is unknown.
    /// </summary>
    Result<long?, StoreErrorCode> Delete(string letterId);

    /// <summary>Up to <paramref name="max"/> changes with a sequence above <paramref name="sequence"/>, in sequence order.</summary>
    Result<IReadOnlyList<StoreChange>, StoreErrorCode> ChangesAfter(long sequence, int max);

    /// <summary>One letter as kept (deleted ones too), or null when the id is unknown.</summary>
    Result<StoredLetter?, StoreErrorCode> Get(string letterId);

    /// <summary>What the store holds and its last sequence (reads every row: for reports, not for every scrape).</summary>
    Result<StoreCounts, StoreErrorCode> Counts();

    /// <summary>The last sequence given (0 for an empty store), read from the sequence index alone.</summary>
    Result<long, StoreErrorCode> LastSequence();

    /// <summary>Every letter with its original bytes, in sequence order, from after <paramref name="sequence"/> (for reparse and export).</summary>
    Result<IReadOnlyList<StoredLetter>, StoreErrorCode> LettersAfter(long sequence, int max);

    /// <summary>The <paramref name="max"/> letters changed last (kept, refused or deleted), newest first, without their bytes.</summary>
    Result<IReadOnlyList<LetterSummary>, StoreErrorCode> Recent(int max);

    /// <summary>The items' sentence embeddings, kept beside the letters (deleted with them).</summary>
    Vectors.IItemVectors Vectors { get; }

    /// <summary>Replaces a kept letter's parse with a new one of the same bytes (after a parser upgrade); a new sequence when it changed.</summary>
    Result<long?, StoreErrorCode> UpdateParse(string letterId, LetterParse parse);
}
