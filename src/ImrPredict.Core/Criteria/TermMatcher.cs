namespace ImrPredict.Core.Criteria;

/// <summary>
/// Finds many phrases in one pass over a text: a character trie walked from each place a phrase may start, matching as
/// the catalogue's patterns did (case-insensitive, a run of white space for each space, a phrase that starts or ends
/// with a letter or digit standing alone). One pass for all ~600 terms of the catalogue replaces one regular-expression
/// scan per criterion and per sentence, which cost about a millisecond a case.
/// </summary>
/// <typeparam name="T">What a phrase stands for (a criterion, a category).</typeparam>
internal sealed class TermMatcher<T>
{
    private readonly Node _root = new();

    /// <summary>
    /// Builds a matcher over <paramref name="phrases"/>, each with what it stands for. A phrase ending in <c>*</c> is a
    /// prefix: the word may go on ("noncertifi*" matches "noncertified").
    /// </summary>
    public TermMatcher(IEnumerable<(string Phrase, T Tag)> phrases)
    {
        foreach (var (written, tag) in phrases)
        {
            var node = _root;
            var previousSpace = false;
            var prefix = written.EndsWith('*');
            var phrase = prefix ? written[..^1] : written;
            foreach (var raw in phrase.Trim())
            {
                var space = char.IsWhiteSpace(raw);
                if (space && previousSpace)
                {
                    continue;
                }

                previousSpace = space;
                var c = space ? ' ' : char.ToLowerInvariant(raw);
                node = node.Children.TryGetValue(c, out var child) ? child : node.Children[c] = new Node { EndsWithWord = IsWord(c) };
            }

            (prefix ? node.PrefixTags : node.Tags).Add(tag);
        }
    }

    /// <summary>
    /// Every match in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>: at each start,
    /// the phrases that match there (the longest first); matches of different phrases may overlap.
    /// </summary>
    public void Find(string text, int start, int end, Action<int, int, T> found)
    {
        var matches = new List<(int End, Node Node)>(4);
        for (var position = start; position < end; position++)
        {
            var first = char.ToLowerInvariant(text[position]);
            // A phrase that starts with a letter or digit may not start inside a word.
            if (!_root.Children.TryGetValue(first, out var node) || (position > 0 && IsWord(first) && IsWord(text[position - 1])))
            {
                continue;
            }

            matches.Clear();
            var index = position + 1;
            while (true)
            {
                if ((node.Tags.Count > 0 && (!node.EndsWithWord || index >= end || !IsWord(text[index]))) || node.PrefixTags.Count > 0)
                {
                    matches.Add((index, node));
                }

                if (index >= end)
                {
                    break;
                }

                var c = text[index];
                if (char.IsWhiteSpace(c))
                {
                    if (!node.Children.TryGetValue(' ', out var spaced))
                    {
                        break;
                    }

                    while (index < end && char.IsWhiteSpace(text[index]))
                    {
                        index++;
                    }

                    node = spaced;
                    continue;
                }

                if (!node.Children.TryGetValue(char.ToLowerInvariant(c), out var next))
                {
                    break;
                }

                node = next;
                index++;
            }

            for (var m = matches.Count - 1; m >= 0; m--)
            {
                var (matchEnd, matched) = matches[m];
                if (!matched.EndsWithWord || matchEnd >= end || !IsWord(text[matchEnd]))
                {
                    foreach (var tag in matched.Tags)
                    {
                        found(position, matchEnd, tag);
                    }
                }

                foreach (var tag in matched.PrefixTags)
                {
                    found(position, matchEnd, tag);
                }
            }
        }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private sealed class Node
    {
        public Dictionary<char, Node> Children { get; } = [];

        public List<T> Tags { get; } = [];

        /// <summary>What the prefixes ending here stand for (the word may go on).</summary>
        public List<T> PrefixTags { get; } = [];

        /// <summary>The phrases ending here end with a letter or digit, so the text may not continue the word.</summary>
        public bool EndsWithWord { get; init; }
    }
}
