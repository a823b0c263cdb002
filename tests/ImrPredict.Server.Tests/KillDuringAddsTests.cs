using Grpc.Core;
using ImrPredict.Store;
using ImrPredict.TestSupport;

namespace ImrPredict.Server.Tests;

/// <summary>kill -9 during a stream of adds: every acknowledged letter is in the store and, after a restart, searchable.</summary>
public sealed class KillDuringAddsTests(ServiceFixture fixture) : IDisposable
{
    private readonly string _models = fixture.CopyOfModels();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-kill-data-");

    [Fact]
    public async Task Every_acknowledged_letter_survives_a_kill()
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 400).Select(i => StoreLetters.Letter(seed: 909, index: i)).ToList();
        var server = new ServerProcess(_models, _data.FullName);
        await server.StartAsync(token);

        var acknowledged = new List<StoreLetters.Sent>();
        var adding = Task.Run(async () =>
        {
            foreach (var letter in letters)
            {
                try
                {
                    await server.Client.AddDeterminationsAsync(StoreLetters.Request(letter), ServerProcess.Key, cancellationToken: token);
                    lock (acknowledged)
                    {
                        acknowledged.Add(letter);
                    }
                }
                catch (RpcException)
                {
                    return;
                }
            }
        }, token);
        while (acknowledged.Count < 20 && !adding.IsCompleted)
        {
            await Task.Delay(20, token);
        }

        server.Kill();
        await adding;
        await server.DisposeAsync();
        List<string> missing;
        using (var store = SqlDeterminationStore.OpenSqlite(Path.Combine(_data.FullName, StoreLocation.SqliteFile)).Value)
        {
            missing = acknowledged.Where(l => store.Get(l.LetterId).Value is null).Select(l => l.LetterId).ToList();
        }

        await using var restarted = new ServerProcess(_models, _data.FullName);
        await restarted.StartAsync(token);
        var unsearchable = new List<string>();
        foreach (var letter in acknowledged.Take(30))
        {
            if (!await restarted.FindsAsync(letter.Query, letter.LetterId, TimeSpan.FromSeconds(10), token))
            {
                unsearchable.Add(letter.LetterId);
            }
        }

        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} adds were acknowledged before the kill");
        Assert.True(acknowledged.Count < letters.Count, "the kill came after every add: it tested nothing");
        Assert.Empty(missing);
        Assert.Empty(unsearchable);
    }

    public void Dispose()
    {
        Directory.Delete(_models, recursive: true);
        _data.Delete(recursive: true);
    }
}
