using System.Collections.Concurrent;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using ImrPredict.Store;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ImrPredict.Bench;

/// <summary>
/// <c>chaos [seconds-per-phase=15] [rate=100]</c>: two replica processes on one PostgreSQL store (a throw-away database on
/// <c>IMRPREDICT_TEST_POSTGRES</c>, or the local server), a shared models folder, and a client as the README advises
/// (round robin over the replicas whose /readyz answers 200, as a headless Kubernetes Service lists them; retrying
/// UNAVAILABLE; adds, being idempotent, re-sent once more after that). Under steady load
/// (Predict paced at the rate, adds of 10 letters back to back) it kills replica A with -9 during an add, stops B with
/// SIGTERM, publishes a damaged bundle, and deletes A's index folder, restarting what it stopped. Reports the requests
/// that failed and the acknowledged letters missing from the store or from either replica's index (targets 0 and 0).
/// </summary>
internal static class ChaosBenchmark
{
    private const string ApiKey = ServerProcess.ApiKey;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var phaseSeconds = BenchArgs.At(args, 0, 15.0);
        var rate = BenchArgs.At(args, 1, 100);
        var server = Environment.GetEnvironmentVariable("IMRPREDICT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=imr;Password=imr;Database=postgres";
        BenchPostgres database;
        try
        {
            database = BenchPostgres.Create(server, "chaos");
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"chaos needs a PostgreSQL server whose role may create databases (IMRPREDICT_TEST_POSTGRES, or imr/imr on 127.0.0.1): {e.Message}");
            return 2;
        }

        var connection = database.ConnectionString;
        var scratch = ReplicaSetup.Scratch("chaos", withData: false);
        var models = Path.Combine(scratch, "models");
        ServerProcess Replica(string name) => new(models, Path.Combine(scratch, $"data-{name}"), new Dictionary<string, string>
        {
            ["ConnectionStrings:Determinations"] = connection,
            ["ImrPredict:ShutdownSeconds"] = "10",
            ["ImrPredict:ReloadPollSeconds"] = "1",
        });
        var replicas = new[] { Replica("a"), Replica("b") };
        try
        {
            foreach (var replica in replicas)
            {
                await replica.StartAsync(CancellationToken.None);
            }

            return await Chaos(replicas, models, scratch, connection, phaseSeconds, rate);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            database.Dispose();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<int> Chaos(ServerProcess[] replicas, string models, string scratch, string connection, double phaseSeconds, int rate)
    {
        var resolver = new ReadyReplicas(replicas);
        using var channel = BalancedChannel(resolver);
        var client = new ImrPredictService.ImrPredictServiceClient(channel);
        var key = new Metadata { { "x-api-key", ApiKey } };
        var predict = new PredictRequest { ClinicalSummary = "Chronic low back pain radiating to the right leg despite therapy and medication.", Contributions = 3, Precedents = 1 };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });

        var clock = Stopwatch.StartNew();
        var phases = new List<(string Name, TimeSpan Start)>();
        var calls = new ConcurrentBag<(string Kind, TimeSpan Start, double Milliseconds, StatusCode Status, string Detail)>();
        var acknowledged = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var addInFlight = 0;
        var unready = new double[replicas.Length];
        using var stop = new CancellationTokenSource();

