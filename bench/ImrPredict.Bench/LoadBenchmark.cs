using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using ImrPredict.Server;
using ImrPredict.Server.V1;
using ImrPredict.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Bench;

/// <summary>
/// <c>load [seconds=10] [concurrency=32] [url]</c>: a gRPC load generator (Grpc.Net.Client, HTTP/2 on loopback).
/// Without a url it starts the service in this process on a free loopback port over <c>models/default</c>
/// (built first if absent). Reports requests/s and p50/p99 for Predict (one item), Predict with 5 precedents
/// and SearchPrecedents. Bounded in time and count; traffic stays on 127.0.0.1.
/// </summary>
internal static class LoadBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var url = args.Length > 2 ? args[2] : null;
        WebApplication? app = null;
        if (url is null)
        {
            var port = FreePort();
            var builder = WebApplication.CreateBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ImrPredict:ModelsDirectory"] = Path.Combine(SharedDataLocation.RepositoryRoot(), "models"),
                ["ImrPredict:ReloadPollSeconds"] = "0",
            });
            builder.AddImrPredict();
            app = builder.Build();
            app.MapImrPredict();
            app.StartAsync().GetAwaiter().GetResult();
            url = $"http://127.0.0.1:{port}";
        }

        try
        {
            using var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
            var client = new ImrPredictService.ImrPredictServiceClient(channel);
            WaitForModel(client);
            var summary = "The injured worker is a 52 year old female with chronic low back pain radiating to the right leg. Pain was rated 7/10 without medications and 4/10 with Norco. A urine drug screen was consistent with the prescribed medications. She is working modified duty.";
            var one = new PredictRequest { ClinicalSummary = summary };
            one.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });
            var withPrecedents = one.Clone();
            withPrecedents.Precedents = 5;
            var search = new SearchPrecedentsRequest { ClinicalSummary = summary, RequestedItem = "Norco 10/325mg #120", PageSize = 10 };
            search.Categories.Add("Opioid");

            Console.WriteLine($"load benchmark: {url}, {concurrency} concurrent callers, {seconds:N0} s per call, {Environment.ProcessorCount} cores (client and server share them when in-process)");
            Report("Predict, 1 item, no precedents", Drive(seconds, concurrency, () => client.PredictAsync(one).ResponseAsync), "target >= 3,000 req/s, p99 <= 20 ms");
            Report("Predict, 1 item, k = 5 precedents", Drive(seconds, concurrency, () => client.PredictAsync(withPrecedents).ResponseAsync), string.Empty);
            Report("SearchPrecedents by case, k = 10, filter", Drive(seconds, concurrency, () => client.SearchPrecedentsAsync(search).ResponseAsync), string.Empty);
            return 0;
        }
        finally
        {
            app?.StopAsync().GetAwaiter().GetResult();
        }
    }

    private static (int Requests, int Failures, double Seconds, List<double> Latencies) Drive(double seconds, int concurrency, Func<Task> call)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            while (stopwatch.Elapsed < until && latencies[w].Count < 2_000_000)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Grpc.Core.RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, failures, stopwatch.Elapsed.TotalSeconds, all);
    }

    private static void Report(string name, (int Requests, int Failures, double Seconds, List<double> Latencies) result, string target) =>
        Console.WriteLine($"  {name,-42} {result.Requests / result.Seconds,8:N0} req/s  p50 {BenchSupport.Median(result.Latencies),6:F2} ms  p99 {BenchSupport.Percentile(result.Latencies, 0.99),6:F2} ms  failures {result.Failures}  {target}");

    private static void WaitForModel(ImrPredictService.ImrPredictServiceClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                client.GetModelInfo(new GetModelInfoRequest());
                return;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.FailedPrecondition or Grpc.Core.StatusCode.Unavailable)
            {
                Thread.Sleep(500);
            }
        }

        throw new InvalidOperationException("the service did not load a model within 5 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
