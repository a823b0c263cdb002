using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>
/// kill -9 during a stream of adds: every acknowledged letter is in the store and, after a restart, readable the moment
/// the replica says it is ready (a load balancer sends it traffic then).
/// </summary>
public sealed class KillDuringAddsTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Every_acknowledged_letter_survives_a_kill()
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 400).Select(i => StoreLetters.Letter(seed: 909, index: i)).ToList();
        var server = Server();
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
        using (var store = SqlLetterStore.OpenSqlite(Path.Combine(Data, StoreLocation.SqliteFile)).Value)
        {
            missing = acknowledged.Where(l => store.Get(l.LetterId).Value is null).Select(l => l.LetterId).ToList();
        }

        await using var restarted = Server();
        var starting = restarted.StartAsync(token);
        using var http = new HttpClient { BaseAddress = restarted.JsonAddress, Timeout = TimeSpan.FromSeconds(5) };
        var readyAfter = await FirstReadyAsync(http, TimeSpan.FromSeconds(60), token);
        var unreadable = new List<string>();
        foreach (var letter in acknowledged)
        {
            // Over the port /readyz answered on: a gRPC channel made before the listener opened may still be backing off.
            using var precedent = await http.GetAsync($"/v1/precedents/{Uri.EscapeDataString($"{letter.LetterId}#0")}", token);
            if (!precedent.IsSuccessStatusCode)
            {
                unreadable.Add($"{letter.LetterId}: {(int)precedent.StatusCode}");
            }
        }

        await starting;
        var unsearchable = new List<string>();
        foreach (var letter in acknowledged.Take(30))
        {
            if (!await restarted.FindsAsync(letter.Query, letter.LetterId, TimeSpan.FromSeconds(10), token))
            {
                unsearchable.Add(letter.LetterId);
            }
        }

        Assert.True(readyAfter is not null, "the restarted replica never answered /readyz 200");
        Assert.True(unreadable.Count == 0, $"ready after {readyAfter?.TotalSeconds:F2} s, but {unreadable.Count} of {acknowledged.Count} acknowledged letters were not readable then: {string.Join(", ", unreadable.Take(5))}");
        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} adds were acknowledged before the kill");
        Assert.True(acknowledged.Count < letters.Count, "the kill came after every add: it tested nothing");
        Assert.Empty(missing);
        Assert.Empty(unsearchable);
    }

    /// <summary>Polls <c>/readyz</c> as a load balancer does, from the moment the process starts; the time to its first 200.</summary>
    private static async Task<TimeSpan?> FirstReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken token)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            try
            {
                using var ready = await http.GetAsync("/readyz", token);
                if (ready.IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, token);
        }

        return null;
    }
}
