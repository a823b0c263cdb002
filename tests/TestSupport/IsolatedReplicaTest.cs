namespace ImrPredict.TestSupport;

/// <summary>
/// A test that runs a replica of its own: a models folder it may change (a copy it is given) and an empty data folder for
/// the store and the index, both deleted when the test ends, with any further folder it asks for.
/// </summary>
public abstract class IsolatedReplicaTest : IDisposable
{
    private readonly List<string> _folders = [];

    /// <param name="models">A copy of a models folder that this test owns: it is deleted with the test.</param>
    protected IsolatedReplicaTest(string models)
    {
        Models = models;
        _folders.Add(models);
        Data = Folder("data");
    }

    /// <summary>The test's own models folder.</summary>
    protected string Models { get; }

    /// <summary>The test's own data folder (store and index).</summary>
    protected string Data { get; }

    /// <summary>A new empty folder, deleted when the test ends.</summary>
    protected string Folder(string purpose)
    {
        var folder = Directory.CreateTempSubdirectory($"imr-{GetType().Name}-{purpose}-").FullName;
        _folders.Add(folder);
        return folder;
    }

    /// <summary>A server process (not started) on this test's models and data folders.</summary>
    protected ServerProcess Server(IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new(Models, Data, settings, environment);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes the test's folders; a test holding more (a database, say) releases it here too.</summary>
    protected virtual void Dispose(bool disposing)
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
