using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The expensive calls over their configured limits answer RESOURCE_EXHAUSTED (HTTP 429 in JSON) with Retry-After, before
/// doing any work; other calls, and a letter given as text, are not limited; a refused add loses nothing when retried.
/// </summary>
public sealed class CallLimitTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Calls_over_their_limits_are_refused_with_the_code_and_the_header()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = new ImrPredictFactory(Models, buildDefault: false, settings: new Dictionary<string, string?>
        {
            // One ranking per 30 s; one PDF letter per 30 s; one add at a time and none waiting.
            ["ImrPredict:CallLimits:RankCases:PermitsPerSecond"] = "0.0333",
            ["ImrPredict:CallLimits:RankCases:Burst"] = "1",
            ["ImrPredict:CallLimits:PredictLetterPdf:PermitsPerSecond"] = "0.0333",
            ["ImrPredict:CallLimits:PredictLetterPdf:Burst"] = "1",
            ["ImrPredict:CallLimits:AddDeterminations:PermitsPerSecond"] = "0",
            ["ImrPredict:CallLimits:AddDeterminations:Concurrency"] = "1",
            ["ImrPredict:CallLimits:AddDeterminations:QueueLength"] = "0",
        });
        await app.WaitForModelAsync(TimeSpan.FromMinutes(1));
        var client = app.Client(out var channel);
        using var _ = channel;
        using var http = app.CreateClient();

        var rank = new RankCasesRequest();
        rank.Cases.Add(new Case { CaseId = "a", ClinicalSummary = "Low back pain.", Items = { new ItemRequest { RequestedItem = "Physical therapy x 12" } } });
        Assert.Single((await client.RankCasesAsync(rank, cancellationToken: token)).Items);
        var limited = await Assert.ThrowsAsync<RpcException>(() => client.RankCasesAsync(rank, cancellationToken: token).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture), 1, 31);
        Assert.Contains("RankCases", limited.Status.Detail, StringComparison.Ordinal);

        // The same limit for JSON callers: 429 and the header.
        using (var json = await http.PostAsJsonAsync("/v1/rank", new { cases = new[] { new { caseId = "b", clinicalSummary = "Neck pain.", items = new[] { new { requestedItem = "Norco 10/325mg #120" } } } } }, token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
            Assert.True(json.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 31 }, json.Headers.ToString());
        }

        // Predict is not limited.
        var predict = new PredictRequest { ClinicalSummary = "Low back pain." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        for (var i = 0; i < 20; i++)
        {
            Assert.Single((await client.PredictAsync(predict, cancellationToken: token)).Items);
        }

        // A PDF letter is limited; the same letter as text is not.
        var letter = new LetterGenerator(seed: 31).Generate(2);
        var pdf = new PredictLetterRequest { Pdf = Google.Protobuf.ByteString.CopyFrom(LetterRenderer.Pdf(letter)) };
        Assert.NotEmpty((await client.PredictLetterAsync(pdf, cancellationToken: token)).Prediction.Items);
        Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(() => client.PredictLetterAsync(pdf, cancellationToken: token).ResponseAsync)).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEmpty((await client.PredictLetterAsync(new PredictLetterRequest { Text = LetterRenderer.Markdown(letter) }, cancellationToken: token)).Prediction.Items);
        }

        // Four adds at once with one admitted at a time: the others are refused and, retried after Retry-After, all kept.
        var key = new Metadata { { "x-api-key", ServiceFixture.ApiKey } };
        var batches = Enumerable.Range(0, 4).Select(b => StoreLetters.Request(Enumerable.Range(0, 40).Select(i => StoreLetters.Letter(seed: 717, index: b * 40 + i)).ToArray())).ToList();
        var first = await Task.WhenAll(batches.Select(async batch =>
        {
            try
            {
                return (Added: (await client.AddDeterminationsAsync(batch, key, cancellationToken: token)).LettersAdded, RetryAfter: (string?)null);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return (Added: 0, RetryAfter: e.Trailers.GetValue("retry-after"));
            }
        }));
        Assert.Contains(first, r => r.RetryAfter is null && r.Added == 40);
        Assert.Contains(first, r => r.RetryAfter is not null);
        for (var b = 0; b < batches.Count; b++)
        {
            if (first[b].RetryAfter is { } wait)
            {
                await Task.Delay(TimeSpan.FromSeconds(int.Parse(wait, System.Globalization.CultureInfo.InvariantCulture)), token);
                Assert.Equal(40, (await client.AddDeterminationsAsync(batches[b], key, cancellationToken: token)).LettersAdded);
            }
        }

        Assert.Equal(160, app.Services.GetRequiredService<Application.Storage.LetterStoreHost>().Store().Value.Counts().Value.Letters);
    }
}
