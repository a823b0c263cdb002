namespace ImrPredict.Server.Tests;

/// <summary>Rate limits count per caller, not per address: one caller at its limit does not hold back another from the same address.</summary>
public sealed class RateLimitBySubjectTests(SecuredServiceFixture fixture)
{
    [Fact]
    public async Task A_caller_at_its_limit_does_not_use_up_another_callers_rate()
    {
        var token = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("imr-limit-subject-");
        using var cleanup = new Cleanup(folder);
        var settings = fixture.Provider.ServiceSettings().ToDictionary(p => p.Key, p => (string?)p.Value);
        settings["ImrPredict:CallLimits:RankCases:PermitsPerSecond"] = "0.0333";
        settings["ImrPredict:CallLimits:RankCases:Burst"] = "1";
        await using var app = new ImrPredictFactory(folder.FullName, buildDefault: false, settings: settings);
        var client = app.Client(out var channel);
        using var _ = channel;
        var first = SecuredServiceFixture.Bearer(await fixture.Provider.TokenAsync("busy-job", ["triage"]));
        var second = SecuredServiceFixture.Bearer(await fixture.Provider.TokenAsync("triage-nurse", ["triage"]));
        var rank = new RankCasesRequest { Cases = { new Case { ClinicalSummary = "Chronic low back pain.", Items = { new ItemRequest { RequestedItem = "MRI of the lumbar spine" } } } } };

        var busyFirst = await StatusOf(() => client.RankCasesAsync(rank, first, cancellationToken: token).ResponseAsync);
        var busyAgain = await Assert.ThrowsAsync<RpcException>(() => client.RankCasesAsync(rank, first, cancellationToken: token).ResponseAsync);
        var other = await StatusOf(() => client.RankCasesAsync(rank, second, cancellationToken: token).ResponseAsync);

        // Let in (no model here: UNAVAILABLE); the same caller again is over its rate; another caller is not.
        Assert.Equal(StatusCode.Unavailable, busyFirst);
        Assert.Equal(StatusCode.ResourceExhausted, busyAgain.StatusCode);
        Assert.Contains("for busy-job", busyAgain.Status.Detail);
        Assert.Equal(StatusCode.Unavailable, other);
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private sealed class Cleanup(DirectoryInfo folder) : IDisposable
    {
        public void Dispose() => folder.Delete(recursive: true);
    }
}
