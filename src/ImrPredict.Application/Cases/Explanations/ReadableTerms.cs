using ImrPredict.Core.Text;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>
/// Whether words can stand as a reason a reviewer reads: a clinical term (a leading negation kept: "no functional
/// improvement"), not a stop word, a bare number or a piece of a word. The model may weigh "to" or "opro"; a reader is never shown them.
/// </summary>
public static class ReadableTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without", "as", "into", "onto", "per", "via",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "may", "might",
        "can", "could", "must", "this", "that", "these", "those", "it", "its", "he", "she", "him", "her", "his", "hers", "they", "them", "their", "we", "our",
        "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "there", "here", "then", "than", "so", "if",
        "also", "not", "no", "nor", "any", "all", "some", "such", "each", "other", "more", "most", "very", "only", "own", "same", "too", "up", "down", "out",
        "over", "under", "again", "further", "once", "about", "after", "before", "between", "during", "through", "above", "below", "off", "while", "until",
        "because", "since", "both", "either", "neither", "just", "now", "mr", "mrs", "ms", "dr", "per",
    };

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "no", "not", "without", "nor" };

    /// <summary>
    /// Whether <paramref name="words"/> read as a clinical term: a word of three letters or more that is not a stop word,
    /// no stop word at either end, no bare number; and, where the words occur (<paramref name="spans"/> in
    /// <paramref name="text"/>), whole words as written.
    /// </summary>
    public static bool IsReadable(string words, string? text = null, IReadOnlyList<TextSpan>? spans = null)
    {
        var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A leading negation carries meaning ("no functional improvement"); any other stop word at an end is a fragment.
        if (tokens.Length == 0 || StopWords.Contains(tokens[0]) && !(tokens.Length > 1 && Negations.Contains(tokens[0])) || StopWords.Contains(tokens[^1])
            || tokens.Any(t => t.All(c => char.IsDigit(c) || c is '.' or ',' or '/' or '-'))
            || !tokens.Any(t => t.Count(char.IsLetter) >= 3 && !StopWords.Contains(t)))
        {
            return false;
        }

        return text is null || spans is null || spans.Count == 0 || spans.All(s => WholeWords(text, s));
    }

    private static bool WholeWords(string text, TextSpan span) =>
        (span.Start == 0 || !char.IsLetterOrDigit(text[span.Start - 1]) || !char.IsLetterOrDigit(text[span.Start]))
        && (span.End >= text.Length || !char.IsLetterOrDigit(text[span.End]) || !char.IsLetterOrDigit(text[span.End - 1]));
}
