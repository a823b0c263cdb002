using System.Text.RegularExpressions;
using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// Splits clinical prose into sentences and clauses: at a full stop, question or exclamation mark followed by a space
/// and a capital, digit or quote, and at every semicolon (summaries chain findings with them). Abbreviations such as
/// "Dr." and "e.g." and decimals ("7.5 mg") do not end a sentence.
/// </summary>
public static partial class Sentences
{
    /// <summary>The spans of the sentences of <paramref name="text"/>, trimmed, in order.</summary>
    public static IReadOnlyList<TextSpan> Of(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(text))
        {
            var end = boundary.Index + 1;
            if (boundary.Value[0] == '.' && EndsInAbbreviation(text, boundary.Index))
            {
                continue;
            }

            Add(text, start, end, spans);
            start = end;
        }

        Add(text, start, text.Length, spans);
        return spans;
    }

    private static void Add(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end));
        }
    }

    private static bool EndsInAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        // A lone initial ("J. Smith") or a known abbreviation.
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word)
            || wordStart > 1 && text[wordStart - 1] == '.' && word.Length <= 2;
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "vs", "etc", "approx", "no", "nos", "st", "jr", "sr", "e.g", "i.e", "pt", "pts", "hx", "dx", "tx", "rx", "fig", "ref", "mg", "ml",
    };

    [GeneratedRegex(@"[.!?](?=\s+[""'(]?[A-Z0-9])|;", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();
}
