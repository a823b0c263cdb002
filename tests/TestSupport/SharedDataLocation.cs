namespace ImrPredict.TestSupport;

/// <summary>
/// Where the repository and the shared data beside it are, for tests and benchmarks (linked into each project, so
/// there is one copy). The shared data is <c>../shared</c> next to the repository, or <c>IMR_SHARED_DIR</c>; it is
/// read in place and never copied into the repository.
/// </summary>
internal static class SharedDataLocation
{
    /// <summary>The folder holding <c>ImrPredict.sln</c>, found upwards from the running binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImrPredict.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"ImrPredict.sln not found above '{AppContext.BaseDirectory}'");
    }

    /// <summary>The shared data folder, or null when it is absent (as on a user's fresh clone).</summary>
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("IMR_SHARED_DIR");
        var candidate = string.IsNullOrEmpty(fromEnvironment)
            ? Path.Combine(RepositoryRoot(), "..", "shared")
            : fromEnvironment;
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }
}
