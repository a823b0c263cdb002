using System.Text;
using ImrPredict.Core.Parsing;
using ImrPredict.Search;

namespace ImrPredict.Server.Tests;

/// <summary>A deployment from before the store, whose bundle carries the precedent index, loses none of its letters on upgrade.</summary>
public sealed class UpgradeTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Letters_of_a_bundle_index_move_into_the_store_once()
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 3).Select(i => StoreLetters.Letter(seed: 8080, index: i)).ToList();
        var oldIndex = Path.Combine(Models, "default", "index");
        using (var index = PrecedentIndex.Open(oldIndex).Value)
        {
            index.AddLetters(letters.Select(l => LetterReader.ReadBytes(Encoding.UTF8.GetBytes(l.Content.Text)).Value).ToList());
        }

        await using var app = new ImrPredictFactory(Models, buildDefault: false);
        await app.WaitForModelAsync(TimeSpan.FromSeconds(60));
        await app.WaitForPrecedentsAsync(TimeSpan.FromSeconds(30));
        var client = app.Client(out var channel);
        using var _ = channel;
        var found = new List<bool>();
        foreach (var letter in letters)
        {
            var page = await client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = letter.Query, PageSize = 20 }, cancellationToken: token);
            found.Add(page.Hits.Any(h => h.LetterId == letter.LetterId));
        }

        var detail = await client.GetPrecedentAsync(new GetPrecedentRequest { Id = $"{letters[0].LetterId}#0" }, cancellationToken: token);

        Assert.All(found, Assert.True);
        Assert.False(string.IsNullOrEmpty(detail.Rationale));
        Assert.False(Directory.Exists(oldIndex));
        Assert.Single(Directory.GetDirectories(Path.Combine(Models, "default"), "index.imported-*"));
    }
}
