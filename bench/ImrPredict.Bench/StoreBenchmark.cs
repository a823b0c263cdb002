using System.Text;
using ImrPredict.Application;
using ImrPredict.Application.Storage;
using ImrPredict.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ImrPredict.Bench;

/// <summary>
/// <c>store [letters=100000]</c>: the letter store. Ingest of generated text letters, parse included, as
/// <c>imr ingest</c> does it (batches of 500) into SQLite and, when <c>IMRPREDICT_TEST_POSTGRES</c> names a server, PostgreSQL;
/// AddDeterminations through the real service in batches of 100; a precedent index rebuilt from the store; and replica lag
/// (a second index following the store while letters arrive at 100/s).
/// </summary>
internal static class StoreBenchmark
{
    public static int Run(string[] args)
    {
        var count = BenchArgs.At(args, 0, 100_000);
        Console.WriteLine($"store benchmark: {count:N0} generated text letters, {Environment.ProcessorCount} cores");
        var stopwatch = Stopwatch.StartNew();
        var generator = new LetterGenerator(seed: 31337);
        var letters = new LetterSubmission[count];
        Parallel.For(0, count, i => letters[i] = new LetterSubmission(Encoding.UTF8.GetBytes(LetterRenderer.Markdown(generator.Generate(i))), $"bench-{i}.md"));
        Console.WriteLine($"  generated in {stopwatch.Elapsed.TotalSeconds:N1} s");

        var folder = Directory.CreateTempSubdirectory("imr-bench-store-");
        try
        {
            using (var sqlite = SqlLetterStore.OpenSqlite(Path.Combine(folder.FullName, StoreLocation.SqliteFile)).Value)
            {
                Ingest("SQLite ingest (imr ingest, batches of 500)", sqlite, letters, 500, "target >= 2,000 letters/s");
                Rebuild(folder.FullName);
                ReplicaLag(sqlite, folder.FullName);
            }

            if (Environment.GetEnvironmentVariable("IMRPREDICT_TEST_POSTGRES") is { Length: > 0 } server)
            {
                using var database = BenchPostgres.Create(server, "bench");
                using var postgres = SqlLetterStore.OpenPostgres(database.ConnectionString).Value;
                Ingest("PostgreSQL ingest (batches of 500)", postgres, letters, 500, "target >= 2,000 letters/s (set for SQLite)");
            }
            else
            {
                Console.WriteLine("  PostgreSQL: skipped, IMRPREDICT_TEST_POSTGRES is not set");
            }

            AddThroughService(letters.Take(Math.Min(count, 20_000)).ToArray(), Path.Combine(folder.FullName, "service"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static void Ingest(string name, ILetterStore store, LetterSubmission[] letters, int batch, string target)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var chunk in letters.Chunk(batch))
        {
            var added = store.Add(chunk);
            if (!added.Success)
            {
                throw new InvalidOperationException(added.Error.ToString());
            }
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name,-48} {letters.Length / seconds,8:N0} letters/s ({seconds:N1} s)  {target}");
    }

    /// <summary>An index built from the store by the service's own catch-up (as after a damaged index or for a new replica).</summary>
    private static void Rebuild(string folder)
    {
        using var host = new LetterStoreHost(new StorageOptions(), folder, NullLogger<LetterStoreHost>.Instance);
        using var view = new PrecedentView(host, Path.Combine(folder, "index"), new ServiceLimits(), NullLogger<PrecedentView>.Instance);
        var stopwatch = Stopwatch.StartNew();
        view.CatchUp(Timeout.InfiniteTimeSpan, CancellationToken.None);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {"index rebuilt from the store",-48} {view.Count / seconds,8:N0} items/s ({view.Count:N0} items in {seconds:N1} s; 1M items at this rate: {1_000_000 / (view.Count / seconds) / 60:N1} min)  target 1M items <= 5 min");
    }

    /// <summary>A second replica's view following the store (polling every 2 s, the service default) while letters arrive at 100/s.</summary>
    private static void ReplicaLag(ILetterStore store, string folder)
    {
        var options = new StorageOptions();
        using var host = new LetterStoreHost(options, folder, NullLogger<LetterStoreHost>.Instance);
        using var view = new PrecedentView(host, Path.Combine(folder, "replica-index"), new ServiceLimits(), NullLogger<PrecedentView>.Instance);
        view.CatchUp(Timeout.InfiniteTimeSpan, CancellationToken.None);
        var generator = new LetterGenerator(seed: 4711);
        var committed = new System.Collections.Concurrent.ConcurrentDictionary<long, long>();
        var lags = new List<double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var follower = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                view.CatchUp(TimeSpan.FromSeconds(1), CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                foreach (var (sequence, at) in committed.Where(c => c.Key <= view.AppliedSequence).ToList())
                {
                    lags.Add(Stopwatch.GetElapsedTime(at, now).TotalSeconds);
                    committed.TryRemove(sequence, out _);
                }

                await Task.Delay(TimeSpan.FromSeconds(options.IndexPollSeconds));
            }
        });
        var next = Stopwatch.GetTimestamp();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var letter = new LetterSubmission(Encoding.UTF8.GetBytes(LetterRenderer.Markdown(generator.Generate(i))), $"lag-{i}.md");
            var added = store.Add([letter]).Value[0];
            committed[added.Sequence] = Stopwatch.GetTimestamp();
            next += Stopwatch.Frequency / 100;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
        }

        follower.Wait();
        Console.WriteLine($"  {"replica lag at 100 letters/s (poll 2 s)",-48} p50 {BenchSupport.Median(lags):N2} s, p99 {BenchSupport.Percentile(lags, 0.99):N2} s over {lags.Count:N0} letters  target p99 <= 5 s");
    }

    /// <summary>AddDeterminations through the real service (its own data folder) in batches of 100.</summary>
    private static void AddThroughService(LetterSubmission[] letters, string data)
    {
        using var app = new ServerUnderLoad(new Dictionary<string, string?>
        {
            ["ImrPredict:ModelsDirectory"] = Path.Combine(SharedDataLocation.RepositoryRoot(), "models"),
            ["ImrPredict:DataDirectory"] = data,
            ["ImrPredict:ApiKey"] = "bench",
            ["ImrPredict:BuildDefaultBundle"] = "false",
            ["ImrPredict:ReloadPollSeconds"] = "0",
            // The ingest rate itself is measured: no per-replica rate limit (one call at a time stays under its concurrency).
            ["ImrPredict:CallLimits:AddDeterminations:PermitsPerSecond"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler(), MaxSendMessageSize = 64 * 1024 * 1024 });
        var client = new ImrPredictService.ImrPredictServiceClient(channel);
        var key = new Grpc.Core.Metadata { { "x-api-key", "bench" } };
        var stopwatch = Stopwatch.StartNew();
        foreach (var chunk in letters.Chunk(100))
        {
            var request = new AddDeterminationsRequest();
            request.Letters.AddRange(chunk.Select(l => new LetterContent { Text = Encoding.UTF8.GetString(l.Content), Source = l.Source }));
            client.AddDeterminations(request, key);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {"AddDeterminations, batches of 100 (SQLite)",-48} {letters.Length / seconds,8:N0} letters/s ({letters.Length:N0} in {seconds:N1} s, each answered once searchable)  target >= 1,000 letters/s");
    }
}