        var predictor = Task.Run(async () =>
        {
            var pending = new List<Task>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var wait = TimeSpan.FromSeconds(i / (double)rate) - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                pending.Add(Timed("Predict", async () => await client.PredictAsync(predict)));
            }

            await Task.WhenAll(pending);
        });
        var adder = Task.Run(async () =>
        {
            var generator = new LetterGenerator(seed: 909);
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var request = new AddDeterminationsRequest();
                var ids = new List<string>();
                for (var i = 0; i < 10; i++)
                {
                    var text = LetterRenderer.Markdown(generator.Generate(batch * 10 + i));
                    ids.Add(LetterReader.ReadBytes(Encoding.UTF8.GetBytes(text)).Value.LetterId);
                    request.Letters.Add(new LetterContent { Text = text, Source = $"chaos-{batch}-{i}.md" });
                }

                Interlocked.Exchange(ref addInFlight, 1);
                // A client that was not answered sends the same letters again (an add is idempotent): once, after a second.
                var status = await Timed("AddDeterminations", async () => await client.AddDeterminationsAsync(request, key));
                if (status != StatusCode.OK)
                {
                    await Task.Delay(1000);
                    status = await Timed("AddDeterminations (sent again)", async () => await client.AddDeterminationsAsync(request, key));
                }

                Interlocked.Exchange(ref addInFlight, 0);
                if (status == StatusCode.OK)
                {
                    ids.ForEach(id => acknowledged[id] = true);
                }
            }
        });
        var prober = Task.Run(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            while (!stop.IsCancellationRequested)
            {
                for (var r = 0; r < replicas.Length; r++)
                {
                    try
                    {
                        using var ready = await http.GetAsync(new Uri(replicas[r].JsonAddress, "readyz"));
                        unready[r] += ready.IsSuccessStatusCode ? 0 : 0.25;
                        resolver.Update(r, ready.IsSuccessStatusCode);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        unready[r] += 0.25;
                        resolver.Update(r, ready: false);
                    }
                }

                await Task.Delay(250);
            }
        });

        async Task Phase(string name, Func<Task>? action = null)
        {
            phases.Add((name, clock.Elapsed));
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {name}");
            if (action is not null)
            {
                await action();
            }

            await Task.Delay(TimeSpan.FromSeconds(phaseSeconds));
        }

        Console.WriteLine($"chaos benchmark: 2 replicas on PostgreSQL, Predict at {rate} req/s and adds of 10 letters back to back, {phaseSeconds:N0} s per phase");
        await Phase("steady load");
        await Phase("kill -9 replica A during an add, restart it", async () =>
        {
            while (Volatile.Read(ref addInFlight) == 0)
            {
                await Task.Delay(5);
            }

            await Task.Delay(50);
            replicas[0].Kill();
            await Task.Delay(2000);
            await replicas[0].RestartAsync(CancellationToken.None);
        });
        await Phase("SIGTERM replica B, restart it", async () =>
        {
            var took = Stopwatch.StartNew();
            replicas[1].Terminate();
            var exit = await replicas[1].WaitForExitAsync(TimeSpan.FromSeconds(30));
            Console.WriteLine($"           replica B exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing (still running)"} after {took.Elapsed.TotalSeconds:F1} s");
            await replicas[1].RestartAsync(CancellationToken.None);
        });
        var served = (await client.GetModelInfoAsync(new GetModelInfoRequest())).BundleVersion;
        await Phase("a damaged bundle published into the models folder", () => PublishDamaged(models));
        var during = await Task.WhenAll(replicas.Select(async r => await r.Client.GetModelInfoAsync(new GetModelInfoRequest())));
        Console.WriteLine($"           served meanwhile: {string.Join(", ", during.Select(i => i.BundleVersion == served ? $"the previous bundle ({(i.LastLoadError.Length > 0 ? "damaged one refused" : "no refusal recorded")})" : i.BundleVersion))}");
        await Phase("the good bundle put back; replica A's index folder deleted", () =>
        {
            Directory.Move(Path.Combine(models, "default"), Path.Combine(models, ".damaged"));
            Directory.Move(Path.Combine(models, ".previous"), Path.Combine(models, "default"));
            // As rm -rf would, with the replica writing into it: gone from its path at once, then removed.
            var index = Path.Combine(scratch, "data-a", "index");
            Directory.Move(index, $"{index}.removed");
            Directory.Delete($"{index}.removed", recursive: true);
            return Task.CompletedTask;
        });
        await Phase("steady load");
        stop.Cancel();
        await Task.WhenAll(predictor, adder, prober);
        phases.Add(("end", clock.Elapsed));

        Console.WriteLine();
        Console.WriteLine($"  {"phase",-58} {"Predict",8} {"failed",7} {"p50 ms",7} {"p99 ms",8} {"adds",6} {"failed",7}");
        var all = calls.ToList();
        for (var p = 0; p < phases.Count - 1; p++)
        {
            var inPhase = all.Where(c => c.Start >= phases[p].Start && c.Start < phases[p + 1].Start).ToList();
            var predictions = inPhase.Where(c => c.Kind == "Predict").ToList();
            var answered = predictions.Where(c => c.Status == StatusCode.OK).Select(c => c.Milliseconds).ToList();
            var adds = inPhase.Where(c => c.Kind.StartsWith("Add", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"  {phases[p].Name,-58} {predictions.Count,8:N0} {predictions.Count - answered.Count,7:N0} {BenchSupport.Median(answered),7:F1} {BenchSupport.Percentile(answered, 0.99),8:F1} {adds.Count,6:N0} {adds.Count(a => a.Status != StatusCode.OK),7:N0}");
        }

        var failed = all.Where(c => c.Status != StatusCode.OK && c.Kind != "AddDeterminations").ToList();
        var resent = all.Count(c => c.Kind == "AddDeterminations" && c.Status != StatusCode.OK);
        Console.WriteLine($"  requests failed: {failed.Count:N0} of {all.Count:N0}  target 0; adds answered with an error and sent again: {resent}");
        foreach (var reason in all.Where(c => c.Status != StatusCode.OK).GroupBy(f => $"{f.Kind} {f.Status}: {f.Detail}"))
        {
            Console.WriteLine($"    {reason.Count(),5:N0} x {reason.Key}");
        }

        var (inStore, missing) = await Verify(replicas, connection, acknowledged.Keys.ToList());
        Console.WriteLine($"  letters acknowledged: {acknowledged.Count:N0}; lost from the store: {acknowledged.Count - inStore:N0}; missing from replica A's index: {missing[0]:N0}, B's: {missing[1]:N0}  target 0");
        Console.WriteLine($"  /readyz not ready (or not answering): replica A {unready[0]:F1} s, B {unready[1]:F1} s");
        for (var r = 0; r < replicas.Length; r++)
        {
            foreach (var line in replicas[r].Output.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(5))
            {
                Console.WriteLine($"  replica {(char)('A' + r)}: {line}");
            }

            if (missing[r] > 0)
            {
                Console.WriteLine($"  replica {(char)('A' + r)} logged about its index (warnings and errors, last 30 lines):");
                var output = replicas[r].Output.ToList();
                output.Select((line, i) => (line, i)).Where(l => l.line.Contains("index", StringComparison.Ordinal)).TakeLast(30).ToList()
                    .ForEach(l => Console.WriteLine($"    {output[Math.Max(0, l.i - 1)].Trim()} | {l.line.Trim()}"));
            }
        }
        return failed.Count == 0 && inStore == acknowledged.Count && missing.All(m => m == 0) ? 0 : 1;

        async Task<StatusCode> Timed(string kind, Func<Task> call)
        {
            var start = clock.Elapsed;
            var (status, detail) = (StatusCode.OK, string.Empty);
            try
            {
                await call();
            }
            catch (RpcException e)
            {
                (status, detail) = (e.StatusCode, e.Status.Detail.Length > 70 ? e.Status.Detail[..70] : e.Status.Detail);
            }

            calls.Add((kind, start, (clock.Elapsed - start).TotalMilliseconds, status, detail));
            return status;
        }
    }

    /// <summary>An operator's mistake: a bundle whose model file is damaged, with a new version, moved into place.</summary>
    private static Task PublishDamaged(string models)
    {
        var incoming = Path.Combine(models, ".incoming");
        FolderCopy.Copy(Path.Combine(models, "default"), incoming);
        var model = Path.Combine(incoming, "model.zip");
        var bytes = File.ReadAllBytes(model);
        Array.Fill(bytes, (byte)0x42, bytes.Length / 3, bytes.Length / 3);
        File.WriteAllBytes(model, bytes);
        var manifest = Path.Combine(incoming, "manifest.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        json["bundleVersion"] = $"{json["bundleVersion"]}-damaged";
        File.WriteAllText(manifest, json.ToJsonString());
        Directory.Move(Path.Combine(models, "default"), Path.Combine(models, ".previous"));
        Directory.Move(incoming, Path.Combine(models, "default"));
        return Task.CompletedTask;
    }

    /// <summary>Every acknowledged letter in the store, and found by each replica once its index has caught up.</summary>
    private static async Task<(int InStore, int[] Missing)> Verify(ServerProcess[] replicas, string connection, IReadOnlyList<string> letters)
    {
        using var store = SqlLetterStore.OpenPostgres(connection).Value;
        var inStore = letters.Count(id => store.Get(id).Value is { } letter && !letter.Deleted);
        var missing = new int[replicas.Length];
        for (var r = 0; r < replicas.Length; r++)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var left = letters.ToList();
            while (left.Count > 0 && DateTime.UtcNow < deadline)
            {
                var still = new List<string>();
                foreach (var id in left)
                {
                    try
                    {
                        await replicas[r].Client.GetPrecedentAsync(new GetPrecedentRequest { Id = $"{id}#0" });
                    }
                    catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.Unavailable)
                    {
                        still.Add(id);
                    }
                }

                left = still;
                if (left.Count > 0)
                {
                    await Task.Delay(500);
                }
            }

            missing[r] = left.Count;
        }

        return (inStore, missing);
    }

    private static GrpcChannel BalancedChannel(ReadyReplicas resolver)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(resolver);
        return GrpcChannel.ForAddress("ready:///imrpredict", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services.BuildServiceProvider(),
            ServiceConfig = new ServiceConfig
            {
                LoadBalancingConfigs = { new RoundRobinConfig() },
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(200),
                            MaxBackoff = TimeSpan.FromSeconds(2),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
    }

    /// <summary>
    /// The replicas a client balances over: those whose <c>/readyz</c> answered 200 at the last probe (every one when none
    /// did), as a headless Kubernetes Service lists only ready pods.
    /// </summary>
    private sealed class ReadyReplicas(ServerProcess[] replicas) : ResolverFactory
    {
        private readonly bool[] _ready = [.. replicas.Select(_ => true)];
        private Resolver? _resolver;

        public override string Name => "ready";

        public override Resolver Create(ResolverOptions options) => _resolver = new Listing(this);

        public void Update(int replica, bool ready)
        {
            if (_ready[replica] != ready)
            {
                _ready[replica] = ready;
                (_resolver as Listing)?.Publish();
            }
        }

        private IReadOnlyList<BalancerAddress> Addresses()
        {
            var ready = replicas.Where((_, i) => _ready[i]).ToList();
            return (ready.Count > 0 ? ready : [.. replicas]).Select(r => new BalancerAddress("127.0.0.1", r.Port)).ToList();
        }

        private sealed class Listing(ReadyReplicas owner) : Resolver
        {
            private Action<ResolverResult>? _listener;

            public override void Start(Action<ResolverResult> listener)
            {
                _listener = listener;
                Publish();
            }

            public void Publish() => _listener?.Invoke(ResolverResult.ForResult(owner.Addresses()));
        }
    }
}
