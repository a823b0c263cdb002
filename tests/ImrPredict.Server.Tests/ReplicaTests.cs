using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>Two server processes (own ports, own index folders) on one PostgreSQL store: what one adds or deletes, both show.</summary>
public sealed class ReplicaTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    private ThrowawayPostgres? _database;

    [Fact]
    public async Task A_letter_added_on_one_replica_is_found_on_the_other_and_a_deletion_leaves_both()
    {
        var token = TestContext.Current.CancellationToken;
        _database = ThrowawayPostgres.Create("replicas");
        var environment = new Dictionary<string, string> { [StoreLocation.ConnectionStringVariable] = _database.ConnectionString };
        await using var a = new ServerProcess(Models, Path.Combine(Data, "a"), environment: environment);
        await using var b = new ServerProcess(Models, Path.Combine(Data, "b"), environment: environment);
        await a.StartAsync(token);
        await b.StartAsync(token);
        var letter = StoreLetters.Letter(seed: 616, index: 3);

        await a.Client.AddDeterminationsAsync(StoreLetters.Request(letter), ServerProcess.Key, cancellationToken: token);
        var onA = await a.FindsAsync(letter.Query, letter.LetterId, TimeSpan.Zero, token);
        var onB = await b.FindsAsync(letter.Query, letter.LetterId, TimeSpan.FromSeconds(5), token);
        await b.Client.DeleteDeterminationAsync(new V1.DeleteDeterminationRequest { LetterId = letter.LetterId }, ServerProcess.Key, cancellationToken: token);
        var goneFromB = !await b.FindsAsync(letter.Query, letter.LetterId, TimeSpan.Zero, token);
        await Task.Delay(TimeSpan.FromSeconds(3), token);
        var goneFromA = !await a.FindsAsync(letter.Query, letter.LetterId, TimeSpan.Zero, token);

        Assert.True(onA, "the adding replica does not find its own letter");
        Assert.True(onB, "the other replica did not find the letter within 5 s");
        Assert.True(goneFromB, "the deleting replica still finds the letter");
        Assert.True(goneFromA, "the other replica still finds the deleted letter after 3 s");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database?.Dispose();
    }
}
