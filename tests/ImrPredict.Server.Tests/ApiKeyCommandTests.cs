using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImrPredict.Server.Tests;

/// <summary>
/// An operator's round: <c>imr apikey</c> makes a key and its hash, the service configured with the hash accepts the key
/// (and only it), and <c>imr audit</c> reads what the key's calls did from the service's store.
/// </summary>
public sealed partial class ApiKeyCommandTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_made_by_imr_apikey_is_accepted_and_imr_audit_shows_its_calls()
    {
        var made = Imr.Invoke(["apikey", "--name", "cleanup-job", "--role", "admin"], TimeSpan.FromMinutes(1));
        var key = KeyLine().Match(made.Output).Groups[1].Value;
        var hash = HashLine().Match(made.Output).Groups[1].Value;
        var data = Directory.CreateTempSubdirectory("imr-apikey-");
        var settings = new Dictionary<string, string?>
        {
            ["ImrPredict:ApiKey"] = "",
            ["ImrPredict:Auth:ApiKeys:0:Name"] = "cleanup-job",
            ["ImrPredict:Auth:ApiKeys:0:Role"] = "admin",
            ["ImrPredict:Auth:ApiKeys:0:Hash"] = hash,
        };
        await using (var app = new ImrPredictFactory(fixture.CopyOfModels(), buildDefault: false, settings: settings, dataDirectory: data.FullName))
        {
            var client = app.Client(out var channel);
            using var _ = channel;
            var accepted = await Assert.ThrowsAsync<RpcException>(() =>
                client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = "CM01-0000001" }, SecuredServiceFixture.Key(key), cancellationToken: Token).ResponseAsync);
            var wrong = await Assert.ThrowsAsync<RpcException>(() =>
                client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = "CM01-0000001" }, SecuredServiceFixture.Key(key + "x"), cancellationToken: Token).ResponseAsync);

            Assert.Equal(0, made.ExitCode);
            Assert.StartsWith("imr_", key);
            Assert.DoesNotContain(key, hash);
            Assert.Equal(StatusCode.NotFound, accepted.StatusCode);
            Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
            Assert.Equal("the x-api-key header matches no configured key", wrong.Status.Detail);
        }

        var audit = Imr.Invoke(["audit", "--data-dir", data.FullName, "--subject", "key:cleanup-job", "--since", "1h", "--json"], TimeSpan.FromMinutes(1));
        var records = audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var table = Imr.Invoke(["audit", "--data-dir", data.FullName, "--letter", "CM01-0000001"], TimeSpan.FromMinutes(1));
        var missing = Imr.Invoke(["audit", "--data-dir", Path.Combine(data.FullName, "nowhere")], TimeSpan.FromMinutes(1));

        Assert.True(audit.ExitCode == 0, audit.All);
        var record = Assert.Single(records);
        Assert.Equal(("DeleteDetermination", "NotFound", "admin"), (record.GetProperty("action").GetString(), record.GetProperty("outcome").GetString(), record.GetProperty("role").GetString()));
        Assert.Contains("DeleteDetermination", table.Output);
        Assert.Contains("1 records", table.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no store at", missing.Error);
        data.Delete(recursive: true);
    }

    [GeneratedRegex(@"^key:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^hash:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex HashLine();
}
