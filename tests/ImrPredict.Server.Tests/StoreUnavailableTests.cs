namespace ImrPredict.Server.Tests;

/// <summary>A PostgreSQL store that cannot be reached at start: predictions are served; adds and searches say why, naming the setting.</summary>
public sealed class StoreUnavailableTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Predictions_are_served_and_store_calls_name_the_connection_setting()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = new ImrPredictFactory(Models, buildDefault: false, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Determinations"] = "Host=127.0.0.1;Port=1;Username=imr;Password=secret;Database=imr;Timeout=1",
        });
        await app.WaitForModelAsync(TimeSpan.FromSeconds(60));
        var client = app.Client(out var channel);
        using var _ = channel;
        var predict = new PredictRequest { ClinicalSummary = "Neck pain with numbness in both hands." };
        predict.Items.Add(new ItemRequest { RequestedItem = "EMG/NCV of the bilateral upper extremities" });

        var prediction = await client.PredictAsync(predict, cancellationToken: token);
        var add = await Assert.ThrowsAsync<RpcException>(() =>
            client.AddDeterminationsAsync(StoreLetters.Request(StoreLetters.Letter(seed: 5, index: 5)), ServerProcess.Key, cancellationToken: token).ResponseAsync);
        var search = await Assert.ThrowsAsync<RpcException>(() =>
            client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "baclofen" }, cancellationToken: token).ResponseAsync);

        Assert.Single(prediction.Items);
        Assert.Equal(StatusCode.Unavailable, add.StatusCode);
        Assert.Contains("ConnectionStrings:Determinations", add.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", add.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, search.StatusCode);
        Assert.Contains("store", search.Status.Detail, StringComparison.Ordinal);
    }
}
