using ImrPredict.Store;
using ImrPredict.TestSupport;

namespace ImrPredict.Store.Tests;

/// <summary>Fresh stores for the contract tests: a SQLite file in a temporary folder, or a throw-away PostgreSQL database.</summary>
public static class StoreFactory
{
    /// <summary>A new SQLite store; its folder is deleted with the returned handle.</summary>
    public static TestStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("imr-store-");
        var path = Path.Combine(folder.FullName, "determinations.db");
        return new TestStore(() => SqlLetterStore.OpenSqlite(path).Value, () => folder.Delete(recursive: true), path);
    }

    /// <summary>A new PostgreSQL database, dropped with the returned handle; skips the test, saying why, when no server is configured.</summary>
    public static TestStore Postgres()
    {
        var database = ThrowawayPostgres.Create("store");
        return new TestStore(() => SqlLetterStore.OpenPostgres(database.ConnectionString).Value, database.Dispose, database.ConnectionString);
    }
}
