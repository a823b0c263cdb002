using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the header fields in every arrangement extractors give: a label and its value on one line, two
/// label/value pairs per line, a label with its value on the next line, and all labels first and then all
/// values (pdftotext's reading order of the header table); a value may be missing. Labels and values are
/// read as tokens in order: a value right after its label on the same line is that label's; the others
/// are handed, in order, to the labels still waiting for one, skipping labels whose kind of value differs.
/// </summary>
internal static partial class HeaderFieldReader
{
    private enum Field
    {
        CaseNumber,
        DateAssigned,
        DateOfInjury,
        DecisionDate,
        UrDenialDate,
        Priority,
        ApplicationReceived,

        // Labels whose values the parser does not keep; they are tokens so their values go to no other label.
        Other,
    }

    private enum ValueKind
    {
        CaseNumber,
        Date,
        Priority,
        None,
    }

    private readonly record struct Token(Field? Label, ValueKind Kind, string Value, int Line);

    /// <summary>Reads the header fields from the lines before the letter's first section.</summary>
    public static LetterHeader Read(IReadOnlyList<string> lines, ICollection<ParseWarning> warnings)
    {
        var values = new Dictionary<Field, string>();
        var tokens = Tokenize(lines);
        var waiting = new List<Field>();
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Label is { } label)
            {
                if (token.Value.Length > 0)
                {
                    // "Application 11/03/2016 Received:" (pdftotext -layout) carries its value inside the label.
                    values.TryAdd(label, token.Value);
                    continue;
                }

                var next = t + 1 < tokens.Count ? tokens[t + 1] : default;
                if (next.Label is null && next.Value is not null && next.Line == token.Line && next.Kind == KindOf(label))
                {
                    values.TryAdd(label, next.Value);
                    t++;
                }
                else if (label != Field.Other)
                {
                    waiting.Add(label);
                }

                continue;
            }

            var at = waiting.FindIndex(w => KindOf(w) == token.Kind);
            if (at >= 0)
            {
                values.TryAdd(waiting[at], token.Value);
                waiting.RemoveRange(0, at + 1);
            }
        }

        return new LetterHeader(
            values.TryGetValue(Field.CaseNumber, out var caseNumber) ? CaseNumbers.Normalize(caseNumber, warnings) : null,
            DateOf(values, Field.DateAssigned, warnings),
            DateOf(values, Field.DateOfInjury, warnings),
            DateOf(values, Field.DecisionDate, warnings),
            DateOf(values, Field.UrDenialDate, warnings),
            values.TryGetValue(Field.Priority, out var priority) ? char.ToUpperInvariant(priority[0]) + priority[1..].ToLowerInvariant() : null,
            DateOf(values, Field.ApplicationReceived, warnings));
    }

    private static List<Token> Tokenize(IReadOnlyList<string> lines)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < lines.Count; i++)
        {
            // "Application" on one line and "Received:" starting the next is one label (with the value between, in -layout text).
            var line = lines[i];
            if (i + 1 < lines.Count && lines[i + 1].StartsWith("Received", StringComparison.OrdinalIgnoreCase)
                && line.Contains("Application", StringComparison.OrdinalIgnoreCase))
            {
                line = line + " " + lines[i + 1];
                i++;
            }

            foreach (Match match in HeaderToken().Matches(line))
            {
                tokens.Add(ToToken(match, i));
            }
        }

        return tokens;
    }

    private static Token ToToken(Match match, int line)
    {
        if (match.Groups["split"].Success)
        {
            return new Token(Field.ApplicationReceived, ValueKind.Date, match.Groups["split"].Value, line);
        }

        if (match.Groups["label"].Success)
        {
            var label = TextNormalizer.CollapseSpaces(match.Groups["label"].Value).ToUpperInvariant();
            Field field = label switch
            {
                _ when label.Contains("CASE", StringComparison.Ordinal) => Field.CaseNumber,
                _ when label.Contains("ASSIGNED", StringComparison.Ordinal) => Field.DateAssigned,
                _ when label.Contains("INJURY", StringComparison.Ordinal) => Field.DateOfInjury,
                _ when label.Contains("UR ", StringComparison.Ordinal) => Field.UrDenialDate,
                _ when label.StartsWith("DECISION", StringComparison.Ordinal) || label.StartsWith("DATED", StringComparison.Ordinal) => Field.DecisionDate,
                _ when label.StartsWith("PRIORITY", StringComparison.Ordinal) => Field.Priority,
                _ when label.Contains("APPLICATION", StringComparison.Ordinal) => Field.ApplicationReceived,
                _ => Field.Other,
            };
            return new Token(field, ValueKind.None, string.Empty, line);
        }

        var kind = match.Groups["case"].Success ? ValueKind.CaseNumber
            : match.Groups["priority"].Success ? ValueKind.Priority
            : ValueKind.Date;
        return new Token(null, kind, match.Value, line);
    }

    private static ValueKind KindOf(Field field) => field switch
    {
        Field.CaseNumber => ValueKind.CaseNumber,
        Field.Priority => ValueKind.Priority,
        Field.Other => ValueKind.None,
        _ => ValueKind.Date,
    };

    private static DateOnly? DateOf(Dictionary<Field, string> values, Field field, ICollection<ParseWarning> warnings) =>
        values.TryGetValue(field, out var value) ? Dates.Parse(value, warnings) : null;

    [GeneratedRegex(
        @"(?<splitlabel>\b(?:IMR\s+)?Application\s+(?<split>" + Dates.Pattern + @")\s+Received\s*:)"
        + @"|(?<label>\b(?:(?:IMR|MAXIMUS)\s+)?Case\s+(?:Number|No\.?)\s*:|\bDate\s+Assigned\s*:|\bDate\s+of\s+Injury\s*:|\bDecision\s+Date\s*:"
        + @"|\bUR\s+Denial\s+Date\s*:|\bDate\s+of\s+UR\s+Decision\s*:|\bPriority\s*:|\b(?:IMR\s+)?Application\s+Received\s*:|\bDated\s*:"
        + @"|\b(?:Claim\s+Number|Employee|Provider\s+Name|Employer|Claims\s+Administrator)\s*:)"
        + @"|(?<case>\b" + CaseNumbers.Pattern + @"\b)"
        + @"|(?<priority>\b(?:Standard|Expedited|Urgent)\b)"
        + @"|(?<date>\b" + Dates.Pattern + @"\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex HeaderToken();
}
