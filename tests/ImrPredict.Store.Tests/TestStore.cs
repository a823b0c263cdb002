using ImrPredict.Store;

namespace ImrPredict.Store.Tests;

/// <summary>A store made for one test: open it (again, as a restart would), then dispose to remove it.</summary>
public sealed class TestStore(Func<ILetterStore> open, Action remove, string location) : IDisposable
{
    private readonly List<ILetterStore> _opened = [];

    /// <summary>The file path or connection string.</summary>
    public string Location => location;

    /// <summary>Opens the store; each call is a new handle on the same data.</summary>
    public ILetterStore Open()
    {
        var store = open();
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        remove();
    }
}
