using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the "IMR ISSUES, DECISIONS AND RATIONALES" section. Items are anchored on their labelled
/// lines (claims administrator guideline, MAXIMUS guideline, decision rationale); each item's header,
/// which carries the decision, is the run of lines just before its first label, back to where the
/// previous rationale's last sentence ends.
/// </summary>
internal static partial class ItemSectionParser
{
    // A wrapped header is at most a few lines; partial authorizations are the longest at about four.
    private const int MaxHeaderLines = 8;

    private enum Label
    {
        ClaimsAdministrator = 0,
        Maximus = 1,
        Rationale = 2,
    }

    private sealed class ItemLines
    {
        public int HeaderStart;
        public int FirstLabel = -1;
        public readonly int[] LabelLine = [-1, -1, -1];
        public int LastLabel => LabelLine.Max();
    }

    public static Result<IReadOnlyList<DisputedItem>, ParseErrorCode> Parse(List<string> lines, int start, int end, ICollection<ParseWarning> warnings)
    {
        start = SkipIntroduction(lines, start, end);
        var groups = GroupByLabels(lines, start, end);
        if (groups.Count == 0)
        {
            return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(ParseErrorCode.NoItems,
                "the decisions section holds no disputed item (no 'Claims Administrator guideline', 'MAXIMUS guideline' or 'Decision rationale' line)");
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var lowerBound = g == 0 ? start : groups[g - 1].LastLabel + 1;
            groups[g].HeaderStart = FindHeaderStart(lines, groups[g].FirstLabel - 1, lowerBound);
        }

        var items = new List<DisputedItem>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var itemEnd = g + 1 < groups.Count ? groups[g + 1].HeaderStart : end;
            var item = BuildItem(lines, group, itemEnd, g, isLast: g == groups.Count - 1, warnings);
            if (!item.Success)
            {
                return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(item.Error);
            }

            items.Add(item.Value);
        }

