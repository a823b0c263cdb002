using ImrPredict.Core.Results;

namespace ImrPredict.Store.Vectors;

/// <summary>
/// The items' sentence embeddings, in the store's own database (a BLOB in SQLite, <c>bytea</c> in PostgreSQL), keyed by letter,
/// item and model. Derived data: a letter's vectors go when the letter is deleted, and may be recomputed at any time.
/// </summary>
public interface IItemVectors
{
    /// <summary>The vectors of <paramref name="model"/> kept for these letters' items.</summary>
    Result<IReadOnlyList<StoredVector>, StoreErrorCode> For(IReadOnlyCollection<string> letterIds, string model);

    /// <summary>Keeps vectors, replacing any of the same letter, item and model; returns how many were written.</summary>
    Result<int, StoreErrorCode> Put(IReadOnlyList<StoredVector> vectors);

    /// <summary>How many vectors of <paramref name="model"/> are kept.</summary>
    Result<long, StoreErrorCode> Count(string model);
}
