using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ImrPredict.Store;

/// <summary>SQLite: one file in WAL mode with <c>synchronous=FULL</c>, so a committed add survives a crash or power loss.</summary>
internal sealed class SqliteDialect(string path) : SqlDialect
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <inheritdoc />
    public override string EmptyBytes => "X''";

    public override string Description => $"SQLite store '{path}'";

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // WAL persists in the file; synchronous and the busy wait are per connection.
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public override IReadOnlyList<string> CreateSchema { get; } =
    [
        "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS letters (
            letter_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            source TEXT NOT NULL,
            received_utc TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            original BLOB NOT NULL,
            parsed TEXT NULL,
            error_code TEXT NULL,
            error_message TEXT NULL,
            deleted INTEGER NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE IF NOT EXISTS item_vectors (
            letter_id TEXT NOT NULL,
            item_index INTEGER NOT NULL,
            model TEXT NOT NULL,
            text_digest TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (letter_id, item_index, model))
        """,
    ];

    public override string AuditKeyColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    // BEGIN IMMEDIATE: the write lock is taken at the start, so two writers never read the same last sequence.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override void Dispose() => SqliteConnection.ClearAllPools();
}
