using System.Text.RegularExpressions;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Splits a run of lines at labelled lines ("Case Summary:", "Rationale for the Decision:"): each block is
/// its label's kind and the text after the label up to the next label, joined into prose. Text may start on
/// the label's own line or on the next one.
/// </summary>
internal static class LabelledBlocks
{
    /// <summary>One labelled block.</summary>
    /// <param name="Kind">Which label (the index of its pattern).</param>
    /// <param name="Line">The label's line.</param>
    /// <param name="Text">The block's text without its label.</param>
    public readonly record struct Block(int Kind, int Line, string Text);

    /// <summary>The blocks of <paramref name="lines"/>[start, end), in order; lines before the first label are left out.</summary>
    /// <param name="lines">The letter's lines.</param>
    /// <param name="start">The first line to read.</param>
    /// <param name="end">The line after the last one to read.</param>
    /// <param name="labels">Patterns anchored at a line's start; a match is the label.</param>
    public static List<Block> Split(List<string> lines, int start, int end, IReadOnlyList<Regex> labels)
    {
        var blocks = new List<Block>();
        int kind = -1, labelLine = -1;
        var text = new List<string>();
        for (var i = start; i < Math.Min(end, lines.Count); i++)
        {
            var (found, rest) = Match(lines[i], labels);
            if (found < 0)
            {
                if (kind >= 0)
                {
                    text.Add(lines[i]);
                }

                continue;
            }

            Close();
            kind = found;
            labelLine = i;
            if (rest.Length > 0)
            {
                text.Add(rest);
            }
        }

        Close();
        return blocks;

        void Close()
        {
            if (kind >= 0)
            {
                blocks.Add(new Block(kind, labelLine, TextNormalizer.JoinLines(text)));
            }

            text.Clear();
        }
    }

    private static (int Kind, string Remainder) Match(string line, IReadOnlyList<Regex> labels)
    {
        for (var k = 0; k < labels.Count; k++)
        {
            var match = labels[k].Match(line);
            if (match.Success && match.Index == 0)
            {
                return (k, line[match.Length..].Trim());
            }
        }

        return (-1, string.Empty);
    }
}
