using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>Where a command-line job finds the store the service uses: the PostgreSQL connection string in the environment, else the SQLite file in a data folder.</summary>
public static class StoreLocation
{
    /// <summary>The environment variable of the PostgreSQL connection string (the service's <c>ConnectionStrings:Determinations</c>).</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Determinations";

    /// <summary>The SQLite store's file name inside a data folder.</summary>
    public const string SqliteFile = "determinations.db";

    /// <summary>Opens the PostgreSQL store when the environment names one, else the SQLite store in <paramref name="dataDirectory"/>.</summary>
    public static Result<ILetterStore, StoreErrorCode> Open(string dataDirectory, string? connectionString = null)
    {
        connectionString ??= Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return string.IsNullOrWhiteSpace(connectionString)
            ? SqlLetterStore.OpenSqlite(Path.Combine(dataDirectory, SqliteFile))
            : SqlLetterStore.OpenPostgres(connectionString);
    }
}
