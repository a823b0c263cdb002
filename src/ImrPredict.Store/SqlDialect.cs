using System.Data.Common;

namespace ImrPredict.Store;

/// <summary>What differs between the engines: connections, the schema's column types and how writers are serialized.</summary>
internal abstract class SqlDialect
{
    /// <summary>The engine and location for messages, without secrets.</summary>
    public abstract string Description { get; }

    /// <summary>An open connection, configured for durability.</summary>
    public abstract DbConnection Open();

    /// <summary>The type of a letter's sequence number: a 64-bit integer.</summary>
    public abstract string SequenceType { get; }

    /// <summary>The type of a byte string (a letter's original bytes, a vector).</summary>
    public abstract string BytesType { get; }

    /// <summary>The statements that create the schema when absent.</summary>
    public IReadOnlyList<string> CreateSchema =>
    [
        "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS letters (
            letter_id TEXT PRIMARY KEY,
            seq {SequenceType} NOT NULL UNIQUE,
            source TEXT NOT NULL,
            received_utc TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            original {BytesType} NOT NULL,
            parsed TEXT NULL,
            error_code TEXT NULL,
            error_message TEXT NULL,
            deleted INTEGER NOT NULL DEFAULT 0)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS item_vectors (
            letter_id TEXT NOT NULL,
            item_index INTEGER NOT NULL,
            model TEXT NOT NULL,
            text_digest TEXT NOT NULL,
            vector {BytesType} NOT NULL,
            PRIMARY KEY (letter_id, item_index, model))
        """,
    ];

    /// <summary>The type of the audit table's key: a number the engine gives each row, growing.</summary>
    public abstract string AuditKeyColumn { get; }

    /// <summary>
    /// The statements that create the audit trail's table and indexes when absent. Append-only: the code inserts, reads
    /// and, in the retention job, deletes by age; it never updates a record.
    /// </summary>
    public IReadOnlyList<string> CreateAuditSchema =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS audit_events (
            seq {AuditKeyColumn},
            time_utc TEXT NOT NULL,
            subject TEXT NOT NULL,
            name TEXT NULL,
            role TEXT NOT NULL,
            scheme TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            precedent_ids TEXT NOT NULL,
            letter_ids TEXT NOT NULL,
            request_id TEXT NULL,
            client_address TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS audit_events_time ON audit_events (time_utc)",
        "CREATE INDEX IF NOT EXISTS audit_events_subject ON audit_events (subject, time_utc)",
    ];

    /// <summary>Begins a write transaction that excludes every other writer, so sequences commit in order.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>An empty byte string literal (what a tombstone keeps of a letter's bytes).</summary>
    public abstract string EmptyBytes { get; }

    /// <summary>Releases pooled resources.</summary>
    public virtual void Dispose()
    {
    }
}
