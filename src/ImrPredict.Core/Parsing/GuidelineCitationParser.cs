using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Splits a guideline line into its "Decision based on ..." citations and reads each one's source,
/// topic and pages. Sentences that cite nothing ("did not cite any medical evidence") give none.
/// </summary>
public static partial class GuidelineCitationParser
{
    /// <summary>Parses the citations of one guideline line; empty for null or a line that cites nothing.</summary>
    public static IReadOnlyList<GuidelineCitation> Parse(string? guidelineLine)
    {
        if (string.IsNullOrWhiteSpace(guidelineLine))
        {
            return [];
        }

        var citations = new List<GuidelineCitation>();
        foreach (var part in DecisionBasedOn().Split(guidelineLine).Skip(1))
        {
            var citation = ParseOne(part);
            if (citation is not null)
            {
                citations.Add(citation);
            }
        }

        return citations;
    }

    private static GuidelineCitation? ParseOne(string text)
    {
        var body = text.Trim().TrimEnd('.', ';', ' ');
        if (body.Length == 0)
        {
            return null;
        }

        string? pages = null;
        var pageMatch = Pages().Match(body);
        if (pageMatch.Success)
        {
            pages = pageMatch.Groups[1].Value.Trim().TrimEnd(';', ',', '.').Trim();
            body = body[..pageMatch.Index].Trim();
        }

        var source = SourceOf(body);
        var topic = TopicOf(body, source);
        return new GuidelineCitation(source, topic.Length == 0 ? null : topic, string.IsNullOrEmpty(pages) ? null : pages);
    }

    /// <summary>The guideline family a citation names.</summary>
    public static GuidelineSource SourceOf(string citation) =>
        Odg().IsMatch(citation) ? GuidelineSource.Odg
        : citation.Contains("ACOEM", StringComparison.OrdinalIgnoreCase) ? GuidelineSource.Acoem
        : citation.Contains("Non-MTUS", StringComparison.OrdinalIgnoreCase) ? GuidelineSource.Other
        : citation.Contains("MTUS", StringComparison.OrdinalIgnoreCase) ? GuidelineSource.Mtus
        : GuidelineSource.Other;

    private static string TopicOf(string body, GuidelineSource source)
    {
        var topic = SourcePrefix().Replace(body, string.Empty);
        if (source == GuidelineSource.Odg)
        {
            topic = OdgName().Replace(topic, string.Empty);
        }

        return topic.Trim().Trim(',', ';', ':', '.', ' ');
    }

    [GeneratedRegex(@"Decision\s+based\s+on\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionBasedOn();

    [GeneratedRegex(@"Page\s*\(s\)\s*:?\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();

    [GeneratedRegex(@"\bODG\b|Official\s+Disability\s+Guidelines", RegexOptions.IgnoreCase)]
    private static partial Regex Odg();

    [GeneratedRegex(@"^(Non-MTUS\s+Citation|MTUS\s*/\s*ACOEM|CA\s+MTUS|MTUS|ACOEM)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SourcePrefix();

    [GeneratedRegex(@"^(Official\s+Disability\s+Guidelines\s*(\(ODG\))?|ODG)\s*[,:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex OdgName();
}
