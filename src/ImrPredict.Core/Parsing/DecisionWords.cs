using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads an item header's decision in the forms the layouts write it: "Item: Upheld" (2016 on) and
/// "1. Item is not medically necessary and appropriate." (2013-2015). A decision word misread by OCR
/// ("Uphe1d", "0verturned") is taken by edit distance, with a warning.
/// </summary>
internal static partial class DecisionWords
{
    /// <summary>The requested item and its decision, or null when the header carries no decision.</summary>
    public static (string Head, Decision Decision)? Read(string header, ICollection<ParseWarning> warnings)
    {
        if (WordDecision().Match(header) is { Success: true } word)
        {
            return (Clean(word.Groups["head"].Value), Parse(word.Groups["decision"].Value));
        }

        if (SentenceDecision().Match(header) is { Success: true } sentence)
        {
            return (Clean(sentence.Groups["head"].Value), FromSentence(sentence.Groups["verdict"].Value));
        }

        // Only after a colon: a misread decision must still sit where a decision goes.
        if (LastWord().Match(header) is { Success: true } last && Nearest(last.Groups["word"].Value) is { } nearest)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.DecisionSpellingCorrected,
                $"the decision '{last.Groups["word"].Value}' of '{Shorten(last.Groups["head"].Value)}' was read as {nearest}"));
            return (Clean(last.Groups["head"].Value), nearest);
        }

        return null;
    }

    /// <summary>"is not medically necessary" is Upheld (the denial stands); "is medically necessary" is Overturned.</summary>
    public static Decision FromSentence(string verdict) =>
        verdict.Contains("not", StringComparison.OrdinalIgnoreCase) ? Decision.Upheld : Decision.Overturned;

    /// <summary>The decision a possibly misread word stands for, or null when it is near neither.</summary>
    internal static Decision? Nearest(string word)
    {
        var w = Digits.CorrectLetters(word.Trim('.', ':', ',')).ToLowerInvariant();
        if (w.Length < 4)
        {
            return null;
        }

        var upheld = EditDistance(w, "upheld");
        var overturned = EditDistance(w, "overturned");
        return upheld <= 1 && upheld < overturned ? Decision.Upheld
            : overturned <= 2 && overturned < upheld ? Decision.Overturned
            : null;
    }

    private static Decision Parse(string word) =>
        word.Equals("Upheld", StringComparison.OrdinalIgnoreCase) ? Decision.Upheld : Decision.Overturned;

    private static string Clean(string head) => head.Trim().TrimEnd(':').Trim();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(?<head>.*?)\s*:?\s*\b(?<decision>Upheld|Overturned)\b\s*[.:]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WordDecision();

    // "1. Norco 10/325mg #120 is not medically necessary and appropriate." or "... the request for X is medically necessary".
    [GeneratedRegex(@"^(?:\d{1,2}\s*[.)]\s*)?(?:(?:the\s+)?request\s+for\s+)?(?<head>.+?)\s+(?<verdict>is\s+not|was\s+not|is|was)\s+medically\s+necessary(?:\s+and\s+appropriate)?\s*[.:]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SentenceDecision();

    [GeneratedRegex(@"^(?<head>.+):\s*(?<word>[A-Za-z0-9]{4,12})\s*[.:]?\s*$", RegexOptions.Singleline)]
    private static partial Regex LastWord();
}
