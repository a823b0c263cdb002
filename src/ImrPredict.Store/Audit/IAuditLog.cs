using ImrPredict.Core.Results;

namespace ImrPredict.Store.Audit;

/// <summary>
/// The audit trail kept beside the decided letters: records are appended and read, never updated; the only deletion is
/// <see cref="PurgeBefore"/>, run by the retention job. Safe to share between threads and, on PostgreSQL, between replicas.
/// </summary>
public interface IAuditLog : IDisposable
{
    /// <summary>The engine and where it is (never a password).</summary>
    string Description { get; }

    /// <summary>Appends records in one transaction: on success every one is durable and numbered.</summary>
    Result<int, StoreErrorCode> Append(IReadOnlyList<AuditRecord> records);

    /// <summary>The records that match, newest first.</summary>
    Result<IReadOnlyList<AuditRecord>, StoreErrorCode> Read(AuditQuery query);

    /// <summary>Deletes the records older than <paramref name="cutoff"/> (the retention period); how many went.</summary>
    Result<int, StoreErrorCode> PurgeBefore(DateTimeOffset cutoff);
}
