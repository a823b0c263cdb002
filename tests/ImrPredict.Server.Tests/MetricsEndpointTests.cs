using System.Text;

namespace ImrPredict.Server.Tests;

/// <summary>
/// <c>/metrics</c> of a server process after a few calls: calls by method and status, predictions, the serving model,
/// precedents, index lag, refused letters. Its own process: in-memory hosts sharing a test process share meter listeners.
/// </summary>
public sealed class MetricsEndpointTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task A_scrape_after_some_calls_counts_them_and_shows_what_is_served()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = Server();
        await server.StartAsync(token);
        using var http = new HttpClient { BaseAddress = server.JsonAddress };
        var client = server.Client;
        var add = new AddDeterminationsRequest();
        add.Letters.Add(new LetterContent { Text = "This is not a determination letter at all.", Source = "junk.txt" });
        add.Letters.AddRange(Enumerable.Range(0, 20).Select(i => StoreLetters.Letter(seed: 818, index: i).Content));
        var added = await client.AddDeterminationsAsync(add, ServerProcess.Key, cancellationToken: token);
        var refusedCode = Assert.Single(added.Errors).Code;
        var before = await Scrape(http, token);
        var predict = new PredictRequest { ClinicalSummary = "Chronic neck pain after a fall at work, treated with therapy." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the cervical spine" });
        predict.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #60" });
        for (var i = 0; i < 3; i++)
        {
            await client.PredictAsync(predict, cancellationToken: token);
        }

        var rank = new RankCasesRequest();
        rank.Cases.Add(new Case { CaseId = "a", ClinicalSummary = "Low back pain.", Items = { new ItemRequest { RequestedItem = "Physical therapy x 12" } } });
        await client.RankCasesAsync(rank, cancellationToken: token);

        // The exporter caches a scrape briefly: read until this test's calls show (other tests may add more, never fewer).
        var after = before;
        for (var attempt = 0; attempt < 50 && after.Sum("imrpredict_rpc_duration_seconds_count", ("method", "Predict"), ("status", "OK"))
                 < before.Sum("imrpredict_rpc_duration_seconds_count", ("method", "Predict"), ("status", "OK")) + 3; attempt++)
        {
            await Task.Delay(100, token);
            after = await Scrape(http, token);
        }

        Assert.True(Increase("imrpredict_rpc_duration_seconds_count", ("method", "Predict"), ("status", "OK")) >= 3, after.Text);
        Assert.True(Increase("imrpredict_rpc_duration_seconds_count", ("method", "RankCases"), ("status", "OK")) >= 1, after.Text);
        Assert.True(Increase("imrpredict_rpc_duration_seconds_bucket", ("method", "Predict"), ("status", "OK"), ("le", "+Inf")) >= 3);
        // Seven items scored: two in each Predict, one ranked.
        Assert.True(Increase("imrpredict_predictions_total") >= 7);
        Assert.True(Increase("imrpredict_prediction_probability_count") >= 7);
        Assert.Equal(after.Sum("imrpredict_prediction_probability_count"), after.Sum("imrpredict_prediction_probability_bucket", ("le", "+Inf")));
        Assert.True(after.Sum("imrpredict_predictions_total", ("decision", "Upheld")) + after.Sum("imrpredict_predictions_total", ("decision", "Overturned"))
            == after.Sum("imrpredict_predictions_total"));
        Assert.Equal(1, after.Sum("imrpredict_letters_refused_total", ("code", refusedCode)));
        Assert.Equal(20, after.Sum("imrpredict_letters_added_total", ("outcome", "Added")));
        Assert.Equal(1, after.Sum("imrpredict_rpc_duration_seconds_count", ("method", "AddDeterminations"), ("status", "OK")));

        var version = (await client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token)).BundleVersion;
        var loaded = after.Series.Where(s => s.Name == "imrpredict_model_load_time_seconds" && s.Labels["bundle_version"] == version).ToList();
        Assert.NotEmpty(loaded);
        Assert.All(loaded, s => Assert.InRange(s.Value, DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        Assert.Equal(added.ItemsAdded, after.Sum("imrpredict_precedents"));
        Assert.Equal(0, after.Sum("imrpredict_index_lag"));
        Assert.True(after.Has("imrpredict_audit_pending"), "the audit queue's gauge is scraped");
        Assert.InRange(after.Sum("imrpredict_audit_pending"), 0, 100);
        Assert.True(after.Has("http_server_request_duration_seconds_count"));

        double Increase(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
    }

    private static async Task<PrometheusText> Scrape(HttpClient http, CancellationToken token)
    {
        using var response = await http.GetAsync("metrics", token);
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(token)));
    }
}
