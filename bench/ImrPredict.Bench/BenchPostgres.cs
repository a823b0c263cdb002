using Npgsql;

namespace ImrPredict.Bench;

/// <summary>A throw-away database on a PostgreSQL server whose role may create databases, dropped when disposed.</summary>
internal sealed class BenchPostgres : IDisposable
{
    private readonly string _server;
    private readonly string _database;

    private BenchPostgres(string server, string database)
    {
        _server = server;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    /// <summary>The new database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates <c>imr_PURPOSE_...</c> on <paramref name="server"/>; throws <see cref="NpgsqlException"/> when it cannot.</summary>
    public static BenchPostgres Create(string server, string purpose)
    {
        var database = $"imr_{purpose}_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE {database}");
        return new BenchPostgres(server, database);
    }

    /// <summary>Drops the database; one that cannot be dropped is reported and left behind.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
        catch (NpgsqlException e)
        {
            Console.WriteLine($"  (the benchmark database {_database} was left behind: {e.Message})");
        }
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
