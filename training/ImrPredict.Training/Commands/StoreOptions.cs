namespace ImrPredict.Training.Commands;

/// <summary>The options every store command shares: the data folder of the SQLite store (PostgreSQL from the environment).</summary>
internal static class StoreOptions
{
    public static System.CommandLine.Option<DirectoryInfo> DataDirectory() => new("--data-dir")
    {
        Description = $"The data folder of the SQLite store (default: data). With {StoreLocation.ConnectionStringVariable} set, the PostgreSQL store is used instead.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };
}
