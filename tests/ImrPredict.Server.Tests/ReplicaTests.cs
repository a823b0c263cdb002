using ImrPredict.Store;
using Npgsql;

namespace ImrPredict.Server.Tests;

/// <summary>Two server processes (own ports, own index folders) on one PostgreSQL store: what one adds or deletes, both show.</summary>
public sealed class ReplicaTests(ServiceFixture fixture) : IDisposable
{
    private readonly string _models = fixture.CopyOfModels();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-replicas-");
    private string? _database;
    private string? _server;

    [Fact]
    public async Task A_letter_added_on_one_replica_is_found_on_the_other_and_a_deletion_leaves_both()
    {
        var token = TestContext.Current.CancellationToken;
        var connection = CreateDatabase();
        var environment = new Dictionary<string, string> { [StoreLocation.ConnectionStringVariable] = connection };
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

    /// <summary>A throw-away database on the test PostgreSQL server; skips, saying why, without one.</summary>
    private string CreateDatabase()
    {
        _server = Environment.GetEnvironmentVariable("IMRPREDICT_TEST_POSTGRES");
        if (string.IsNullOrEmpty(_server))
        {
            Assert.Skip("IMRPREDICT_TEST_POSTGRES is not set: no PostgreSQL server for the replica test (.ci/run starts one)");
        }

        _database = $"imr_replicas_{Guid.NewGuid():N}";
        try
        {
            using var admin = new NpgsqlConnection(_server);
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            create.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server in IMRPREDICT_TEST_POSTGRES cannot be used: {e.Message}");
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    public void Dispose()
    {
        Directory.Delete(_models, recursive: true);
        _data.Delete(recursive: true);
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var admin = new NpgsqlConnection(_server);
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                TestContext.Current.SendDiagnosticMessage($"the test database {_database} was left behind: {e.Message}");
            }
        }
    }
}
