using ImrPredict.Store.Audit;
using AuditRecord = ImrPredict.Store.Audit.AuditRecord;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Audit records are not lost when the replica stops (SIGTERM under load: every answered call has its record), and the
/// retention job deletes the ones past their time and no other.
/// </summary>
public sealed class AuditDurabilityTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_answered_call_has_its_record_after_a_sigterm_under_load()
    {
        var data = Directory.CreateTempSubdirectory("imr-audit-sigterm-");
        await using var server = new ServerProcess(fixture.CopyOfModels(), data.FullName);
        await server.StartAsync(Token);
        var answered = 0;
        var calls = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(async worker =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref calls);
                try
                {
                    await server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = $"lumbar MRI radiculopathy {worker}" }, cancellationToken: Token);
                    Interlocked.Increment(ref answered);
                }
                catch (RpcException)
                {
                    // Refused or cut off once the replica stops taking calls: not answered, so not counted.
                    await Task.Delay(10, Token);
                }
            }
        }).ToList();
        while (Volatile.Read(ref answered) < 1500)
        {
            await Task.Delay(20, Token);
        }

        server.Terminate();
        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        using var log = SqlAuditLog.Open(data.FullName, null).Value;
        var records = log.Read(new AuditQuery(Max: 100_000)).Value.Where(r => r.Action == "SearchPrecedents" && r.Outcome == "OK").ToList();

        Assert.Equal(0, exit);
        Assert.True(records.Count >= answered, $"{answered} calls were answered but only {records.Count} records were kept (of {calls} calls)");
        // A call can be answered by the server and its answer lost on the way as the connection closes: at most one per worker.
        Assert.True(records.Count <= answered + 8, $"{records.Count} records for {answered} answered calls");
        data.Delete(recursive: true);
    }

    [Fact]
    public async Task The_retention_job_deletes_records_past_their_time_and_keeps_the_rest()
    {
        var data = Directory.CreateTempSubdirectory("imr-audit-retention-");
        using (var seed = SqlAuditLog.Open(data.FullName, null).Value)
        {
            seed.Append(
            [
                new AuditRecord(0, DateTimeOffset.UtcNow.AddDays(-40), "old-user", null, "reader", "bearer", "GetPrecedent", "OK", [], ["CM15-0000001"], null, null),
                new AuditRecord(0, DateTimeOffset.UtcNow.AddDays(-2), "recent-user", null, "reader", "bearer", "GetPrecedent", "OK", [], ["CM15-0000002"], null, null),
            ]);
        }

        await using (var app = new ImrPredictFactory(fixture.CopyOfModels(), buildDefault: false, settings: new Dictionary<string, string?> { ["ImrPredict:Audit:RetentionDays"] = "30" }, dataDirectory: data.FullName))
        {
            _ = app.Server;
            using var log = SqlAuditLog.Open(data.FullName, null).Value;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (log.Read(new AuditQuery(Subject: "old-user")).Value.Count > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Token);
            }

            Assert.Empty(log.Read(new AuditQuery(Subject: "old-user")).Value);
            Assert.Single(log.Read(new AuditQuery(Subject: "recent-user")).Value);
        }

        data.Delete(recursive: true);
    }
}
