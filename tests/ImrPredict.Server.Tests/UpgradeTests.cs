using System.Text;
using ImrPredict.Core.Parsing;
using ImrPredict.Search;

namespace ImrPredict.Server.Tests;

/// <summary>
/// A deployment from before the store, whose bundle carries the precedent index, loses none of its letters on upgrade:
/// <c>imr import-index</c> keeps them in the store (once), and the service finds them; a damaged index is an error naming it.
/// </summary>
public sealed class UpgradeTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Letters_of_a_bundle_index_move_into_the_store_once()
    {
        var token = TestContext.Current.CancellationToken;
        var letters = Enumerable.Range(0, 3).Select(i => StoreLetters.Letter(seed: 8080, index: i)).ToList();
        var bundle = Path.Combine(Models, "default");
        var oldIndex = Path.Combine(bundle, StoredLetterReader.LegacyBundleFolder);
        using (var index = PrecedentIndex.Open(oldIndex).Value)
        {
            index.AddLetters(letters.Select(l => LetterReader.ReadBytes(Encoding.UTF8.GetBytes(l.Content.Text)).Value).ToList());
        }

        // One of them was added again since: the store's copy stays.
        StoreLetters.Store(Data, letters.Take(1));

        var imported = Imr.Invoke(["import-index", bundle, "--data-dir", Data], Timeout);
        var again = Imr.Invoke(["import-index", bundle, "--data-dir", Data], Timeout);

        Assert.True(imported.ExitCode == 0, imported.All);
        Assert.Contains("imported 2 of 3 letters", imported.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(oldIndex));
        Assert.Single(Directory.GetDirectories(bundle, "index.imported-*"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("there is no index", again.Error, StringComparison.Ordinal);

        await using var app = new ImrPredictFactory(Models, buildDefault: false, dataDirectory: Data);
        await app.WaitForModelAsync(TimeSpan.FromSeconds(60));
        await app.WaitForPrecedentsAsync(TimeSpan.FromSeconds(30));
        var client = app.Client(out var channel);
        using var _ = channel;
        foreach (var letter in letters)
        {
            var page = await client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = letter.Query, PageSize = 20 }, cancellationToken: token);
            Assert.Contains(page.Hits, h => h.LetterId == letter.LetterId);
        }

        var detail = await client.GetPrecedentAsync(new GetPrecedentRequest { Id = $"{letters[1].LetterId}#0" }, cancellationToken: token);
        Assert.False(string.IsNullOrEmpty(detail.Rationale));
    }

    [Fact]
    public void A_damaged_index_is_an_error_naming_it_and_is_left_in_place()
    {
        var oldIndex = Path.Combine(Models, "default", StoredLetterReader.LegacyBundleFolder);
        Directory.CreateDirectory(oldIndex);
        File.WriteAllText(Path.Combine(oldIndex, "segments_1"), "not a Lucene segments file");

        var imported = Imr.Invoke(["import-index", oldIndex, "--data-dir", Data], Timeout);

        Assert.Equal(1, imported.ExitCode);
        Assert.Contains($"the index at '{oldIndex}' cannot be read", imported.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(oldIndex, "segments_1")));
    }
}