        return items;
    }

    private static Result<DisputedItem, ParseErrorCode> BuildItem(List<string> lines, ItemLines group, int itemEnd, int index, bool isLast, ICollection<ParseWarning> warnings)
    {
        var ordinal = index + 1;
        if (group.HeaderStart >= group.FirstLabel)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                $"item {ordinal} has no header with a decision before its '{LabelName(lines[group.FirstLabel])}' line");
        }

        var headerText = TextNormalizer.JoinLines(lines.Skip(group.HeaderStart).Take(group.FirstLabel - group.HeaderStart));
        // OCR leaves specks as short lines ("CT", ".") between a header and its first label; read without them.
        var read = DecisionWords.Read(headerText, warnings)
            ?? DecisionWords.Read(TextNormalizer.JoinLines(lines.Skip(group.HeaderStart).Take(group.FirstLabel - group.HeaderStart).Where(l => l.Length > 3)), warnings);
        if (read is null)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                $"item {ordinal} ('{Shorten(headerText)}') has no decision: its header does not end in Upheld or Overturned");
        }

        var (head, decision) = read.Value;
        if (head.Length == 0)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                $"item {ordinal} has a decision but no requested item");
        }

        var rationaleLine = group.LabelLine[(int)Label.Rationale];
        if (rationaleLine < 0)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(isLast ? ParseErrorCode.Truncated : ParseErrorCode.ItemWithoutRationale,
                $"item {ordinal} ('{Shorten(head)}') has no 'Decision rationale'" + (isLast ? ": the letter ends before it" : string.Empty));
        }

        var rationale = LabelledText(lines, rationaleLine, itemEnd);
        if (rationale.Length == 0)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(isLast ? ParseErrorCode.Truncated : ParseErrorCode.ItemWithoutRationale,
                $"item {ordinal} ('{Shorten(head)}') has an empty decision rationale");
        }

        if (isLast && RationaleEnding.Check(rationale, ordinal, head, warnings) is { } truncated)
        {
            return Result<DisputedItem, ParseErrorCode>.Fail(truncated);
        }

        return Build(index, head, decision, GuidelineText(lines, group, Label.ClaimsAdministrator), GuidelineText(lines, group, Label.Maximus), rationale);
    }

    /// <summary>A disputed item from its parts, as every layout gives them.</summary>
    internal static DisputedItem Build(int index, string head, Decision decision, string? claimsAdministrator, string? maximus, string rationale)
    {
        var partial = PartialAuthorizationParser.TryParse(head);
        var requested = partial?.DisputedRemainder ?? head;
        var citations = GuidelineCitationParser.Parse(claimsAdministrator)
            .Concat(GuidelineCitationParser.Parse(maximus))
            .ToList();

        return new DisputedItem(
            index,
            requested,
            decision,
            partial,
            claimsAdministrator,
            maximus,
            citations,
            rationale,
            ItemAttributeExtractor.Extract(requested));
    }

    private static string? GuidelineText(List<string> lines, ItemLines group, Label label)
    {
        var line = group.LabelLine[(int)label];
        if (line < 0)
        {
            return null;
        }

        var next = group.LabelLine.Where(l => l > line).DefaultIfEmpty(line + 1).Min();
        return LabelledText(lines, line, next);
    }

    private static string LabelledText(List<string> lines, int labelLine, int end)
    {
        var text = TextNormalizer.JoinLines(lines.Skip(labelLine).Take(end - labelLine));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return text[(colon + 1)..].Trim();
    }

    private static List<ItemLines> GroupByLabels(List<string> lines, int start, int end)
    {
        var groups = new List<ItemLines>();
        ItemLines? current = null;
        var lastLabel = int.MaxValue;
        for (var i = start; i < end; i++)
        {
            var label = LabelOf(lines[i]);
            if (label is not { } found)
            {
                continue;
            }

            // Labels come in order within an item; one that does not follow the last starts a new item.
            if (current is null || (int)found <= lastLabel)
            {
                current = new ItemLines { FirstLabel = i };
                groups.Add(current);
            }

            current.LabelLine[(int)found] = i;
            lastLabel = (int)found;
        }

        return groups;
    }

    private static int FindHeaderStart(List<string> lines, int headerEnd, int lowerBound)
    {
        if (headerEnd < lowerBound)
        {
            return headerEnd + 1;
        }

        var start = WalkBackToSentenceEnd(lines, headerEnd, headerEnd, lowerBound);

        // A partial authorization header holds whole sentences ("X was the original request. Y was
        // authorized ..."); keep going back until its first sentence is in.
        for (var extra = 0; extra < 3; extra++)
        {
            var text = TextNormalizer.JoinLines(lines.Skip(start).Take(headerEnd - start + 1));
            var needsMore = text.Contains("original request", StringComparison.OrdinalIgnoreCase)
                && !text.Contains("was the original request", StringComparison.OrdinalIgnoreCase);
            if (!needsMore || start - 1 < lowerBound)
            {
                break;
            }

            start = WalkBackToSentenceEnd(lines, start - 1, headerEnd, lowerBound);
        }

        return start;
    }

    private static int WalkBackToSentenceEnd(List<string> lines, int from, int headerEnd, int lowerBound)
    {
        var start = from;
        while (start - 1 >= lowerBound && !EndsSentence(lines[start - 1]) && headerEnd - start + 1 < MaxHeaderLines)
        {
            start--;
        }

        return start;
    }

    private static int SkipIntroduction(List<string> lines, int start, int end)
    {
        // "The Final Determination was based on decisions for the disputed items/services set forth below:" may wrap.
        var joined = string.Empty;
        for (var i = start; i < Math.Min(end, start + 3); i++)
        {
            if (LabelOf(lines[i]) is not null)
            {
                break;
            }

            joined = joined.Length == 0 ? lines[i] : joined + " " + lines[i];
            if (joined.Contains("set forth below", StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return start;
    }

    private static Label? LabelOf(string line) =>
        line.StartsWith("Claims Administrator guideline", StringComparison.OrdinalIgnoreCase) && HasColonSoon(line, 30) ? Label.ClaimsAdministrator
        : line.StartsWith("MAXIMUS guideline", StringComparison.OrdinalIgnoreCase) && HasColonSoon(line, 17) ? Label.Maximus
        : line.StartsWith("Decision rationale", StringComparison.OrdinalIgnoreCase) && HasColonSoon(line, 18) ? Label.Rationale
        : null;

    private static bool HasColonSoon(string line, int labelLength) =>
        line.Length > labelLength && line.AsSpan(labelLength).TrimStart().StartsWith(":");

    private static string LabelName(string line) => line[..line.IndexOf(':', StringComparison.Ordinal)];

    internal static bool EndsSentence(string text) => SentenceEnd().IsMatch(text);

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"[.!?][""')\]]*\s*$")]
    private static partial Regex SentenceEnd();
}
