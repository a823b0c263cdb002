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

    public override string SequenceType => "BIGINT";

    public override string BytesType => "BYTEA";

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
