using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Tells a letter that ends without a full stop from a letter that was cut off. A rationale ends by stating
/// its verdict ("... is not medically necessary"); a last rationale whose unfinished sentence ends that way
/// is complete and parses with a warning, any other unfinished ending is a truncated letter.
/// </summary>
internal static partial class RationaleEnding
{
    /// <summary>Null when the rationale is complete (adding a warning if its full stop is missing); else the truncation error.</summary>
    public static Error<ParseErrorCode>? Check(string rationale, int ordinal, string head, ICollection<ParseWarning> warnings)
    {
        if (ItemSectionParser.EndsSentence(rationale))
        {
            return null;
        }

        if (VerdictEnding().IsMatch(rationale))
        {
            warnings.Add(new ParseWarning(ParseWarningCode.NoClosingPunctuation,
                $"the rationale of item {ordinal} ('{ItemSectionParser.Shorten(head)}') ends without a full stop"));
            return null;
        }

        return new Error<ParseErrorCode>(ParseErrorCode.Truncated,
            $"the letter ends mid-sentence in the rationale of item {ordinal} ('{ItemSectionParser.Shorten(head)}'): '...{rationale[^Math.Min(40, rationale.Length)..]}'");
    }

    [GeneratedRegex(@"\b(necessary|appropriate|indicated|supported|warranted|recommended|certified|approved|at this time)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictEnding();
}
