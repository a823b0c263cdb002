using System.Diagnostics;

namespace ImrPredict.Server.Tests;

/// <summary>
/// SIGTERM under load: the replica stops taking calls, answers every call it had accepted (rankings that take seconds
/// among them), closes the index and the store, and exits 0 within its shutdown time. Callers only ever see answers or
/// UNAVAILABLE (a connection refused), never a call cut off halfway.
/// </summary>
public sealed class GracefulShutdownTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Sigterm_under_load_answers_every_accepted_call_then_closes_cleanly()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = Server(new Dictionary<string, string>
        {
            ["ImrPredict:ShutdownSeconds"] = "30",
            ["ImrPredict:CallLimits:RankCases:PermitsPerSecond"] = "0",
            ["ImrPredict:CallLimits:RankCases:Concurrency"] = "0",
            ["Logging:LogLevel:ImrPredict.Application.Storage"] = "Information",
        });
        await server.StartAsync(token);

        // Rankings long enough to be in flight when the signal comes: grown until one takes a second here.
        var ranking = Ranking(1000);
        var took = Stopwatch.StartNew();
        await server.Client.RankCasesAsync(ranking, cancellationToken: token);
        while (took.Elapsed < TimeSpan.FromSeconds(1) && ranking.Cases.Count < 10_000)
        {
            ranking = Ranking(Math.Min(10_000, ranking.Cases.Count * 2));
            took.Restart();
            await server.Client.RankCasesAsync(ranking, cancellationToken: token);
        }

        var expectedItems = ranking.Cases.Sum(c => c.Items.Count);
        var predict = new PredictRequest { ClinicalSummary = "Chronic low back pain after a lifting injury." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        using var stop = new CancellationTokenSource();
        var predictions = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var (answered, refused) = (0, new List<StatusCode>());
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await server.Client.PredictAsync(predict, cancellationToken: token);
                    answered++;
                }
                catch (RpcException e)
                {
                    refused.Add(e.StatusCode);
                    break;
                }
            }

            return (answered, refused);
        }, token)).ToList();
        var rankings = Enumerable.Range(0, 6).Select(_ => server.Client.RankCasesAsync(ranking, cancellationToken: token).ResponseAsync).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(300), token);
        Assert.DoesNotContain(rankings, r => r.IsCompleted);

        var signalled = Stopwatch.StartNew();
        server.Terminate();
        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        stop.Cancel();

        var output = string.Join(Environment.NewLine, server.Output);
        Assert.True(exit == 0, $"exit {exit?.ToString() ?? "none within 60 s"}: {output}");
        Assert.True(signalled.Elapsed < TimeSpan.FromSeconds(35), $"took {signalled.Elapsed}");
        foreach (var answer in rankings)
        {
            Assert.Equal(expectedItems, (await answer).Items.Count);
        }

        foreach (var (answered, refused) in await Task.WhenAll(predictions))
        {
            Assert.True(answered > 0);
            Assert.All(refused, status => Assert.Equal(StatusCode.Unavailable, status));
        }

        Assert.Contains("is closed at sequence", output, StringComparison.Ordinal);
        Assert.Contains("store", output[output.IndexOf("is closed at sequence", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    private static RankCasesRequest Ranking(int cases)
    {
        var request = new RankCasesRequest();
        for (var c = 0; c < cases; c++)
        {
            request.Cases.Add(new Case
            {
                CaseId = $"case-{c}",
                ClinicalSummary = $"Chronic low back pain radiating to the left leg for {c % 40 + 2} months despite therapy and medication.",
                Items = { new ItemRequest { RequestedItem = "MRI of the lumbar spine" }, new ItemRequest { RequestedItem = "Norco 10/325mg #120" }, new ItemRequest { RequestedItem = "Physical therapy x 12" } },
            });
        }

        return request;
    }
}
