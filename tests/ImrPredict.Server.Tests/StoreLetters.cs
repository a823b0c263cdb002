using System.Text;
using ImrPredict.Core.Parsing;
using ImrPredict.Server.V1;
using ImrPredict.Synthetic;

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
        var rationale = letter.Items[0].Rationale;
        return new Sent(new LetterContent { Text = text, Source = $"seed{seed}-{index}.md" }, letter.LetterId, rationale[..Math.Min(300, rationale.Length)]);
    }

    /// <summary>An AddDeterminations request of these letters.</summary>
    public static AddDeterminationsRequest Request(params Sent[] letters)
    {
        var request = new AddDeterminationsRequest();
        request.Letters.AddRange(letters.Select(l => l.Content));
        return request;
    }
}
