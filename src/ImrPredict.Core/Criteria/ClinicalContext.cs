using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// Reads how a sentence speaks of a term, after NegEx (Chapman et al., 2001) and ConText (Harkema et al., 2009): a
/// negation, uncertainty or history trigger within a few words before the term (or a negation just after it: "was
/// negative", "was not documented") applies unless a scope breaker ("but", "however", "which") stands between;
/// pseudo-negations ("no change in", "not only") are not negations. A sentence that narrates the earlier utilization
/// review or the request is marked as such. The triggers are found in one pass over the sentence
/// (<see cref="ContextTriggers"/>), not by one pattern each: this runs for every mention of every case.
/// </summary>
public static class ClinicalContext
{
    /// <summary>How many words before a term a trigger may stand.</summary>
    public const int WordsBefore = 6;

    /// <summary>How many words after a term a trailing negation may stand.</summary>
    public const int WordsAfter = 4;

    /// <summary>How far around a term a pseudo-negation ("no change in") is looked for.</summary>
    private const int PseudoBefore = 40, PseudoAfter = 20;

    /// <summary>The context of the term at <paramref name="term"/> inside <paramref name="sentence"/> of <paramref name="text"/>.</summary>
    public static MentionContext Of(string text, TextSpan sentence, TextSpan term) =>
        Of(text, sentence, term, IsPriorReview(text, sentence));

    /// <summary>The context of a term in a sentence already known to narrate (or not) the earlier review.</summary>
    internal static MentionContext Of(string text, TextSpan sentence, TextSpan term, bool priorReview)
    {
        var triggers = new List<(int Start, int End, ContextTrigger Kind)>();
        ContextTriggers.Matcher.Find(text, sentence.Start, sentence.End, (start, end, kind) => triggers.Add((start, end, kind)));

        // Before the term: from the last scope breaker, the last few words.
        var breakerBefore = sentence.Start;
        foreach (var t in triggers)
        {
            if (t.Kind == ContextTrigger.ScopeBreaker && t.End <= term.Start)
            {
                breakerBefore = Math.Max(breakerBefore, t.End);
            }
        }

        var windowStart = WordsStartBefore(text, breakerBefore, term.Start, WordsBefore);

        // After the term: up to the first scope breaker, the first few words.
        var breakerAfter = sentence.End;
        foreach (var t in triggers)
        {
            if (t.Kind == ContextTrigger.ScopeBreaker && t.Start >= term.End)
            {
                breakerAfter = Math.Min(breakerAfter, t.Start);
            }
        }

        var afterStart = term.End;
        while (afterStart < breakerAfter && char.IsWhiteSpace(text[afterStart]))
        {
            afterStart++;
        }

        var windowEnd = WordsEndAfter(text, afterStart, breakerAfter, WordsAfter);
        var pseudoStart = Math.Max(sentence.Start, term.Start - PseudoBefore);
        var pseudoEnd = Math.Min(sentence.End, term.End + PseudoAfter);

        bool Before(ContextTrigger kind) => triggers.Exists(t => t.Kind == kind && t.Start >= windowStart && t.End <= term.Start);
        var negated = (Before(ContextTrigger.Negation) && !triggers.Exists(t => t.Kind == ContextTrigger.PseudoNegation && t.Start >= pseudoStart && t.End <= pseudoEnd))
            || triggers.Exists(t => t.Kind == ContextTrigger.PostNegation && t.Start == afterStart && t.End <= windowEnd);
        return new MentionContext(negated, Before(ContextTrigger.Uncertainty), Before(ContextTrigger.History), priorReview);
    }

    /// <summary>Whether a sentence narrates the earlier utilization review or the request for authorization.</summary>
    public static bool IsPriorReview(string sentence) => IsPriorReview(sentence, new TextSpan(0, sentence.Length));

    /// <summary>Whether the sentence at <paramref name="sentence"/> of <paramref name="text"/> narrates the earlier review or the request.</summary>
    public static bool IsPriorReview(string text, TextSpan sentence)
    {
        var found = false;
        ContextTriggers.PriorReview.Find(text, sentence.Start, sentence.End, (_, _, _) => found = true);
        return found;
    }

    /// <summary>Where the last <paramref name="words"/> words before <paramref name="end"/> (and after <paramref name="start"/>) begin.</summary>
    private static int WordsStartBefore(string text, int start, int end, int words)
    {
        var position = end;
        for (var counted = 0; counted < words; counted++)
        {
            while (position > start && char.IsWhiteSpace(text[position - 1]))
            {
                position--;
            }

            if (position == start)
            {
                return start;
            }

            while (position > start && !char.IsWhiteSpace(text[position - 1]))
            {
                position--;
            }
        }

        return position;
    }

    /// <summary>Where the first <paramref name="words"/> words after <paramref name="start"/> (and before <paramref name="end"/>) end.</summary>
    private static int WordsEndAfter(string text, int start, int end, int words)
    {
        var position = start;
        for (var counted = 0; counted < words; counted++)
        {
            while (position < end && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position == end)
            {
                return end;
            }

            while (position < end && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        return position;
    }
}
