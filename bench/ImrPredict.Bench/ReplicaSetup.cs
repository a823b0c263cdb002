namespace ImrPredict.Bench;

/// <summary>What the soak and chaos benchmarks start replicas from: the repository's default bundle, copied to a scratch folder.</summary>
internal static class ReplicaSetup
{
    /// <summary>
    /// A scratch folder holding <c>models/default</c> copied from the repository (built there first, by the server as on a
    /// fresh clone, when it is absent) and, with <paramref name="withData"/>, a copy of its <c>data/</c> (store and index).
    /// </summary>
    public static string Scratch(string name, bool withData)
    {
        var root = SharedDataLocation.RepositoryRoot();
        var models = Path.Combine(root, "models");
        if (!File.Exists(Path.Combine(models, "default", "manifest.json")))
        {
            Console.WriteLine("  building the default bundle first (about two minutes)...");
            var builder = new ServerProcess(models, Path.Combine(root, "data"), new Dictionary<string, string> { ["ImrPredict:BuildDefaultBundle"] = "true" })
            {
                StartTimeout = TimeSpan.FromMinutes(15),
            };
            builder.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            builder.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        var scratch = Path.Combine(Path.GetTempPath(), $"imr-{name}-{Guid.NewGuid():N}");
        FolderCopy.Copy(Path.Combine(models, "default"), Path.Combine(scratch, "models", "default"));
        if (withData)
        {
            FolderCopy.Copy(Path.Combine(root, "data"), Path.Combine(scratch, "data"));
        }

        return scratch;
    }

    /// <summary>The resident memory of a process, in MB (0 once it has exited).</summary>
    public static double ResidentMegabytes(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.WorkingSet64 / 1024.0 / 1024.0;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }
}
