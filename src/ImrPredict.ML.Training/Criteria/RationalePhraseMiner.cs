using System.Text.RegularExpressions;
using ImrPredict.Core.Criteria;
using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Training.Criteria;

/// <summary>
/// Mines the phrases decided letters' rationales use, per treatment category, with how often each is used and the
/// overturn rate of the items that use it: candidates for the criteria catalogue, which a person reviews. Training-time
/// only: the rationale states the verdict, so nothing here ever reaches a model or a prediction.
/// </summary>
public static partial class RationalePhraseMiner
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "at", "by", "with", "as", "is", "are", "was", "were", "be", "been", "this", "that", "these",
        "those", "it", "its", "there", "which", "who", "has", "have", "had", "from", "per", "such", "any", "if", "than", "then", "also", "into", "he", "she", "his",
        "her", "their", "they", "not", "no", "but", "may", "can", "would", "should", "will", "does", "do", "did", "so", "all", "other", "more", "most", "when",
        "after", "before", "over", "under", "between", "about", "within", "since", "until", "while", "being", "what", "how", "why", "where",
    };

    /// <summary>Words of the verdict formula and the letter's standard paragraphs: phrases made of them say nothing of criteria.</summary>
    private static readonly HashSet<string> FormulaWords = new(StringComparer.Ordinal)
    {
        "medically", "necessary", "request", "requested", "therefore", "upheld", "overturned", "guidelines", "guideline", "mtus", "acoem", "odg", "ca",
        "recommended", "recommend", "recommends", "supported", "indicated", "appropriate", "treatment", "documentation", "documented", "patient",
        "injured", "worker", "applicant", "claimant", "records", "medical", "reviewed", "review", "state", "states", "noted", "note",
    };

    /// <summary>
    /// The phrases of two to <paramref name="maxWords"/> words used by at least <paramref name="minItems"/> items' rationales of
    /// a category, strongest lift first, at most <paramref name="top"/> per category.
    /// </summary>
    public static IReadOnlyList<PhraseCandidate> Mine(IReadOnlyList<ImrLetter> letters, int minItems = 3, int top = 25, int maxWords = 4, CriteriaCatalogue? catalogue = null)
    {
        catalogue ??= CriteriaCatalogue.Default;
        var candidates = new List<PhraseCandidate>();
        foreach (var category in letters.SelectMany(l => l.Items).GroupBy(i => i.Attributes.Category))
        {
            var items = category.ToList();
            var overturned = items.Count(i => i.Decision == Decision.Overturned);
            var uses = new Dictionary<string, (int Items, int Overturned)>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                foreach (var phrase in Phrases(item.Rationale, maxWords))
                {
                    var (n, o) = uses.GetValueOrDefault(phrase);
                    uses[phrase] = (n + 1, o + (item.Decision == Decision.Overturned ? 1 : 0));
                }
            }

            var criteria = catalogue.For(category.Key);
            candidates.AddRange(uses.Where(u => u.Value.Items >= minItems)
                .Select(u => new PhraseCandidate(category.Key, u.Key, u.Value.Items, u.Value.Overturned, items.Count, overturned,
                    criteria.FirstOrDefault(c => c.Terms.Any(t => u.Key.Contains(t, StringComparison.OrdinalIgnoreCase)))?.Id))
                .OrderByDescending(c => c.Lift).ThenByDescending(c => c.Items).ThenBy(c => c.Phrase, StringComparer.Ordinal)
                .Take(top));
        }

        return candidates;
    }

    /// <summary>The distinct phrases of a text: runs of 2 to <paramref name="maxWords"/> words within a sentence, neither end a stop word, not all formula words, no bare numbers.</summary>
    public static IReadOnlySet<string> Phrases(string text, int maxWords = 4)
    {
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in SentenceBreak().Split(text.ToLowerInvariant()))
        {
            var words = Word().Matches(sentence).Select(m => m.Value).ToList();
            for (var start = 0; start < words.Count; start++)
            {
                for (var length = 2; length <= maxWords && start + length <= words.Count; length++)
                {
                    var run = words.GetRange(start, length);
                    if (StopWords.Contains(run[0]) || StopWords.Contains(run[^1]) || run.Any(w => w.All(char.IsDigit))
                        || run.All(w => FormulaWords.Contains(w) || StopWords.Contains(w)))
                    {
                        continue;
                    }

                    phrases.Add(string.Join(' ', run));
                }
            }
        }

        return phrases;
    }

    [GeneratedRegex(@"[.;:!?]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[a-z0-9][a-z0-9'/+-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
