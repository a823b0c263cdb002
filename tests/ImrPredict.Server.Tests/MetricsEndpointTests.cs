using System.Text;
using ImrPredict.Server.V1;

namespace ImrPredict.Server.Tests;

/// <summary><c>/metrics</c> after a few calls: calls by method and status, predictions, the serving model, precedents, index lag, refused letters.</summary>
public sealed class MetricsEndpointTests(ServiceFixture fixture)
{
    [Fact]
    public async Task A_scrape_after_some_calls_counts_them_and_shows_what_is_served()
    {
        var token = TestContext.Current.CancellationToken;
        var before = await Scrape(token);
        var predict = new PredictRequest { ClinicalSummary = "Chronic neck pain after a fall at work, treated with therapy." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the cervical spine" });
        predict.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #60" });
        for (var i = 0; i < 3; i++)
        {
            await fixture.Client.PredictAsync(predict, cancellationToken: token);
        }

        var rank = new RankCasesRequest();
        rank.Cases.Add(new Case { CaseId = "a", ClinicalSummary = "Low back pain.", Items = { new ItemRequest { RequestedItem = "Physical therapy x 12" } } });
        await fixture.Client.RankCasesAsync(rank, cancellationToken: token);
        var add = new AddDeterminationsRequest();
        add.Letters.Add(new LetterContent { Text = "This is not a determination letter at all.", Source = "junk.txt" });
        var added = await fixture.Client.AddDeterminationsAsync(add, new Grpc.Core.Metadata { { "x-api-key", ServiceFixture.ApiKey } }, cancellationToken: token);
        var refusedCode = Assert.Single(added.Errors).Code;

        // The exporter caches a scrape briefly: read until this test's calls show (other tests may add more, never fewer).
        var after = before;
        for (var attempt = 0; attempt < 50 && after.Sum("imrpredict_rpc_duration_seconds_count", ("method", "Predict"), ("status", "OK"))
                 < before.Sum("imrpredict_rpc_duration_seconds_count", ("method", "Predict"), ("status", "OK")) + 3; attempt++)
        {
            await Task.Delay(100, token);
            after = await Scrape(token);
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
        Assert.True(Increase("imrpredict_letters_refused_total", ("code", refusedCode)) >= 1, after.Text);
        Assert.True(Increase("imrpredict_rpc_duration_seconds_count", ("method", "AddDeterminations"), ("status", "OK")) >= 1);

        var version = (await fixture.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token)).BundleVersion;
        var loaded = after.Series.Where(s => s.Name == "imrpredict_model_load_time_seconds" && s.Labels["bundle_version"] == version).ToList();
        Assert.NotEmpty(loaded);
        Assert.All(loaded, s => Assert.InRange(s.Value, DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        Assert.True(after.Sum("imrpredict_precedents") >= fixture.App.Precedents.Count, after.Text);
        Assert.True(after.Has("imrpredict_index_lag"));
        Assert.True(after.Has("http_server_request_duration_seconds_count"));

        double Increase(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
    }

    private async Task<PrometheusText> Scrape(CancellationToken token)
    {
        using var response = await fixture.Http.GetAsync("/metrics", token);
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusText.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(token)));
    }
}
