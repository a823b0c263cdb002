using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the two phrasings of a partial authorization header:
/// "X was the original request. Y was authorized by the Claims Administrator. The remaining IMR eligible
/// portion of the original request, Z is:" and "X was the original request. The Claims Administrator
/// authorized Y, leaving the original request IMR eligible. The original request, Z is:".
/// </summary>
internal static partial class PartialAuthorizationParser
{
    public static PartialAuthorization? TryParse(string header)
    {
        var match = Partial().Match(header);
        if (!match.Success)
        {
            return null;
        }

        var authorized = match.Groups["auth"].Success ? match.Groups["auth"].Value : match.Groups["auth2"].Value;
        return new PartialAuthorization(
            match.Groups["orig"].Value.Trim(),
            string.IsNullOrWhiteSpace(authorized) ? null : authorized.Trim(),
            match.Groups["rem"].Value.Trim());
    }

    [GeneratedRegex(
        @"^(?<orig>.+?)\s+was\s+the\s+original\s+request\.\s*" +
        @"(?:(?<auth>.+?)\s+(?:was|were)\s+authorized\s+by\s+the\s+Claims\s+Administrator\.|The\s+Claims\s+Administrator\s+authorized\s+(?<auth2>.+?),\s*leaving\s+the\s+original\s+request\s+IMR\s+eligible\.)\s*" +
        @"(?:The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request|The\s+original\s+request)\s*,\s*(?<rem>.+?)(?:\s+is)?\s*:?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Partial();
}
