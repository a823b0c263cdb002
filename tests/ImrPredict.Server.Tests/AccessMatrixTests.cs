using System.Net;
using System.Net.Http.Json;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Every RPC, over gRPC and over JSON, called with no credential, a reader's, a triage user's and an admin's token, the
/// same roles' API keys, and a tampered token: each answers as its role allows, or UNAUTHENTICATED/401, or
/// PERMISSION_DENIED/403. The table of mismatches must be empty.
/// </summary>
public sealed class AccessMatrixTests(SecuredServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>One RPC: the least role it needs, and how to call it over gRPC and over JSON.</summary>
    private sealed record Rpc(string Name, string Role, Func<ImrPredictService.ImrPredictServiceClient, Metadata, Task> Grpc, Func<HttpRequestMessage> Json);

    private static IReadOnlyList<Rpc> Rpcs(SecuredServiceFixture fixture)
    {
        var summary = "The patient reports low back pain radiating to the left leg after 12 sessions of physical therapy.";
        var letter = fixture.Letters[0];
        var precedentId = letter.LetterId + "#0";
        return
        [
            new("Predict", "reader", (c, m) => c.PredictAsync(new PredictRequest { ClinicalSummary = summary, Items = { new ItemRequest { RequestedItem = "MRI of the lumbar spine" } } }, m).ResponseAsync,
                () => Post("/v1/predict", new { clinicalSummary = summary, items = new[] { new { requestedItem = "MRI of the lumbar spine" } } })),
            new("PredictLetter", "reader", (c, m) => c.PredictLetterAsync(new PredictLetterRequest { Text = letter.Content.Text }, m).ResponseAsync,
                () => Post("/v1/predict:letter", new { text = letter.Content.Text })),
            new("RankCases", "triage", (c, m) => c.RankCasesAsync(new RankCasesRequest { Cases = { new Case { ClinicalSummary = summary, Items = { new ItemRequest { RequestedItem = "Norco 10/325mg #120" } } } } }, m).ResponseAsync,
                () => Post("/v1/rank", new { cases = new[] { new { clinicalSummary = summary, items = new[] { new { requestedItem = "Norco 10/325mg #120" } } } } })),
            new("RankCasesStream", "triage", async (c, m) =>
            {
                using var call = c.RankCasesStream(m);
                try
                {
                    await call.RequestStream.WriteAsync(new Case { ClinicalSummary = summary, Items = { new ItemRequest { RequestedItem = "Norco 10/325mg #120" } } });
                    await call.RequestStream.CompleteAsync();
                }
                catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
                {
                    // A refused call can end before its stream is written: the writes then fail however the stream was cut,
                    // and the call's own status is in its response.
                }

                await call.ResponseAsync;
            }, () => new HttpRequestMessage(HttpMethod.Post, "/imrpredict.v1.ImrPredictService/RankCasesStream")),
            new("SearchPrecedents", "reader", (c, m) => c.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "lumbar MRI" }, m).ResponseAsync,
                () => Post("/v1/precedents:search", new { query = "lumbar MRI" })),
            new("GetPrecedent", "reader", (c, m) => c.GetPrecedentAsync(new GetPrecedentRequest { Id = precedentId }, m).ResponseAsync,
                () => new HttpRequestMessage(HttpMethod.Get, "/v1/precedents/" + Uri.EscapeDataString(precedentId))),
            new("GetNames", "reader", (c, m) => c.GetNamesAsync(new GetNamesRequest(), m).ResponseAsync, () => new HttpRequestMessage(HttpMethod.Get, "/v1/names")),
            new("GetModelInfo", "reader", (c, m) => c.GetModelInfoAsync(new GetModelInfoRequest(), m).ResponseAsync, () => new HttpRequestMessage(HttpMethod.Get, "/v1/model")),
            new("GetModelReport", "reader", (c, m) => c.GetModelReportAsync(new GetModelReportRequest { Name = "report.md" }, m).ResponseAsync,
                () => new HttpRequestMessage(HttpMethod.Get, "/v1/model/report/report.md")),
            new("AddDeterminations", "admin", (c, m) => c.AddDeterminationsAsync(new AddDeterminationsRequest { Letters = { fixture.Letters[1].Content } }, m).ResponseAsync,
                () => Post("/v1/determinations", new { letters = new[] { new { text = fixture.Letters[1].Content.Text, source = "again.md" } } })),
            new("DeleteDetermination", "admin", (c, m) => c.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = "CM00-0000000" }, m).ResponseAsync,
                () => new HttpRequestMessage(HttpMethod.Delete, "/v1/determinations/CM00-0000000")),
            new("ListDeterminations", "admin", (c, m) => c.ListDeterminationsAsync(new ListDeterminationsRequest { Max = 5 }, m).ResponseAsync,
                () => new HttpRequestMessage(HttpMethod.Get, "/v1/determinations?max=5")),
            new("ReloadModel", "admin", (c, m) => c.ReloadModelAsync(new ReloadModelRequest(), m).ResponseAsync, () => Post("/v1/model:reload", new { })),
            new("ListAuditRecords", "admin", (c, m) => c.ListAuditRecordsAsync(new ListAuditRecordsRequest { Max = 5 }, m).ResponseAsync,
                () => new HttpRequestMessage(HttpMethod.Get, "/v1/audit?max=5")),
        ];
    }

    [Fact]
    public async Task Every_rpc_answers_every_credential_as_its_role_allows_over_grpc_and_json()
    {
        var credentials = new List<(string Name, string? Role, Metadata Grpc, Action<HttpRequestMessage> Json)>
        {
            ("no credential", null, [], _ => { }),
            ("tampered token", null, SecuredServiceFixture.Bearer(Tampered(fixture.Tokens["admin"])), r => r.Headers.Authorization = new("Bearer", Tampered(fixture.Tokens["admin"]))),
            ("wrong key", null, SecuredServiceFixture.Key("imr_not-a-key"), r => r.Headers.Add("x-api-key", "imr_not-a-key")),
        };
        foreach (var role in new[] { "reader", "triage", "admin" })
        {
            var token = fixture.Tokens[role];
            var key = fixture.Keys[role];
            credentials.Add(($"{role} token", role, SecuredServiceFixture.Bearer(token), r => r.Headers.Authorization = new("Bearer", token)));
            credentials.Add(($"{role} key", role, SecuredServiceFixture.Key(key), r => r.Headers.Add("x-api-key", key)));
        }

        var mismatches = new List<string>();
        var cells = 0;
        foreach (var rpc in Rpcs(fixture))
        {
            foreach (var (name, role, metadata, addJson) in credentials)
            {
                var expected = role is null ? "Unauthenticated" : Rank(role) >= Rank(rpc.Role) ? "allowed" : "PermissionDenied";
                var overGrpc = await GrpcOutcome(() => rpc.Grpc(fixture.Client, metadata));
                cells++;
                if (overGrpc != expected)
                {
                    mismatches.Add($"gRPC {rpc.Name} with {name}: {overGrpc}, expected {expected}");
                }

                // The client stream has no JSON route: over HTTP/1.1 only the gRPC methods' own paths exist.
                if (rpc.Name == "RankCasesStream")
                {
                    continue;
                }

                using var request = rpc.Json();
                addJson(request);
                using var response = await fixture.Http.SendAsync(request, Token);
                var overJson = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => "Unauthenticated",
                    HttpStatusCode.Forbidden => "PermissionDenied",
                    _ => "allowed",
                };
                cells++;
                if (overJson != expected)
                {
                    mismatches.Add($"JSON {rpc.Name} with {name}: HTTP {(int)response.StatusCode} ({overJson}), expected {expected}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} cells differ from the role matrix:\n{string.Join("\n", mismatches)}");
        Assert.True(cells >= 11 * 9 * 2, $"only {cells} cells were checked");
    }

    [Fact]
    public async Task A_refusal_says_why_in_the_status_message_and_the_json_body()
    {
        var none = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "MRI" }, cancellationToken: Token).ResponseAsync);
        var reader = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Client.ReloadModelAsync(new ReloadModelRequest(), SecuredServiceFixture.Bearer(fixture.Tokens["reader"]), cancellationToken: Token).ResponseAsync);
        using var json = await fixture.Http.PostAsJsonAsync("/v1/precedents:search", new { query = "MRI" }, Token);
        var body = await json.Content.ReadAsStringAsync(Token);

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Contains("needs a credential", none.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, reader.StatusCode);
        Assert.Equal("ReloadModel needs the admin role; reader-user has the reader role", reader.Status.Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal("Bearer", json.Headers.WwwAuthenticate.ToString());
        Assert.Contains("\"code\":16", body);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_answer_without_a_credential_and_pages_do_not()
    {
        using var live = await fixture.Http.GetAsync("/healthz", Token);
        using var metrics = await fixture.Http.GetAsync("/metrics", Token);
        using var page = await fixture.Http.GetAsync("/", Token);
        using var me = await fixture.Http.GetAsync("/auth/me", Token);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("\"signedIn\":false", await me.Content.ReadAsStringAsync(Token));
    }

    private static int Rank(string role) => Array.IndexOf(["reader", "triage", "admin"], role);

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    /// <summary>The token with one character of its payload changed: the signature no longer matches.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{new string(payload)}.{parts[2]}";
    }

    private static async Task<string> GrpcOutcome(Func<Task> call)
    {
        try
        {
            await call();
            return "allowed";
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            return e.StatusCode.ToString();
        }
        catch (RpcException)
        {
            return "allowed";
        }
    }
}
