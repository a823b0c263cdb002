using System.Text.RegularExpressions;

namespace ImrPredict.Search;

/// <summary>
/// Case numbers and letter ids in a query, in the forms users type them: <c>CM16-0213037</c>, <c>cm160213037</c>,
/// <c>CM16 0213037</c>, the seven-digit serial <c>0213037</c> alone, or a letter id (<c>sha-…</c>), with other words
/// around. Each becomes the index's key for it (<see cref="Keys"/>); what is left is searched as text.
/// </summary>
public static partial class CaseIdentifiers
{
    /// <summary>The keys an item is indexed under: its letter's case number without punctuation (<c>CM160213037</c>), the serial (<c>0213037</c>), the letter id.</summary>
    public static IEnumerable<string> Keys(string letterId, string? caseNumber)
    {
        yield return letterId.ToUpperInvariant();
        if (caseNumber is null)
        {
            yield break;
        }

        var match = CaseNumber().Match(caseNumber);
        if (match.Success)
        {
            yield return Normalized(match);
            yield return match.Groups["serial"].Value;
        }
        else
        {
            yield return new string(caseNumber.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        }
    }

    /// <summary>
    /// The identifiers in <paramref name="query"/>, each as typed and as its key, and the query's other words. A seven-digit
    /// number counts as a serial only when it stands alone (not part of a date, a phone number or an NDC).
    /// </summary>
    public static (IReadOnlyList<(string Typed, string Key)> Identifiers, string Remainder) Find(string query)
    {
        var found = new List<(string, string)>();
        var rest = CaseNumber().Replace(query, m =>
        {
            found.Add((m.Value, Normalized(m)));
            return " ";
        });
        rest = LetterId().Replace(rest, m =>
        {
            found.Add((m.Value, m.Value.ToUpperInvariant()));
            return " ";
        });
        rest = Serial().Replace(rest, m =>
        {
            found.Add((m.Value, m.Value));
            return " ";
        });
        return (found, Spaces().Replace(rest, " ").Trim());
    }

    private static string Normalized(Match match) => $"CM{match.Groups["year"].Value}{match.Groups["serial"].Value}";

    [GeneratedRegex(@"(?<![\w-])CM\s*-?\s*(?<year>\d{2})\s*-?\s*(?<serial>\d{7})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"(?<![\w-])sha-[0-9a-f]{8,64}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterId();

    [GeneratedRegex(@"(?<![\w./:-])\d{7}(?![\w./:-])", RegexOptions.CultureInvariant)]
    private static partial Regex Serial();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
