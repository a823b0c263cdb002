using System.Text;
using ImrPredict.Core.Parsing;
using ImrPredict.Store;

namespace ImrPredict.Server.Tests;

/// <summary>Generated letters to add, with what a test needs to find them again.</summary>
public static class StoreLetters
{
    /// <summary>A letter as sent, its id, and a free-text query its own rationale answers.</summary>
    public sealed record Sent(LetterContent Content, string LetterId, string Query);

    /// <summary>Letter <paramref name="index"/> of a seeded generator, as markdown text.</summary>
    public static Sent Letter(int seed, int index)
    {
        var text = LetterRenderer.Markdown(new LetterGenerator(seed).Generate(index));
        var letter = LetterReader.ReadBytes(Encoding.UTF8.GetBytes(text)).Value;
        // The rationale's opening is one of a few guideline paragraphs many letters share (near-duplicates fold into one hit):
        // the requested item and the rationale's last sentences, which name this case's facts, make the query its own.
        var rationale = letter.Items[0].Rationale;
        var query = $"{letter.Items[0].RequestedItem} {rationale[Math.Max(0, rationale.Length - 300)..]}";
        return new Sent(new LetterContent { Text = text, Source = $"seed{seed}-{index}.md" }, letter.LetterId, query);
    }

    /// <summary>An AddDeterminations request of these letters.</summary>
    public static AddDeterminationsRequest Request(params Sent[] letters)
    {
        var request = new AddDeterminationsRequest();
        request.Letters.AddRange(letters.Select(l => l.Content));
        return request;
    }

    /// <summary>Puts these letters straight into the SQLite store of a data folder, as a replica's earlier life would have.</summary>
    public static void Store(string dataDirectory, IEnumerable<Sent> letters)
    {
        using var store = SqlLetterStore.OpenSqlite(Path.Combine(dataDirectory, StoreLocation.SqliteFile)).Value;
        var added = store.Add(letters.Select(l => new LetterSubmission(Encoding.UTF8.GetBytes(l.Content.Text), l.Content.Source)).ToList());
        Assert.True(added.Success, added.Error?.Message);
    }
}
