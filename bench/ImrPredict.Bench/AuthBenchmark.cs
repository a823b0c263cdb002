using Grpc.Core;
using ImrPredict.Store.Audit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ImrPredict.Bench;

/// <summary>
/// <c>auth [seconds=8] [calls=10000]</c>: what authentication and the audit trail cost, on this machine.
/// <list type="number">
/// <item>Token validation: a real provider's access token (OpenIddict, <see cref="TestIdentityProvider"/>) validated as the
/// service validates it (JsonWebTokenHandler, the provider's keys read once through discovery and cached): median µs.</item>
/// <item>Audit cost: Predict throughput (one item, 32 callers) on a replica process with the audit trail on and one with it
/// off, one at a time, alternated five times: median req/s of each and the ratio.</item>
/// <item>Audit durability: a replica process answers <c>calls</c> audited searches with a SIGTERM half way (then is started
/// again); every answered call must have its record.</item>
/// </list>
/// </summary>
internal static class AuthBenchmark
{
    /// <summary>Runs of each configuration in the audit cost comparison.</summary>
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var seconds = BenchArgs.At(args, 0, 8.0);
        var calls = BenchArgs.At(args, 1, 10_000);
        Console.WriteLine($"auth benchmark: {Environment.ProcessorCount} cores");
        TokenValidation().GetAwaiter().GetResult();
        var models = AuditCost(seconds);
        return AuditDurability(models, calls).GetAwaiter().GetResult();
    }

    private static async Task TokenValidation()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        var token = await provider.TokenAsync("bench-user", ["reader"]);
        var configuration = await new ConfigurationManager<OpenIdConnectConfiguration>(provider.Issuer + ".well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false }).GetConfigurationAsync(CancellationToken.None);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = TestIdentityProvider.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        for (var i = 0; i < 2_000; i++)
        {
            await handler.ValidateTokenAsync(token, parameters);
        }

        var samples = new List<double>(20_000);
        for (var i = 0; i < 20_000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await handler.ValidateTokenAsync(token, parameters);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"the benchmark token did not validate: {result.Exception?.Message}");
            }
        }

        Console.WriteLine($"  token validation (RS256, keys cached)      median {BenchSupport.Median(samples),7:F1} µs  p99 {BenchSupport.Percentile(samples, 0.99),7:F1} µs  target <= 50 µs");
    }

    /// <summary>
    /// Predict throughput with and without the audit trail: each in its own server process (one at a time, so neither
    /// takes the other's cores), alternated three times; returns the models folder used.
    /// </summary>
    private static string AuditCost(double seconds)
    {
        var models = Path.Combine(SharedDataLocation.RepositoryRoot(), "models");
        if (!File.Exists(Path.Combine(models, "default", "manifest.json")))
        {
            // The first start builds the default bundle, as the README's command does.
            using var build = ServerUnderLoad.OnRepository(BenchSupport.FreePort(), BenchSupport.FreePort(), new Dictionary<string, string?> { ["ImrPredict:ReloadPollSeconds"] = "0" });
            LoadBenchmark.WaitForModel(new ImrPredictService.ImrPredictServiceClient(GrpcChannel.ForAddress(build.Server.BaseAddress)));
        }

        var one = new PredictRequest { ClinicalSummary = "Chronic low back pain radiating to the right leg; pain 7/10 without and 4/10 with Norco." };
        one.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });
        var rates = new[] { new List<double>(), new List<double>() };
        for (var round = 0; round < Rounds; round++)
        {
            // Alternating which goes first, so neither always follows the other.
            foreach (var k in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                var data = Directory.CreateTempSubdirectory("imr-bench-audit-");
                var server = new ServerProcess(models, data.FullName, new Dictionary<string, string> { ["ImrPredict:Audit:Enabled"] = k == 0 ? "true" : "false" });
                try
                {
                    server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
                    var client = new ImrPredictService.ImrPredictServiceClient(channel);
                    // A second of warm-up (JIT, connections) before the measured run.
                    LoadBenchmark.Drive(1, 32, () => client.PredictAsync(one).ResponseAsync);
                    var result = LoadBenchmark.Drive(seconds, 32, () => client.PredictAsync(one).ResponseAsync);
                    rates[k].Add(result.Requests / result.Seconds);
                }
                finally
                {
                    server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    data.Delete(recursive: true);
                }
            }
        }

        var (on, off) = (BenchSupport.Median(rates[0]), BenchSupport.Median(rates[1]));
        Console.WriteLine($"  Predict, audit on                           {on,8:N0} req/s (median of {Rounds} runs of {seconds:N0} s; runs {string.Join(", ", rates[0].Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"  Predict, audit off                          {off,8:N0} req/s (runs {string.Join(", ", rates[1].Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"  audit cost                                  {(1 - (on / off)) * 100,7:F1} % of throughput  target <= 5 %");
        return models;
    }

    private static async Task<int> AuditDurability(string models, int calls)
    {
        var data = Directory.CreateTempSubdirectory("imr-bench-audit-sigterm-");
        await using var server = new ServerProcess(models, data.FullName);
        await server.StartAsync(CancellationToken.None);
        var answered = 0;
        var terminated = false;
        var stopwatch = Stopwatch.StartNew();
        while (answered < calls)
        {
            if (!terminated && answered >= calls / 2)
            {
                // SIGTERM while 8 callers are mid-call; the replica drains, exits, and is started again.
                server.Terminate();
                terminated = true;
            }

            var batch = Enumerable.Range(0, 8).Select(async worker =>
            {
                try
                {
                    await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = $"lumbar MRI radiculopathy {worker}" });
                    Interlocked.Increment(ref answered);
                }
                catch (RpcException)
                {
                }
            });
            await Task.WhenAll(batch);
            if (terminated && await server.WaitForExitAsync(TimeSpan.Zero) is int exit)
            {
                Console.WriteLine($"  SIGTERM after {answered:N0} answered calls: exit code {exit}; started again");
                await server.RestartAsync(CancellationToken.None);
                terminated = answered >= calls / 2;
            }
        }

        server.Terminate();
        await server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        using var log = SqlAuditLog.Open(data.FullName, null).Value;
        var records = log.Read(new AuditQuery(Max: 100_000)).Value.Count(r => r.Action == "SearchPrecedents" && r.Outcome == "OK");
        var lost = Math.Max(0, answered - records);
        Console.WriteLine($"  audited calls answered                      {answered,8:N0} in {stopwatch.Elapsed.TotalSeconds:N1} s, records kept {records:N0}, lost {lost}  target 0");
        data.Delete(recursive: true);
        return lost == 0 ? 0 : 1;
    }
}
