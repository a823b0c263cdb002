using System.Security.Cryptography;
using System.Text;
using ImrPredict.Core.Letters;

namespace ImrPredict.Search.Semantic;

/// <summary>
/// What is embedded for a precedent and for a query. A precedent is its requested item and the rationale's sentences that give
/// the reason (the verdict formula, guideline quotes and standard paragraphs last, as they say the same in every letter); the
/// model reads <see cref="SentenceEmbedder.MaxTokens"/> word pieces, so what matters comes first.
/// </summary>
public static class EmbeddingText
{
    /// <summary>Characters kept: a little more than the model reads, so the cut is the tokenizer's.</summary>
    public const int MaxChars = 1200;

    /// <summary>The text embedded for item <paramref name="item"/> as a precedent.</summary>
    public static string ForPrecedent(DisputedItem item)
    {
        var rationale = item.Rationale ?? string.Empty;
        var sentences = Passages.Sentences(rationale)
            .Select(s => rationale[s.Start..s.End].Trim())
            .Where(s => s.Length > 0)
            .Select((s, i) => (Text: s, Order: i, Role: RationaleSentences.Of(s)))
            .OrderBy(s => s.Role switch { SentenceRole.Reason => 0, SentenceRole.Other => 1, _ => 2 })
            .ThenBy(s => s.Order)
            .Select(s => s.Text);
        return Cut($"{item.RequestedItem.Trim()}. {string.Join(' ', sentences)}");
    }

    /// <summary>
    /// Characters of the summary's end a by-case query embeds. More dilutes the item: on the shared letters 300 gave the best
    /// agreement (docs/search.md), the whole summary the worst.
    /// </summary>
    public const int CaseSummaryChars = 300;

    /// <summary>The text embedded for a search by case: the requested item, then the summary's end (its current findings and plan).</summary>
    public static string ForCase(string clinicalSummary, string requestedItem)
    {
        var summary = clinicalSummary.Trim();
        var tail = summary.Length <= CaseSummaryChars ? summary : summary[^CaseSummaryChars..];
        return Cut($"{requestedItem.Trim()}. {tail}");
    }

    /// <summary>The text embedded for a free-text query: the query.</summary>
    public static string ForQuery(string text) => Cut(text.Trim());

    /// <summary>A short digest of an embedded text: a stored vector is reused only while its item's text is the same.</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Cut(string text) => text.Length <= MaxChars ? text : text[..MaxChars];
}
