using System.Text.RegularExpressions;

namespace ImrPredict.Search;

/// <summary>
/// Tells a rationale's sentences apart by what they do (<see cref="SentenceRole"/>): the sentences that give the reason
/// are the passages a reviewer wants; the verdict formula, the guideline's own words and the letter's standard
/// paragraphs are shown only when nothing else matches.
/// </summary>
public static partial class RationaleSentences
{
    /// <summary>Whether a sentence of this role is shown as a passage only when no other sentence matches.</summary>
    public static bool IsBoilerplate(SentenceRole role) => role is SentenceRole.Verdict or SentenceRole.Guideline or SentenceRole.Standard;

    /// <summary>What <paramref name="sentence"/> does.</summary>
    public static SentenceRole Of(string sentence)
    {
        if (Standard().IsMatch(sentence))
        {
            return SentenceRole.Standard;
        }

        // A conclusion that gives its reason ("Without evidence of ..., imaging is not indicated") is a reason, not the formula.
        if (Verdict().IsMatch(sentence) && !ReasonGiven().IsMatch(sentence))
        {
            return SentenceRole.Verdict;
        }

        if (Guideline().IsMatch(sentence) && !CaseFacts().IsMatch(sentence))
        {
            return SentenceRole.Guideline;
        }

        return Reason().IsMatch(sentence) ? SentenceRole.Reason : SentenceRole.Other;
    }

    [GeneratedRegex(@"\b(medically\s+(necessary|appropriate)|medical\s+necessity\b.*\b(established|met)|is\s+(not\s+)?(certified|approved|supported|warranted|recommended)\s*\.?\s*$|(upheld|overturned)\s*\.?\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"\b(because|due to|without|given|since|as there|as the|as these|as this|as those|lack of|absence of|in the absence|no (documentation|evidence)|not documented|failed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReasonGiven();

    [GeneratedRegex(@"^\W*((per|according to|based on|as per)\s+(the\s+)?(ca\s+|california\s+)?(mtus|odg|acoem|guidelines?|official disability)|(ca\s+|california\s+)?(mtus|odg|acoem)\b|the\s+(ca\s+|california\s+)?(mtus|odg|acoem|guidelines?)\b)|\bguidelines?\s+(state|states|recommend|recommends|indicate|indicates|support|supports|note|notes|do not|does not|allow|allows|suggest|suggests)\b|\b(chapter|page|pg\.?|section)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Guideline();

    [GeneratedRegex(@"\b(this (claimant|patient|injured worker|individual)|the (claimant|patient|injured worker|employee|records?|medical records?|documentation|provider|treating)|in this case|here,)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseFacts();

    [GeneratedRegex(@"\b(was the original request|claims administrator (authorized|modified|certified|approved|non-?certified)|leaving the (original|remaining) request|remaining imr eligible portion|imr eligible|the expert reviewer|decision rationale|reviewed the (following|medical)|is board certified|the independent medical review|this is a request for|the (current |present )?request is for|the (provider|physician|treating provider) (is )?request(s|ed|ing)? (an?|the)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Standard();

    [GeneratedRegex(@"\b(no|not|lack|lacks|absent|absence|without|failed|failure|documented|documentation|evidence|improvement|improved|functional|objective|red flags?|sessions?|visits?|weeks?|months?|trial|response|relief|exam|examination|findings?|mri|x-?rays?|emg|ncv|imaging|radiculopathy|deficit|tenderness|range of motion|strength|score|vas|pain (level|score|rating)|urine drug|opioid|contract|agreement|\d+\s*/\s*10|\d+\s*%|\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reason();
}
