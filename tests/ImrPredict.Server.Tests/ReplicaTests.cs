using ImrPredict.Store;
using ImrPredict.TestSupport;

namespace ImrPredict.Server.Tests;

/// <summary>Two server processes (own ports, own index folders) on one PostgreSQL store: what one adds or deletes, both show.</summary>
public sealed class ReplicaTests(ServiceFixture fixture) : IDisposable
{
    private readonly string _models = fixture.CopyOfModels();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-replicas-");
    private ThrowawayPostgres? _database;

    [Fact]
    public async Task A_letter_added_on_one_replica_is_found_on_the_other_and_a_deletion_leaves_both()
    {
        var token = TestContext.Current.CancellationToken;
        _database = ThrowawayPostgres.Create("replicas");
        var environment = new Dictionary<string, string> { [StoreLocation.ConnectionStringVariable] = _database.ConnectionString };
        await using var a = new ServerProcess(_models, Path.Combine(_data.FullName, "a"), environment: environment);
        await using var b = new ServerProcess(_models, Path.Combine(_data.FullName, "b"), environment: environment);
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

    public void Dispose()
    {
        Directory.Delete(_models, recursive: true);
        _data.Delete(recursive: true);
        _database?.Dispose();
    }
}
