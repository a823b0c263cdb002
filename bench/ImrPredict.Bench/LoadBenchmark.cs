namespace ImrPredict.Bench;

/// <summary>
/// <c>load [seconds=10] [concurrency=32] [url]</c>: a gRPC load generator (Grpc.Net.Client, HTTP/2 on loopback).
/// Without a url it starts the real <c>Program</c> (the same composition as the service and its tests) in this process on a free loopback port over <c>models/default</c>
/// (built first if absent). Reports requests/s and p50/p99 for Predict (one item) at full load and paced at the target rate, Predict with 5 precedents
/// and SearchPrecedents. Bounded in time and count; traffic stays on 127.0.0.1.
/// </summary>
internal static class LoadBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = BenchArgs.At(args, 0, 10.0);
        var concurrency = BenchArgs.At(args, 1, 32);
        var url = args.Length > 2 ? args[2] : null;
        ServerUnderLoad? app = null;
        if (url is null)
        {
            var port = BenchSupport.FreePort();
            app = ServerUnderLoad.OnRepository(port, BenchSupport.FreePort(), new Dictionary<string, string?> { ["ImrPredict:ReloadPollSeconds"] = "0" });
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
            Report("Predict, 1 item, no precedents", Drive(seconds, concurrency, () => client.PredictAsync(one).ResponseAsync), "target >= 3,000 req/s");

            // At full load with 32 callers, latency is mostly queueing; the latency target is for the target rate.
            Report($"Predict, 1 item, paced at {PacedRate:N0} req/s", Pace(seconds, PacedRate, () => client.PredictAsync(one).ResponseAsync), "target p99 <= 20 ms");
            Report("Predict, 1 item, k = 5 precedents", Drive(seconds, concurrency, () => client.PredictAsync(withPrecedents).ResponseAsync), string.Empty);
            Report("SearchPrecedents by case, k = 10, filter", Drive(seconds, concurrency, () => client.SearchPrecedentsAsync(search).ResponseAsync), string.Empty);
            return 0;
        }
        finally
        {
            app?.Dispose();
        }
    }

    internal static (int Requests, int Failures, double Seconds, List<double> Latencies) Drive(double seconds, int concurrency, Func<Task> call)
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

    /// <summary>The request rate the latency target is stated at.</summary>
    private const int PacedRate = 3_000;

    /// <summary>
    /// Open-loop load: request i is due at i / rate seconds whether or not earlier ones have answered, and its latency
    /// runs from when it was due (or sent, if earlier), so a stalled service cannot hide its delay by slowing the callers down.
    /// </summary>
    internal static (int Requests, int Failures, double Seconds, List<double> Latencies) Pace(double seconds, int rate, Func<Task> call)
    {
        var total = (int)(seconds * rate);
        var latencies = new double[total];
        var failed = new bool[total];
        var pending = new Task[total];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                Thread.Sleep(wait);
            }

            pending[i] = Send(i, due);
        }

        Task.WaitAll(pending);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var answered = Enumerable.Range(0, total).Where(i => !failed[i]).Select(i => latencies[i]).ToList();
        return (answered.Count, failed.Count(f => f), elapsed, answered);

        async Task Send(int index, TimeSpan due)
        {
            // Sent up to a millisecond early (sleeps are that coarse): then the clock starts at sending.
            var start = stopwatch.Elapsed > due ? due : stopwatch.Elapsed;
            try
            {
                await call();
            }
            catch (Grpc.Core.RpcException)
            {
                failed[index] = true;
            }

            latencies[index] = (stopwatch.Elapsed - start).TotalMilliseconds;
        }
    }

    private static void Report(string name, (int Requests, int Failures, double Seconds, List<double> Latencies) result, string target) =>
        Console.WriteLine($"  {name,-42} {result.Requests / result.Seconds,8:N0} req/s  p50 {BenchSupport.Median(result.Latencies),6:F2} ms  p99 {BenchSupport.Percentile(result.Latencies, 0.99),6:F2} ms  failures {result.Failures}  {target}");

    internal static void WaitForModel(ImrPredictService.ImrPredictServiceClient client)
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
}
