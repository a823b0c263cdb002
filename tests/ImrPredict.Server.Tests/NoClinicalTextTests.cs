using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using StatusCode = Grpc.Core.StatusCode;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Clinical text never leaves the service through telemetry: after every kind of call (gRPC and JSON, letters as text and
/// PDF, searches, a refused letter, invalid requests), no metric label, span attribute or log line holds any of it.
/// </summary>
public sealed class NoClinicalTextTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    // Words no letter or model has seen, put in every piece of clinical text this test sends.
    private static readonly string[] Markers = ["zorqualith", "vextramine", "plumbrosyne", "quillathorp"];


    [Fact]
    public async Task Metrics_spans_and_logs_hold_no_clinical_text_after_every_kind_of_call()
    {
        var token = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        var logs = new CapturedLogs();
        await using var app = new ImrPredictFactory(Models, buildDefault: false, services: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.AddLogging(logging => logging.AddProvider(logs));
        });
        await app.WaitForModelAsync(TimeSpan.FromMinutes(1));
        var client = app.Client(out var channel);
        using var _ = channel;
        using var http = app.CreateClient();
        var key = new Metadata { { "x-api-key", ServiceFixture.ApiKey } };

        var letter = new LetterGenerator(seed: 4242).Generate(1);
        letter = letter with { ClinicalSummary = $"{letter.ClinicalSummary} The patient was given {Markers[0]} and reports {Markers[1]} pain." };
        var add = new AddDeterminationsRequest();
        add.Letters.Add(new LetterContent { Text = LetterRenderer.Markdown(letter), Source = "marked.md" });
        add.Letters.Add(new LetterContent { Text = $"Not a letter: {Markers[2]} {Markers[3]} only.", Source = "junk.txt" });
        var added = await client.AddDeterminationsAsync(add, key, cancellationToken: token);
        Assert.Equal(1, added.LettersAdded);
        Assert.Single(added.Errors);

        var predict = new PredictRequest { ClinicalSummary = $"Low back pain treated with {Markers[0]}; {Markers[1]} noted.", Contributions = 5, Precedents = 3 };
        predict.Items.Add(new ItemRequest { RequestedItem = $"{Markers[2]} 10mg #30" });
        await client.PredictAsync(predict, cancellationToken: token);
        await client.PredictLetterAsync(new PredictLetterRequest { Text = LetterRenderer.Markdown(letter), Contributions = 3, Precedents = 2 }, cancellationToken: token);
        await client.PredictLetterAsync(new PredictLetterRequest { Pdf = Google.Protobuf.ByteString.CopyFrom(LetterRenderer.Pdf(letter)), Precedents = 1 }, cancellationToken: token);
        var unreadable = await Assert.ThrowsAsync<RpcException>(() =>
            client.PredictLetterAsync(new PredictLetterRequest { Text = $"{Markers[3]} is all this says." }, cancellationToken: token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, unreadable.StatusCode);
        var rank = new RankCasesRequest();
        rank.Cases.Add(new Case { CaseId = "c1", ClinicalSummary = predict.ClinicalSummary, Items = { predict.Items } });
        await client.RankCasesAsync(rank, cancellationToken: token);
        var found = await client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = $"{Markers[0]} {Markers[1]}", PageSize = 5 }, cancellationToken: token);
        var invalid = new PredictRequest { ClinicalSummary = $"{Markers[1]} summary" };
        invalid.Items.Add(new ItemRequest { RequestedItem = $"{Markers[3]} {new string('x', 600)}" });
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.PredictAsync(invalid, cancellationToken: token).ResponseAsync)).StatusCode);

        using (var json = await http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = $"Knee pain, {Markers[2]}.", items = new[] { new { requestedItem = $"{Markers[3]} brace" } } }, token))
        {
            json.EnsureSuccessStatusCode();
        }

        var precedentId = found.Hits.Count > 0 ? found.Hits[0].Id : "CM13-0000001#0";
        using (await http.GetAsync($"/v1/precedents/{Uri.EscapeDataString(precedentId)}?query={Markers[0]}+{Markers[2]}", token))
        {
        }

        using (await http.PostAsJsonAsync("/v1/precedents:search", new { query = $"{Markers[1]} {Markers[3]}" }, token))
        {
        }

        await SendEveryErrorPath(client, http, key, letter, token);

        using var scrape = await http.GetAsync("/metrics", token);
        var metrics = await scrape.Content.ReadAsStringAsync(token);
        // Spans end as calls return; the exporter receives them when they end.
        await Task.Delay(500, token);
        List<Activity> ended;
        lock (spans)
        {
            ended = [.. spans];
        }

        var spanText = ended.Select(s => string.Join(" ", new[] { s.DisplayName, s.OperationName, s.StatusDescription ?? string.Empty }
            .Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))))).ToList();

        // The scan means something only if all three were written to.
        foreach (var name in new[] { "imr.parse", "imr.featurize", "imr.predict", "imr.search", "imr.store" })
        {
            Assert.Contains(ended, s => s.DisplayName == name);
        }

        Assert.Contains(ended, s => s.Kind == ActivityKind.Server && s.TagObjects.Any(t => t.Key == "url.query"));
        Assert.Contains(logs.Lines, line => line.Contains("/imrpredict.v1.ImrPredictService/PredictLetter", StringComparison.Ordinal));
        Assert.Contains("imrpredict_letters_refused_total", metrics, StringComparison.Ordinal);

        foreach (var marker in Markers)
        {
            Assert.DoesNotContain(marker, metrics, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(spanText, text => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(logs.Lines, line => line.Contains(marker, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Every way a call can fail with the caller's text in its error: a letter whose item has no decision (the parser quotes
    /// the item), letters that are not letters, bad filter values, unknown ids, a request id that is text, a broken JSON
    /// body. Each error may quote the caller's own input back to the caller; none of it may reach a log line.
    /// </summary>
    private static async Task SendEveryErrorPath(ImrPredictService.ImrPredictServiceClient client, HttpClient http, Metadata key, SyntheticLetter letter, CancellationToken token)
    {
        var item = letter.Items[0] with { RequestedItem = $"Six {Markers[2]} visits for the cervical spine" };
        var noDecision = System.Text.RegularExpressions.Regex.Replace(LetterRenderer.Markdown(letter with { Items = [item, .. letter.Items.Skip(1)] }),
            @"(\*\*Six [^*]*?\*\*):? *(Upheld|Overturned)", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Contains($"Six {Markers[2]}", noDecision, StringComparison.Ordinal);
        var headers = new Metadata { { "x-request-id", $"{Markers[0]} pain 8/10" } };
        var grpcNoDecision = await Assert.ThrowsAsync<RpcException>(() => client.PredictLetterAsync(new PredictLetterRequest { Text = noDecision }, headers, cancellationToken: token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, grpcNoDecision.StatusCode);
        Assert.Contains(Markers[2], grpcNoDecision.Status.Detail, StringComparison.Ordinal);

        using var jsonNoDecision = new HttpRequestMessage(HttpMethod.Post, "/v1/predict:letter") { Content = JsonContent.Create(new { text = noDecision }) };
        jsonNoDecision.Headers.Add("x-request-id", $"{Markers[0]} pain 8/10");
        using (var json = await http.SendAsync(jsonNoDecision, token))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, json.StatusCode);
            Assert.Contains(Markers[2], await json.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
            var echoed = Assert.Single(json.Headers.GetValues("x-request-id"));
            Assert.DoesNotContain(Markers[0], echoed, StringComparison.Ordinal);
        }

        var add = new AddDeterminationsRequest();
        add.Letters.Add(new LetterContent { Text = noDecision, Source = $"{Markers[1]}.md" });
        Assert.Single((await client.AddDeterminationsAsync(add, key, cancellationToken: token)).Errors);

        var badFilters = new SearchPrecedentsRequest { Query = "knee", Decision = Markers[0], DecidedFrom = Markers[1], Categories = { Markers[2] }, GuidelineSources = { Markers[3] } };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.SearchPrecedentsAsync(badFilters, cancellationToken: token).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPrecedentAsync(new GetPrecedentRequest { Id = $"{Markers[3]} knee#0" }, cancellationToken: token).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = $"{Markers[3]} knee" }, key, cancellationToken: token).ResponseAsync)).StatusCode);

        using var brokenJson = new HttpRequestMessage(HttpMethod.Post, "/v1/predict")
        {
            Content = new StringContent($"{{\"clinicalSummary\": \"{Markers[1]} pain\", \"items\": [{{\"requestedItem\": {Markers[0]}", Encoding.UTF8, "application/json"),
        };
        brokenJson.Headers.Add("x-request-id", $"{Markers[2]}\tinjected");
        using var broken = await http.SendAsync(brokenJson, token);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.DoesNotContain(Markers[2], string.Join(" ", broken.Headers.SelectMany(h => h.Value)), StringComparison.Ordinal);
        using (var filters = await http.PostAsJsonAsync("/v1/precedents:search", new { query = "knee", categories = new[] { Markers[1] } }, token))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, filters.StatusCode);
        }
    }
}
