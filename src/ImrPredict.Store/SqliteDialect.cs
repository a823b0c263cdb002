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

    public override string SequenceType => "INTEGER";

    public override string BytesType => "BLOB";

    public override string AuditKeyColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    // BEGIN IMMEDIATE: the write lock is taken at the start, so two writers never read the same last sequence.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override void Dispose() => SqliteConnection.ClearAllPools();
}
