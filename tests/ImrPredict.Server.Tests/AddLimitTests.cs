using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Adds are held to the limits a case is predicted under: a letter of more items than a case may have is refused, saying
/// which limit; a refused letter keeps only the start of its bytes (configurable); a deleted letter keeps none.
/// </summary>
public sealed class AddLimitTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    private const int BytesKept = 1000;
    private static readonly Metadata Key = new() { { "x-api-key", ServiceFixture.ApiKey } };

    [Fact]
    public async Task Letters_over_the_limits_are_refused_and_keep_only_the_start_of_their_bytes_and_a_delete_keeps_none()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = new ImrPredictFactory(Models, buildDefault: false, settings: new Dictionary<string, string?> { ["ImrPredict:RefusedBytesKept"] = BytesKept.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await app.WaitForModelAsync(TimeSpan.FromMinutes(1));
        var client = app.Client(out var channel);
        using var _ = channel;
        var generator = new LetterGenerator(seed: 2525);
        var letter = generator.Generate(1);
        var many = letter with { Items = [.. Enumerable.Range(0, 60).Select(i => letter.Items[0] with { RequestedItem = $"Physical therapy, {i + 1} more visits" })] };
        var ordinary = generator.Generate(2);
        var request = new AddDeterminationsRequest();
        request.Letters.Add(new LetterContent { Text = LetterRenderer.Markdown(many), Source = "sixty-items.md" });
        request.Letters.Add(new LetterContent { Text = new string('x', 3 * 1024 * 1024), Source = "huge.txt" });
        request.Letters.Add(new LetterContent { Text = LetterRenderer.Markdown(ordinary), Source = "ordinary.md" });

        var added = await client.AddDeterminationsAsync(request, Key, cancellationToken: token);
        var deleted = await client.DeleteDeterminationAsync(new DeleteDeterminationRequest { LetterId = ordinary.Header.CaseNumber }, Key, cancellationToken: token);

        Assert.Equal(1, added.LettersAdded);
        Assert.Equal(ordinary.Items.Count, added.Precedents);
        var overLimit = Assert.Single(added.Errors, e => e.Source == "sixty-items.md");
        Assert.Equal("OverLimit", overLimit.Code);
        Assert.Contains("60 items; at most 50", overLimit.Message, StringComparison.Ordinal);
        Assert.Contains("ImrPredict:MaxItemsPerCase", overLimit.Message, StringComparison.Ordinal);
        Assert.Contains($"kept the first {BytesKept:N0}", overLimit.Message, StringComparison.Ordinal);
        Assert.True(deleted.Sequence > added.Sequence);
        using var store = SqlLetterStore.OpenSqlite(Path.Combine(app.DataDirectory, StoreLocation.SqliteFile)).Value;
        var rows = store.LettersAfter(0, 10).Value;
        Assert.Equal(3, rows.Count);
        Assert.All(rows.Where(r => r.ErrorCode is not null), r => Assert.Equal(BytesKept, r.Original.Length));
        var tombstone = Assert.Single(rows, r => r.Deleted);
        Assert.Equal((ordinary.Header.CaseNumber, 0), (tombstone.LetterId, tombstone.Original.Length));
    }
}
