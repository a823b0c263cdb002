using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ImrPredict.Server.Tests;

/// <summary>
/// With an OTLP endpoint set, a server process sends its traces and metrics there (OTLP over HTTP to a receiver in this
/// test): the service's spans and instruments arrive, and the bytes on the wire hold none of the clinical text sent.
/// </summary>
public sealed class OtlpExportTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    private static readonly string[] Markers = ["brindlequasar", "thorvexamine"];


    [Fact]
    public async Task Traces_and_metrics_reach_the_collector_without_clinical_text()
    {
        var token = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var receiving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, token);
                received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }, token);

        await using var server = Server(new Dictionary<string, string>
        {
            ["ImrPredict:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["ImrPredict:OtlpProtocol"] = "http/protobuf",
        }, new Dictionary<string, string> { ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000", ["OTEL_BSP_SCHEDULE_DELAY"] = "200" });
        await server.StartAsync(token);

        var add = new AddDeterminationsRequest();
        add.Letters.Add(StoreLetters.Letter(seed: 919, index: 1).Content);
        add.Letters.Add(new LetterContent { Text = $"Only {Markers[0]} and {Markers[1]} here.", Source = "junk.txt" });
        Assert.Single((await server.Client.AddDeterminationsAsync(add, ServerProcess.Key, cancellationToken: token)).Errors);
        var predict = new PredictRequest { ClinicalSummary = $"Back pain treated with {Markers[0]}.", Precedents = 2, Contributions = 3 };
        predict.Items.Add(new ItemRequest { RequestedItem = $"{Markers[1]} 20mg #60" });
        await server.Client.PredictAsync(predict, cancellationToken: token);
        await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = $"{Markers[0]} {Markers[1]}" }, cancellationToken: token);

        var wanted = new[] { ("/v1/traces", "imr.predict"), ("/v1/traces", "imr.search"), ("/v1/traces", "imr.store"), ("/v1/traces", "imr.featurize"),
            ("/v1/metrics", "imrpredict.predictions"), ("/v1/metrics", "imrpredict.letters.refused") };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !wanted.All(w => Holds(received, w.Item1, w.Item2)))
        {
            await Task.Delay(200, token);
        }

        Assert.All(wanted, w => Assert.True(Holds(received, w.Item1, w.Item2), $"{w.Item2} was not sent to {w.Item1}; received: {string.Join(", ", received.Select(r => $"{r.Path} {r.Body.Length} B"))}"));
        foreach (var (path, body) in received)
        {
            var text = Encoding.UTF8.GetString(body);
            Assert.All(Markers, marker => Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase));
        }

        listener.Stop();
        await receiving;
    }

    private static bool Holds(IEnumerable<(string Path, byte[] Body)> received, string path, string text) =>
        received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    private static int FreePort() => ServerProcess.FreePort();
}
