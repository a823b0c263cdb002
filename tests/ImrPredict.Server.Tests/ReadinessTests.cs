using System.Net;
using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>
/// <c>/readyz</c> answers 503 while the precedent index is rebuilt from the store and 200 once it has caught up;
/// <c>/healthz</c> stays 200 throughout (the process is alive and serving predictions).
/// </summary>
public sealed class ReadinessTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Readiness_flips_while_the_index_rebuilds_and_liveness_does_not()
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 400).Select(i => StoreLetters.Letter(seed: 616, index: i)).ToList();
        StoreLetters.Store(Data, letters);

        await using var app = new ImrPredictFactory(Models, buildDefault: false, dataDirectory: Data);
        using var http = app.CreateClient();
        var client = app.Client(out var channel);
        using var _ = channel;

        var (ready, reason) = await WaitFor(http, HttpStatusCode.OK, TimeSpan.FromMinutes(1), token);
        Assert.True(ready, reason);
        Assert.Contains("precedents", reason, StringComparison.Ordinal);
        var count = app.Precedents.Count;
        Assert.True(count >= letters.Count, $"{count} precedents");

        // The path a search takes when the index fails under it: set aside, rebuilt from the store by the background catch-up.
        app.Precedents.Broken(new IOException("test: the index's files were lost"));
        using (var rebuilding = await http.GetAsync("/readyz", token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rebuilding.StatusCode);
            Assert.Contains("precedents not ready", await rebuilding.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
        }

        using (var live = await http.GetAsync("/healthz", token))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        var predict = new PredictRequest { ClinicalSummary = "Shoulder pain after a fall." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the right shoulder" });
        Assert.Single((await client.PredictAsync(predict, cancellationToken: token)).Items);

        (ready, reason) = await WaitFor(http, HttpStatusCode.OK, TimeSpan.FromMinutes(1), token);
        Assert.True(ready, reason);
        Assert.Equal(count, app.Precedents.Count);
        Assert.Null(app.Precedents.Unavailable);
    }

    private static async Task<(bool Reached, string Body)> WaitFor(HttpClient http, HttpStatusCode status, TimeSpan timeout, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + timeout;
        var body = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync("/readyz", token);
            body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode == status)
            {
                return (true, body);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(50, token);
        }

        return (false, body);
    }
}
