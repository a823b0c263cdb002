using System.Globalization;
using System.Text.RegularExpressions;
using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>Reads the <see cref="StatedNumbers"/> of a clinical summary.</summary>
public static partial class NumberReader
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fourteen"] = 14, ["sixteen"] = 16, ["eighteen"] = 18, ["twenty"] = 20, ["twenty-four"] = 24,
    };

    /// <summary>The numbers stated in <paramref name="summary"/>, whose sentences are <paramref name="sentences"/>.</summary>
    public static StatedNumbers Read(string summary, IReadOnlyList<TextSpan> sentences)
    {
        var pain = new List<PainScore>();
        int? sessions = null, relief = null;
        TextSpan? sessionsSpan = null, reliefSpan = null;
        foreach (var sentence in sentences)
        {
            if (ClinicalContext.IsPriorReview(summary, sentence))
            {
                continue;
            }

            var text = summary[sentence.Start..sentence.End];

            foreach (Match match in Pain().Matches(text))
            {
                var score = int.Parse(match.Groups["high"].Success ? match.Groups["high"].Value : match.Groups["score"].Value, CultureInfo.InvariantCulture);
                if (score <= 10)
                {
                    pain.Add(new PainScore(score, new TextSpan(sentence.Start + match.Index, sentence.Start + match.Index + match.Length), MedicationOf(text, match)));
                }
            }

            foreach (Match match in SessionsDone().Matches(text))
            {
                if (Number(match.Groups["n"].Value) is { } n && n <= 200 && n > (sessions ?? 0))
                {
                    sessions = n;
                    sessionsSpan = new TextSpan(sentence.Start + match.Index, sentence.Start + match.Index + match.Length);
                }
            }

            if (relief is null && Relief().Match(text) is { Success: true } percent)
            {
                relief = int.Parse(percent.Groups["p"].Value, CultureInfo.InvariantCulture);
                reliefSpan = new TextSpan(sentence.Start + percent.Index, sentence.Start + percent.Index + percent.Length);
            }
        }

        return new StatedNumbers(pain, sessions, sessionsSpan, relief, reliefSpan);
    }

    /// <summary>
    /// Whether a score is stated with or without medication: the phrase right after it ("4/10 with medications"), else
    /// the last one before it in the sentence ("without medication, pain is 8/10"); null when neither is near.
    /// </summary>
    private static bool? MedicationOf(string sentence, Match score)
    {
        var after = sentence[(score.Index + score.Length)..Math.Min(sentence.Length, score.Index + score.Length + 30)];
        var following = Medication().Match(after);
        if (following.Success && following.Index <= 12)
        {
            return following.Groups["without"].Success ? false : true;
        }

        var before = sentence[Math.Max(0, score.Index - 50)..score.Index];
        var preceding = Medication().Matches(before);
        return preceding.Count == 0 ? null : preceding[^1].Groups["without"].Success ? false : true;
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Words.TryGetValue(text, out var w) ? w : null;

    [GeneratedRegex(@"(?<![\d/.])(?<score>\d{1,2})(?:\s*(?:-|to)\s*(?<high>\d{1,2}))?\s*(?:/\s*10|out of\s*10|over\s*10|on a (?:scale of )?(?:0-|1-|0 to |1 to )?10(?:-point)?(?: pain)? scale)(?![\d/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pain();

    [GeneratedRegex(@"\bwith(?<without>out)?\s+(?:the\s+|his\s+|her\s+)?(?:pain\s+)?(?:medications?|meds)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Medication();

    [GeneratedRegex(@"\b(?:completed|attended|had|received|undergone|underwent|has had|participated in)\s+(?:at least\s+|approximately\s+|about\s+|over\s+)?(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|eighteen|twenty|twenty-four)\s+(?:\w+\s+){0,2}?(?:sessions|visits|treatments)\b|\b(?<n>\d{1,3})\s+(?:prior|previous|completed)\s+(?:\w+\s+){0,2}?(?:sessions|visits)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionsDone();

    [GeneratedRegex(@"(?<p>\d{2,3})\s*(?:%|percent)\s+(?:\w+\s+)?(?:relief|improvement|reduction|decrease|benefit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relief();
}
