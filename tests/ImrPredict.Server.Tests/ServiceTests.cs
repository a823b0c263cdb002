using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Health.V1;

namespace ImrPredict.Server.Tests;

public class ServiceTests(ServiceFixture fixture)
{
    private const string Summary = "The injured worker is a 45 year old male with low back pain radiating to the left leg. Examination showed 4/5 weakness with a diminished reflex. Symptoms persisted after six weeks of physical therapy.";

    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Predict_returns_probabilities_decisions_contributions_and_precedents()
    {
        var request = new PredictRequest { ClinicalSummary = Summary, Contributions = 3, Precedents = 2 };
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        request.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });

        var response = await fixture.Client.PredictAsync(request, cancellationToken: Token);

        Assert.StartsWith("letters-default-", response.ModelVersion, StringComparison.Ordinal);
        Assert.Equal(2, response.Items.Count);
        Assert.Equal("Imaging", response.Items[0].Category);
        Assert.Equal("Opioid", response.Items[1].Category);
        Assert.All(response.Items, item =>
        {
            Assert.InRange(item.POverturned, 0, 1);
            Assert.Equal(item.POverturned >= response.Threshold ? "Overturned" : "Upheld", item.Decision);
            Assert.InRange(item.Contributions.Count, 1, 3);
            Assert.Equal(2, item.Precedents.Count);
        });
    }

    public static TheoryData<string, string> InvalidPredictions() => new()
    {
        { "empty summary", "clinical_summary" },
        { "no items", "items" },
        { "too many items", "items" },
        { "empty item", "items[0].requested_item" },
        { "long summary", "clinical_summary" },
        { "bad date", "date_of_injury" },
        { "dates out of order", "ur_denial_date" },
        { "too many contributions", "contributions" },
    };

    [Theory]
    [MemberData(nameof(InvalidPredictions))]
    public async Task Invalid_predict_requests_are_invalid_argument_with_field_violations(string name, string field)
    {
        var request = new PredictRequest { ClinicalSummary = Summary };
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        switch (name)
        {
            case "empty summary": request.ClinicalSummary = " "; break;
            case "no items": request.Items.Clear(); break;
            case "too many items": request.Items.AddRange(Enumerable.Range(0, 60).Select(i => new ItemRequest { RequestedItem = $"Item {i}" })); break;
            case "empty item": request.Items[0].RequestedItem = ""; break;
            case "long summary": request.ClinicalSummary = new string('a', 60_000); break;
            case "bad date": request.DateOfInjury = "13/45/2015"; break;
            case "dates out of order": request.DateOfInjury = "2016-01-02"; request.UrDenialDate = "2015-01-01"; break;
            case "too many contributions": request.Contributions = 99; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.PredictAsync(request, cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
    }

    [Fact]
    public async Task Predict_letter_reads_a_letter_and_refuses_junk_with_the_parse_error()
    {
        var letter = LetterRenderer.Markdown(new LetterGenerator(seed: 77).Generate(3));

        var response = await fixture.Client.PredictLetterAsync(new PredictLetterRequest { Text = letter }, cancellationToken: Token);
        var pdf = await fixture.Client.PredictLetterAsync(new PredictLetterRequest { Pdf = Google.Protobuf.ByteString.CopyFrom(LetterRenderer.Pdf(new LetterGenerator(seed: 77).Generate(3))) }, cancellationToken: Token);
        var junk = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.PredictLetterAsync(new PredictLetterRequest { Text = "hello" }, cancellationToken: Token).ResponseAsync);

        Assert.NotEmpty(response.Prediction.Items);
        Assert.Equal(response.CaseNumber, pdf.CaseNumber);
        Assert.Equal(response.Prediction.Items.Select(i => i.RequestedItem), pdf.Prediction.Items.Select(i => i.RequestedItem));
        Assert.Equal(StatusCode.InvalidArgument, junk.StatusCode);
        Assert.Contains("NotAnImrLetter", junk.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_refused_and_the_service_keeps_serving()
    {
        var oversized = new PredictLetterRequest { Pdf = Google.Protobuf.ByteString.CopyFrom(new byte[new ImrPredictOptions().MaxMessageBytes + 1]) };

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.PredictLetterAsync(oversized, cancellationToken: Token).ResponseAsync);
        var letter = LetterRenderer.Markdown(new LetterGenerator(seed: 77).Generate(4));
        var after = await fixture.Client.PredictLetterAsync(new PredictLetterRequest { Text = letter }, cancellationToken: Token);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.NotEmpty(after.Prediction.Items);
    }

    [Fact]
    public async Task Rank_cases_orders_all_items_by_probability_in_both_forms()
    {
        var generator = new LetterGenerator(seed: 5);
        var cases = Enumerable.Range(0, 20).Select(i =>
        {
            var letter = generator.Generate(i);
            var @case = new Case { CaseId = $"case-{i}", ClinicalSummary = letter.ClinicalSummary };
            @case.Items.AddRange(letter.Items.Select(item => new ItemRequest { RequestedItem = item.RequestedItem }));
            return @case;
        }).ToList();
        var request = new RankCasesRequest();
        request.Cases.AddRange(cases);

        var ranked = await fixture.Client.RankCasesAsync(request, cancellationToken: Token);
        using var stream = fixture.Client.RankCasesStream(cancellationToken: Token);
        foreach (var @case in cases)
        {
            await stream.RequestStream.WriteAsync(@case, Token);
        }

        await stream.RequestStream.CompleteAsync();
        var streamed = await stream.ResponseAsync;

        Assert.Equal(cases.Sum(c => c.Items.Count), ranked.Items.Count);
        Assert.True(ranked.Items.Zip(ranked.Items.Skip(1)).All(p => p.First.POverturned >= p.Second.POverturned));
        Assert.Equal(ranked.Items.Select(i => (i.CaseId, i.ItemIndex)), streamed.Items.Select(i => (i.CaseId, i.ItemIndex)));
    }

    [Fact]
    public async Task Search_precedents_with_filters_and_get_one()
    {
        var request = new SearchPrecedentsRequest { Query = "opioid pain relief urine drug screen", Decision = "Upheld", PageSize = 5 };
        request.Categories.Add("Opioid");

        var found = await fixture.Client.SearchPrecedentsAsync(request, cancellationToken: Token);
        var detail = await fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = found.Hits[0].Id }, cancellationToken: Token);
        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = "none#0" }, cancellationToken: Token).ResponseAsync);
        var badCategory = new SearchPrecedentsRequest { Query = "pain" };
        badCategory.Categories.Add("Telepathy");
        var invalid = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.SearchPrecedentsAsync(badCategory, cancellationToken: Token).ResponseAsync);

        Assert.Equal(5, found.Hits.Count);
        Assert.All(found.Hits, h => Assert.Equal(("Upheld", "Opioid"), (h.Decision, h.Category)));
        // The fixture's store holds the generated demo letters of a fresh clone: hits and the precedent say so.
        Assert.All(found.Hits, h => Assert.True(h.Generated, $"{h.Id} is from a generated letter"));
        Assert.True(detail.Hit.Generated);
        Assert.Equal(found.Hits[0].Id, detail.Hit.Id);
        Assert.False(string.IsNullOrEmpty(detail.Rationale));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains(invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "categories");
    }

    [Fact]
    public async Task Model_info_and_health()
    {
        var info = await fixture.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);
        var health = await new Health.HealthClient(fixture.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Token);

        Assert.Equal("letters", info.CorpusKind);
        Assert.InRange(info.Threshold, 0.001, 0.999);
        Assert.True(info.Rows > 1000);
        Assert.True(info.Precedents > 1000);
        using var manifest = JsonDocument.Parse(info.ManifestJson);
        Assert.Equal(info.BundleVersion, manifest.RootElement.GetProperty("bundleVersion").GetString());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        // The bootstrapped default bundle learned from generated letters, and says so.
        Assert.True(info.TrainedOnGenerated);
        Assert.Contains(info.TrainedOn, s => s.StartsWith("generated: 1500 letters", StringComparison.Ordinal));
        var json = JsonDocument.Parse(await fixture.Http.GetStringAsync("/v1/model", Token)).RootElement;
        Assert.True(json.GetProperty("trainedOnGenerated").GetBoolean());
    }

    [Fact]
    public async Task Json_transcoding_predict_model_and_errors()
    {
        var predict = await fixture.Http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = Summary, items = new[] { new { requestedItem = "MRI of the lumbar spine" } } }, Token);
        var model = await fixture.Http.GetAsync("/v1/model", Token);
        var invalid = await fixture.Http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = "", items = Array.Empty<object>() }, Token);

        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        using var body = JsonDocument.Parse(await predict.Content.ReadAsStringAsync(Token));
        Assert.StartsWith("letters-default-", body.RootElement.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
        var item = body.RootElement.GetProperty("items")[0];
        Assert.Equal("MRI of the lumbar spine", item.GetProperty("requestedItem").GetString());
        Assert.InRange(item.GetProperty("pOverturned").GetDouble(), 0, 1);
        Assert.Equal(HttpStatusCode.OK, model.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("fieldViolations", await invalid.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_predictions_are_failed_precondition_and_health_says_not_serving()
    {
        var empty = Directory.CreateTempSubdirectory("imr-server-empty-");
        var app = await ServiceFixture.Start(empty.FullName, buildDefault: false);
        try
        {
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://localhost", new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
            var client = new ImrPredictService.ImrPredictServiceClient(channel);
            var request = new PredictRequest { ClinicalSummary = Summary };
            request.Items.Add(new ItemRequest { RequestedItem = "MRI" });

            var error = await Assert.ThrowsAsync<RpcException>(() => client.PredictAsync(request, cancellationToken: Token).ResponseAsync);
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Token);

            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.Contains("no model", error.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
        }
        finally
        {
            await app.DisposeAsync();
            empty.Delete(recursive: true);
        }
    }
}

public class ReflectionTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Reflection_lists_the_api_and_health_so_grpcurl_works()
    {
        var token = TestContext.Current.CancellationToken;
        var client = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = client.ServerReflectionInfo(cancellationToken: token);

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" }, token);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(token));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("imrpredict.v1.ImrPredictService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
