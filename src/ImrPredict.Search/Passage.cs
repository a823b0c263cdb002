using ImrPredict.Core.Text;

namespace ImrPredict.Search;

/// <summary>One passage of a rationale and where the query's words occur in it.</summary>
/// <param name="Text">The passage (whole sentences).</param>
/// <param name="Start">Where it starts in the rationale.</param>
/// <param name="Matches">The matching words, as spans of <paramref name="Text"/>.</param>
public sealed record Passage(string Text, int Start, IReadOnlyList<TextSpan> Matches)
{
    /// <summary>The passage with its matching words marked with <c>**</c>, for plain-text readers.</summary>
    public string Marked
    {
        get
        {
            var builder = new System.Text.StringBuilder(Text.Length + Matches.Count * 4);
            var position = 0;
            foreach (var match in Matches)
            {
                builder.Append(Text, position, match.Start - position).Append("**").Append(Text, match.Start, match.Length).Append("**");
                position = match.End;
            }

            return builder.Append(Text, position, Text.Length - position).ToString();
        }
    }
}
