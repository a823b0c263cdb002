using ImrPredict.Core.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace ImrPredict.Search;

/// <summary>
/// A sentence passage scorer: splits a rationale into sentences, scores each by the query terms it contains
/// (each distinct term once, weighted; a sentence giving the reason counts more, and the verdict formula, the guideline's
/// words and the standard paragraphs only when nothing else matches: <see cref="RationaleSentences"/>), keeps the best one
/// to three in text order, and gives the matching words
/// spans from the analyzer's offsets. The query's terms and weights come from Lucene.Net.Highlighter's
/// <see cref="QueryTermExtractor"/>; its fragmenters cut by length, where a reviewer reads whole sentences.
/// </summary>
public static class Passages
{
    /// <summary>How much more a sentence giving the reason counts than another sentence with the same query words.</summary>
    private const float ReasonBoost = 1.5f;

    /// <summary>The best passages of <paramref name="text"/> for the weighted query terms.</summary>
    public static IReadOnlyList<Passage> Best(Analyzer analyzer, string field, string text, IReadOnlyDictionary<string, float> termWeights, int max = 3)
    {
        if (string.IsNullOrEmpty(text) || termWeights.Count == 0)
        {
            return [];
        }

        var matches = Find(analyzer, field, text, termWeights);
        var sentences = Sentences(text);
        var matched = sentences.Select((s, index) =>
        {
            var inside = matches.Where(m => m.Start >= s.Start && m.End <= s.End).ToList();
            var score = inside.Select(m => m.Term).Distinct().Sum(t => termWeights[t]);
            var role = score > 0 ? RationaleSentences.Of(text[s.Start..s.End]) : SentenceRole.Other;
            // The sentences that give the reason (what the records show or lack) come before others that match as well.
            return (Index: index, Sentence: s, Matches: inside, Score: role == SentenceRole.Reason ? score * ReasonBoost : score, Role: role);
        }).Where(x => x.Score > 0).ToList();
        // The verdict formula, the guideline's words and the standard paragraphs only when nothing else matches.
        if (matched.Any(x => !RationaleSentences.IsBoilerplate(x.Role)))
        {
            matched.RemoveAll(x => RationaleSentences.IsBoilerplate(x.Role));
        }

        return matched.OrderByDescending(x => x.Score).ThenBy(x => x.Index).Take(max).OrderBy(x => x.Index)
            .Select(x => Cut(text, x.Sentence.Start, x.Sentence.End, x.Matches)).ToList();
    }

    /// <summary>Every occurrence in <paramref name="text"/> of a word the query matches, in text order.</summary>
    public static IReadOnlyList<TextSpan> Matches(Analyzer analyzer, string field, string text, IReadOnlyDictionary<string, float> termWeights) =>
        string.IsNullOrEmpty(text) || termWeights.Count == 0 ? [] : Find(analyzer, field, text, termWeights).Select(m => new TextSpan(m.Start, m.End)).ToList();

    private static List<(int Start, int End, string Term)> Find(Analyzer analyzer, string field, string text, IReadOnlyDictionary<string, float> termWeights)
    {
        var matches = new List<(int Start, int End, string Term)>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (termWeights.ContainsKey(value))
            {
                matches.Add((offset.StartOffset, offset.EndOffset, value));
            }
        }

        stream.End();
        return matches;
    }

    /// <summary>The weighted terms of <paramref name="query"/> in the given prose fields (prohibited clauses left out), the highest weight per term.</summary>
    public static Dictionary<string, float> TermWeights(Query query, IEnumerable<string> fields)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var term in QueryTermExtractor.GetTerms(query, prohibited: false, field))
            {
                weights[term.Term] = Math.Max(weights.GetValueOrDefault(term.Term), term.Weight);
            }
        }

        return weights;
    }

    /// <summary>The sentence without its surrounding spaces, and its matches relative to it.</summary>
    private static Passage Cut(string text, int start, int end, List<(int Start, int End, string Term)> matches)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var spans = matches.Where(m => m.Start >= start && m.End <= end).OrderBy(m => m.Start).Select(m => new TextSpan(m.Start - start, m.End - start)).ToList();
        return new Passage(text[start..end], start, spans);
    }

    internal static List<(int Start, int End)> Sentences(string text)
    {
        var sentences = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var endOfSentence = (text[i] is '.' or '?' or '!') && (i + 1 == text.Length || text[i + 1] == ' ') && !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[Math.Min(text.Length - 1, i + 1)]));
            if (endOfSentence || i - start > 400)
            {
                sentences.Add((start, i + 1));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            sentences.Add((start, text.Length));
        }

        return sentences;
    }
}
