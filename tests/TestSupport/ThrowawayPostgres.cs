using Npgsql;

namespace ImrPredict.TestSupport;

/// <summary>
/// A throw-away database on the test PostgreSQL server named by <c>IMRPREDICT_TEST_POSTGRES</c> (<c>.ci/run</c> starts one and
/// sets it); the test is skipped, saying why, when there is none. Linked into the test projects that need PostgreSQL.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    /// <summary>The environment variable with a connection string whose role may create databases.</summary>
    public const string Variable = "IMRPREDICT_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _database;

    private ThrowawayPostgres(string server, string database, string connectionString)
    {
        _server = server;
        _database = database;
        ConnectionString = connectionString;
    }

    /// <summary>The new database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a database named after <paramref name="purpose"/>; skips the test when no server can be used.</summary>
    public static ThrowawayPostgres Create(string purpose)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(server))
        {
            Assert.Skip($"{Variable} is not set: no PostgreSQL server for this test (.ci/run starts one)");
        }

        var database = $"imr_{purpose}_{Guid.NewGuid():N}";
        try
        {
            Execute(server, $"CREATE DATABASE {database}");
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server in {Variable} cannot be used: {e.Message}");
        }

        return new ThrowawayPostgres(server, database, new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString());
    }

    /// <summary>Drops the database; one still busy (a background worker of the server) is reported and left behind.</summary>
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
        catch (NpgsqlException e)
        {
            TestContext.Current.SendDiagnosticMessage($"the test database {_database} was left behind: {e.Message}");
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
