using System.Data.Common;
using Npgsql;

namespace ImrPredict.Store;

/// <summary>PostgreSQL: one database shared by every replica; writers take a transaction advisory lock so sequences commit in order.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The advisory lock key of the letters table's writers.</summary>
    private const long WriteLockKey = 0x494d_5250_5354; // "IMRPST"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL store '{builder.Database}' at {builder.Host}:{builder.Port} (ConnectionStrings:Determinations)";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override string EmptyBytes => "''::bytea";

    public override string Description { get; }

    public override DbConnection Open() => _dataSource.OpenConnection();

    public override IReadOnlyList<string> CreateSchema { get; } =
    [
        "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS letters (
            letter_id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            received_utc TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            original BYTEA NOT NULL,
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
            vector BYTEA NOT NULL,
            PRIMARY KEY (letter_id, item_index, model))
        """,
    ];

    public override string AuditKeyColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriteLockKey})";
        command.ExecuteNonQuery();
        return transaction;
    }

    public override void Dispose() => _dataSource.Dispose();
}
