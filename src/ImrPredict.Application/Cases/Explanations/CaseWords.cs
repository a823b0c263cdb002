using System.Globalization;
using ImrPredict.Core.Text;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>
/// A case text's words as the model's featurizer reads them (split at white space, punctuation dropped, lower case),
/// each with its span in the original text, so a feature's n-gram can be found where a reader sees it.
/// </summary>
public sealed class CaseWords
{
    private readonly List<(string Word, TextSpan Span)> _words = [];

    /// <summary>Reads <paramref name="text"/>'s words.</summary>
    public CaseWords(string text)
    {
        Text = text;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!boundary && start < 0)
            {
                start = i;
            }
            else if (boundary && start >= 0)
            {
                Add(start, i);
                start = -1;
            }
        }
    }

    /// <summary>The text read.</summary>
    public string Text { get; }

    /// <summary>Every occurrence of the n-gram <paramref name="words"/> (words separated by spaces), as spans of the text.</summary>
    public IReadOnlyList<TextSpan> Find(string words)
    {
        var wanted = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var spans = new List<TextSpan>();
        if (wanted.Length == 0)
        {
            return spans;
        }

        for (var i = 0; i + wanted.Length <= _words.Count; i++)
        {
            var all = true;
            for (var k = 0; k < wanted.Length && all; k++)
            {
                all = string.Equals(_words[i + k].Word, wanted[k], StringComparison.Ordinal);
            }

            if (all)
            {
                spans.Add(new TextSpan(_words[i].Span.Start, _words[i + wanted.Length - 1].Span.End));
            }
        }

        return spans;
    }

    /// <summary>Every case-insensitive occurrence of <paramref name="letters"/> (a character n-gram; spaces match any white space).</summary>
    public IReadOnlyList<TextSpan> FindLetters(string letters)
    {
        var spans = new List<TextSpan>();
        var wanted = letters.Trim();
        if (wanted.Length == 0)
        {
            return spans;
        }

        for (var at = Text.IndexOf(wanted, StringComparison.OrdinalIgnoreCase); at >= 0; at = Text.IndexOf(wanted, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            spans.Add(new TextSpan(at, at + wanted.Length));
        }

        return spans;
    }

    private void Add(int start, int end)
    {
        var kept = new System.Text.StringBuilder(end - start);
        int first = -1, last = -1;
        for (var i = start; i < end; i++)
        {
            var c = Text[i];
            if (char.IsPunctuation(c))
            {
                continue;
            }

            kept.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            first = first < 0 ? i : first;
            last = i;
        }

        if (kept.Length > 0)
        {
            _words.Add((kept.ToString(), new TextSpan(first, last + 1)));
        }
    }
}
