using Grpc.Core;

namespace ImrPredict.Bench;

/// <summary>
/// <c>soak [seconds=600] [rate=1000]</c>: one replica in its own process (the built server, as operators run it) on
/// loopback over a copy of the repository's bundle, store and index; Predict paced open-loop at the rate for the whole
/// time (one item with 3 contributions; every tenth asks for 2 precedents). Reports errors by status, p50/p99 per minute
/// and overall, and the server's resident memory at the start, every minute and at the end. Stops by itself.
/// </summary>
internal static class SoakBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = BenchArgs.At(args, 0, 600.0);
        var rate = BenchArgs.At(args, 1, 1000);
        var scratch = ReplicaSetup.Scratch("soak", withData: true);
        var server = new ServerProcess(Path.Combine(scratch, "models"), Path.Combine(scratch, "data"), new Dictionary<string, string> { ["ImrPredict:ReloadPollSeconds"] = "0" });
        try
        {
            server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Port}", new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
            var client = new ImrPredictService.ImrPredictServiceClient(channel);
            var plain = new PredictRequest
            {
                ClinicalSummary = "The injured worker is a 52 year old female with chronic low back pain radiating to the right leg. Pain was rated 7/10 without medications and 4/10 with Norco. She is working modified duty.",
                Contributions = 3,
            };
            plain.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });
            var withPrecedents = plain.Clone();
            withPrecedents.Precedents = 2;

            // Warm up (JIT, pools) before the memory at the start is read.
            LoadBenchmark.Pace(10, Math.Min(rate, 500), () => client.PredictAsync(plain).ResponseAsync);
            var memory = new List<(double Minute, double Megabytes)> { (0, ReplicaSetup.ResidentMegabytes(server.ProcessId)) };
            Console.WriteLine($"soak benchmark: Predict at {rate:N0} req/s for {seconds:N0} s on one replica process, {Environment.ProcessorCount} cores shared with this load generator");
            Console.WriteLine($"  server resident memory at start (after a 10 s warm-up): {memory[0].Megabytes:N0} MB");

            var total = (int)(seconds * rate);
            var latencies = new double[total];
            var statuses = new StatusCode[total];
            var sent = 0;
            var stopwatch = Stopwatch.StartNew();
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(60), sampling.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    if (!sampling.IsCancellationRequested)
                    {
                        var minute = stopwatch.Elapsed.TotalMinutes;
                        var megabytes = ReplicaSetup.ResidentMegabytes(server.ProcessId);
                        lock (memory)
                        {
                            memory.Add((minute, megabytes));
                        }

                        var done = Volatile.Read(ref sent);
                        var window = latencies.AsSpan(Math.Max(0, done - rate * 60), Math.Min(done, rate * 60)).ToArray().Where(l => l > 0).ToList();
                        Console.WriteLine($"  minute {minute,5:F1}: {done,9:N0} sent, last minute p50 {BenchSupport.Median(window),6:F2} ms p99 {BenchSupport.Percentile(window, 0.99),7:F2} ms, errors so far {statuses.Take(done).Count(s => s != StatusCode.OK),5:N0}, server {megabytes,6:N0} MB");
                    }
                }
            });

            var pending = new Task[total];
            for (var i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds(i / (double)rate);
                var wait = due - stopwatch.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    Thread.Sleep(wait);
                }

                pending[i] = Send(i, due, i % 10 == 9 ? withPrecedents : plain);
                Volatile.Write(ref sent, i + 1);
            }

            Task.WaitAll(pending);
            var elapsed = stopwatch.Elapsed.TotalSeconds;
            sampling.Cancel();
            sampler.Wait();
            var end = ReplicaSetup.ResidentMegabytes(server.ProcessId);
            var answered = Enumerable.Range(0, total).Where(i => statuses[i] == StatusCode.OK).Select(i => latencies[i]).ToList();
            var errors = statuses.Where(s => s != StatusCode.OK).GroupBy(s => s).Select(g => $"{g.Key} {g.Count():N0}").ToList();
            Console.WriteLine($"  sent {total:N0} in {elapsed:N0} s ({total / elapsed:N0} req/s); answered {answered.Count:N0}; errors {total - answered.Count:N0}{(errors.Count > 0 ? $" ({string.Join(", ", errors)})" : string.Empty)}  target 0");
            Console.WriteLine($"  latency p50 {BenchSupport.Median(answered):F2} ms, p99 {BenchSupport.Percentile(answered, 0.99):F2} ms, p99.9 {BenchSupport.Percentile(answered, 0.999):F2} ms, max {answered.DefaultIfEmpty().Max():F1} ms");
            Console.WriteLine($"  server resident memory: start {memory[0].Megabytes:N0} MB, end {end:N0} MB ({end / memory[0].Megabytes:F2}x), highest {memory.Select(m => m.Megabytes).Append(end).Max():N0} MB");
            return answered.Count == total ? 0 : 1;

            async Task Send(int index, TimeSpan due, PredictRequest request)
            {
                var start = stopwatch.Elapsed > due ? due : stopwatch.Elapsed;
                try
                {
                    await client.PredictAsync(request);
                    statuses[index] = StatusCode.OK;
                }
                catch (RpcException e)
                {
                    statuses[index] = e.StatusCode;
                }

                latencies[index] = (stopwatch.Elapsed - start).TotalMilliseconds;
            }
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(scratch, recursive: true);
        }
    }
}
