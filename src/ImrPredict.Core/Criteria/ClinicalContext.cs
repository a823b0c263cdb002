using System.Text.RegularExpressions;
using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// Reads how a sentence speaks of a term, after NegEx (Chapman et al., 2001) and ConText (Harkema et al., 2009): a
/// negation, uncertainty or history trigger within a few words before the term (or a negation just after it: "was
/// negative", "was not documented") applies unless a scope breaker ("but", "however", "which") stands between;
/// pseudo-negations ("no change in", "not only") are not negations. A sentence that narrates the earlier utilization
/// review or the request is marked as such.
/// </summary>
public static partial class ClinicalContext
{
    /// <summary>How many words before a term a trigger may stand.</summary>
    public const int WordsBefore = 6;

    /// <summary>How many words after a term a trailing negation may stand.</summary>
    public const int WordsAfter = 4;

    /// <summary>The context of the term at <paramref name="term"/> inside <paramref name="sentence"/> of <paramref name="text"/>.</summary>
    public static MentionContext Of(string text, TextSpan sentence, TextSpan term)
    {
        var before = Window(text[sentence.Start..term.Start], WordsBefore, fromEnd: true);
        var after = Window(text[term.End..sentence.End], WordsAfter, fromEnd: false);
        var negated = (PreNegation().IsMatch(before) && !PseudoNegation().IsMatch(text[Math.Max(sentence.Start, term.Start - 40)..Math.Min(sentence.End, term.End + 20)]))
            || PostNegation().IsMatch(after);
        return new MentionContext(
            negated,
            Uncertainty().IsMatch(before),
            History().IsMatch(before),
            IsPriorReview(text[sentence.Start..sentence.End]));
    }

    /// <summary>Whether a sentence narrates the earlier utilization review or the request for authorization.</summary>
    public static bool IsPriorReview(string sentence) => PriorReview().IsMatch(sentence);

    /// <summary>The last (or first) <paramref name="words"/> words of <paramref name="part"/>, cut at a scope breaker.</summary>
    private static string Window(string part, int words, bool fromEnd)
    {
        var breakers = ScopeBreaker().Matches(part);
        if (breakers.Count > 0)
        {
            part = fromEnd ? part[(breakers[^1].Index + breakers[^1].Length)..] : part[..breakers[0].Index];
        }

        var tokens = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = fromEnd ? tokens.TakeLast(words) : tokens.Take(words);
        return " " + string.Join(' ', kept) + " ";
    }

    [GeneratedRegex(@"\b(?:no|not|without|denies|denied|deny|negative for|free of|absence of|absent|lack of|lacks|lacking|never|none|nor|neither|failed to|fails to|did not|does not|do not|has not|have not|had not|was not|were not|is not|are not|unable to|ruled out|rules out)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreNegation();

    [GeneratedRegex(@"\b(?:no (?:significant |substantial )?change|no (?:further|increase|new)|not only|not necessarily|no longer than|without (?:difficulty|any change)|gram[- ]negative)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PseudoNegation();

    [GeneratedRegex(@"^\s*(?:(?:was|were|is|are|has been|have been|remained|remains)\s+)?(?:negative|not (?:documented|noted|provided|present|seen|found|reported|demonstrated|evident)|ruled out|absent|unremarkable|normal|resolved|unlikely)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostNegation();

    [GeneratedRegex(@"\b(?:rule out|to rule out|r/o|possible|possibly|probable|suspected|suspect|suspicion of|concern for|concerning for|question of|questionable|evaluate for|to evaluate|assess for|whether|if)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Uncertainty();

    [GeneratedRegex(@"\b(?:history of|h/o|previous|previously|prior|in the past|remote)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex History();

    [GeneratedRegex(@"\b(?:but|however|although|though|except|apart from|aside from|yet|which|who|whereas)\b|[:(]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeBreaker();

    [GeneratedRegex(@"\b(?:utilization review|UR|non-?certifi\w*|noncertifi\w*|modified (?:the )?(?:request|to)|(?:was|were) (?:previously )?denied|denied (?:the )?(?:request|certification)|not (?:medically )?necessary|claims administrator|prior determination|previous determination|(?:prior|previous|original) review|request for authorization|RFA|peer review|reviewer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorReview();
}
