using ImrPredict.Store;
using Npgsql;

namespace ImrPredict.Store.Tests;

/// <summary>Fresh stores for the contract tests: a SQLite file in a temporary folder, or a throw-away PostgreSQL database.</summary>
public static class StoreFactory
{
    /// <summary>The environment variable with a PostgreSQL connection string whose role may create databases (<c>.ci/run</c> sets it).</summary>
    public const string PostgresVariable = "IMRPREDICT_TEST_POSTGRES";

    /// <summary>A new SQLite store; its folder is deleted with the returned handle.</summary>
    public static TestStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("imr-store-");
        var path = Path.Combine(folder.FullName, "determinations.db");
        return new TestStore(() => SqlDeterminationStore.OpenSqlite(path).Value, () => folder.Delete(recursive: true), path);
    }

    /// <summary>A new PostgreSQL database, dropped with the returned handle; skips the test, saying why, when no server is configured.</summary>
    public static TestStore Postgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            Assert.Skip($"{PostgresVariable} is not set: no PostgreSQL server for the store's PostgreSQL tests (.ci/run starts one)");
        }

        var database = $"imr_test_{Guid.NewGuid():N}";
        try
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server in {PostgresVariable} cannot be used: {e.Message}");
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true }.ToString();
        return new TestStore(() => SqlDeterminationStore.OpenPostgres(connection).Value, () => Drop(server, database), connection);
    }

    /// <summary>Drops a throw-away database; one still busy (a background worker of the server) is left for the next run's server restart.</summary>
    public static void Drop(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            TestContext.Current.SendDiagnosticMessage($"the test database {database} was left behind: {e.Message}");
        }
    }
}
