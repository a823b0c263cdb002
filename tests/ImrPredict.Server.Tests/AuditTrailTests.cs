using System.Text.Json;
using ImrPredict.Application.Audit;
using ImrPredict.Store.Audit;
using AuditRecord = ImrPredict.Store.Audit.AuditRecord;
using Microsoft.Extensions.DependencyInjection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Each audited action leaves one record naming who (subject, name, role, how they signed in), what (the action, the ids
/// returned or changed), the outcome and where from; refusals too; and no record holds clinical text, query text, a token
/// or a key.
/// </summary>
public sealed class AuditTrailTests(SecuredServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private AuditTrail Trail => fixture.App.Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task Each_action_leaves_one_record_with_who_what_and_the_outcome()
    {
        var since = DateTimeOffset.UtcNow;
        var letter = fixture.Letters[2];
        // A subject of this test's own: the other tests call the same service meanwhile.
        var reader = SecuredServiceFixture.Bearer(await fixture.Provider.TokenAsync("audit-reader", ["reader"]));
        var found = await fixture.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = letter.Query, PageSize = 3 }, reader, cancellationToken: Token);
        await fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = letter.LetterId + "#0" }, reader, cancellationToken: Token);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = "CM99-9999999" }, SecuredServiceFixture.Key(fixture.Keys["admin"]), cancellationToken: Token).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => fixture.Client.ReloadModelAsync(new ReloadModelRequest(), reader, cancellationToken: Token).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = letter.LetterId + "#0" }, cancellationToken: Token).ResponseAsync);
        await Record(() => fixture.Client.GetModelInfoAsync(new GetModelInfoRequest(), reader, cancellationToken: Token).ResponseAsync);

        var records = await RecordsSince(since, expected: 5);

        var search = Assert.Single(records, r => r.Action == "SearchPrecedents" && r.Subject == "audit-reader");
        Assert.Equal(("audit-reader", "audit-reader", "reader", "bearer", "OK"), (search.Subject, search.Name, search.Role, search.Scheme, search.Outcome));
        Assert.Equal(found.Hits.Select(h => h.Id), search.PrecedentIds);
        Assert.Contains(letter.LetterId, search.LetterIds);
        Assert.False(string.IsNullOrEmpty(search.RequestId));
        var read = Assert.Single(records, r => r.Action == "GetPrecedent" && r.Outcome == "OK" && r.Subject == "audit-reader");
        Assert.Equal([letter.LetterId + "#0"], read.PrecedentIds);
        var delete = Assert.Single(records, r => r.Action == "DeleteDetermination" && r.LetterIds.Contains("CM99-9999999"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(("key:admin-job", "admin", "key:admin-job", "NotFound"), (delete.Subject, delete.Role, delete.Scheme, delete.Outcome));
        Assert.Equal(["CM99-9999999"], delete.LetterIds);
        Assert.Single(records, r => r.Action == "ReloadModel" && r.Outcome == "PermissionDenied" && r.Subject == "audit-reader");
        Assert.Contains(records, r => r.Action == "GetPrecedent" && r.Outcome == "Unauthenticated" && r.Subject == "anonymous" && r.Role == "none");
        Assert.DoesNotContain(records, r => r.Action == "GetModelInfo");

        using var listing = new HttpRequestMessage(HttpMethod.Get, $"/v1/audit?subject=audit-reader&since={since.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");
        listing.Headers.Authorization = new("Bearer", fixture.Tokens["admin"]);
        using var listed = await fixture.Http.SendAsync(listing, Token);
        var json = JsonDocument.Parse(await listed.Content.ReadAsStringAsync(Token)).RootElement;
        var actions = json.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Equal(["ReloadModel", "GetPrecedent", "SearchPrecedents"], actions);
        using var badSince = new HttpRequestMessage(HttpMethod.Get, "/v1/audit?since=yesterday");
        badSince.Headers.Authorization = new("Bearer", fixture.Tokens["admin"]);
        using var refused = await fixture.Http.SendAsync(badSince, Token);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("since", await refused.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task No_record_holds_clinical_text_query_text_a_token_or_a_key()
    {
        var since = DateTimeOffset.UtcNow;
        var letter = fixture.Letters[3];
        var summary = "Left shoulder impingement with positive Neer sign, failed six weeks of physical therapy and NSAIDs.";
        var probe = await fixture.Provider.TokenAsync("audit-probe", ["triage"]);
        var triage = SecuredServiceFixture.Bearer(probe);
        var reader = triage;
        await fixture.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = letter.Query }, reader, cancellationToken: Token);
        await fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = letter.LetterId + "#0", Query = "impingement" }, reader, cancellationToken: Token);
        await Record(() => fixture.Client.PredictAsync(new PredictRequest { ClinicalSummary = summary, Items = { new ItemRequest { RequestedItem = "MRI of the left shoulder" } } }, triage, cancellationToken: Token).ResponseAsync);
        await Record(() => fixture.Client.PredictLetterAsync(new PredictLetterRequest { Text = letter.Content.Text }, triage, cancellationToken: Token).ResponseAsync);
        await Record(() => fixture.Client.RankCasesAsync(new RankCasesRequest { Cases = { new Case { CaseId = "claim-17", ClinicalSummary = summary, Items = { new ItemRequest { RequestedItem = "MRI of the left shoulder" } } } } },
            triage, cancellationToken: Token).ResponseAsync);

        var records = await RecordsSince(since, expected: 5, subject: "audit-probe");
        var written = JsonSerializer.Serialize(records);

        Assert.Equal(5, records.Count);
        foreach (var secret in new[] { "impingement", "Neer", "shoulder", letter.Query[..40], letter.Content.Text[200..240], probe[..30], probe[^30..] })
        {
            Assert.DoesNotContain(secret, written, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task Record(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            // No model on this server: the call was let in, answered, and audited all the same.
        }
    }

    /// <summary>The records since <paramref name="since"/> once at least <paramref name="expected"/> are durable (written off the request path).</summary>
    private async Task<IReadOnlyList<AuditRecord>> RecordsSince(DateTimeOffset since, int expected, string? subject = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<AuditRecord> records;
        do
        {
            records = Trail.Read(new AuditQuery(since, subject)).Value;
            if (records.Count >= expected)
            {
                break;
            }

            await Task.Delay(100, Token);
        }
        while (DateTime.UtcNow < deadline);
        return records;
    }
}
