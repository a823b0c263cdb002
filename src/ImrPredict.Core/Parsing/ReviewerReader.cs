using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the expert reviewer's credentials in both phrasings: "State(s) of Licensure: X" /
/// "Certification(s)/Specialty: Y", and "Board Certified in Y and is licensed to practice in X."
/// </summary>
internal static partial class ReviewerReader
{
    public static ReviewerCredentials Read(IEnumerable<string> lines)
    {
        var text = TextNormalizer.JoinLines(lines);
        var licensure = Licensure().Match(text);
        var specialty = Certifications().Match(text);
        if (licensure.Success || specialty.Success)
        {
            return new ReviewerCredentials(
                licensure.Success ? SplitList(licensure.Groups[1].Value, splitOnAmpersand: false) : [],
                specialty.Success ? SplitList(specialty.Groups[1].Value, splitOnAmpersand: false) : []);
        }

        // "The expert reviewer is Board Certified in Internal Medicine & Emergency Medicine, and is licensed to practice in Florida."
        var board = BoardCertified().Match(text);
        var licensed = LicensedIn().Match(text);
        return new ReviewerCredentials(
            licensed.Success ? SplitList(licensed.Groups[1].Value, splitOnAmpersand: false) : [],
            board.Success ? SplitList(board.Groups[1].Value, splitOnAmpersand: true) : []);
    }

    private static List<string> SplitList(string value, bool splitOnAmpersand)
    {
        var separators = splitOnAmpersand ? new[] { ',', '&' } : new[] { ',' };
        var parts = new List<string>();
        foreach (var raw in value.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.TrimEnd('.', ';').Trim();
            if (part.Length == 0)
            {
                continue;
            }

            // "Physical Medicine & Rehabilitation" is one specialty, not two.
            if (splitOnAmpersand && parts.Count > 0 && part.Equals("Rehabilitation", StringComparison.OrdinalIgnoreCase))
            {
                parts[^1] += " & " + part;
                continue;
            }

            parts.Add(part);
        }

        return parts;
    }

    [GeneratedRegex(@"State\(s\)\s+of\s+Licensure\s*:\s*(.+?)\s*(?=Certification\(s\)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Licensure();

    [GeneratedRegex(@"Certification\(s\)\s*/\s*Specialty\s*:\s*(.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Certifications();

    [GeneratedRegex(@"Board\s+Certified\s+in\s+(.+?)\s*,?\s+and\s+is\s+licensed", RegexOptions.IgnoreCase)]
    private static partial Regex BoardCertified();

    [GeneratedRegex(@"licensed\s+to\s+practice\s+in\s+(.+?)\s*\.", RegexOptions.IgnoreCase)]
    private static partial Regex LicensedIn();
}
