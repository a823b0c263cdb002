using ImrPredict.Core.Letters;
using System.Globalization;
using System.Text.RegularExpressions;
using ImrPredict.Core.Criteria;
using ImrPredict.Core.Text;
using ImrPredict.ML.Data;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>
/// Turns an item's feature contributions into what a reader is shown: where each contribution's words are in the
/// case, and reasons with the contributions of the same words merged ("urine drug" and "drug screen" found side by
/// side read as one "urine drug screen"; the same n-gram counted for any item and for the item's category, once).
/// </summary>
public static partial class ReasonBuilder
{
    /// <summary>
    /// The contributions with their spans, and the merged reasons strongest first. A criterion's contributions (any of its
    /// statuses) merge into one reason stating what the case documents of it (<paramref name="criteria"/>), with its evidence.
    /// </summary>
    public static (IReadOnlyList<ExplainedContribution> Contributions, IReadOnlyList<Reason> Reasons) Explain(
        string clinicalSummary, string requestedItem, IReadOnlyList<FeatureContribution> contributions, ItemCriteria? criteria = null)
    {
        if (contributions.Count == 0)
        {
            return ([], []);
        }

        var summary = new CaseWords(clinicalSummary);
        var item = new CaseWords(requestedItem);
        var explained = contributions.Select(c => Locate(c, summary, item)).ToList();

        var reasons = new List<Reason>();
        // Character n-grams of the item stay features (they are in the contributions) but are never reasons.
        foreach (var group in explained.Where(c => c.Contribution.Source == FeatureSource.Criterion)
            .GroupBy(c => CriteriaTokens.TryRead(c.Contribution.Words, out var id, out _) ? id : c.Contribution.Words, StringComparer.Ordinal))
        {
            if (CriterionReason(group.Key, group.ToList(), criteria) is { } reason)
            {
                reasons.Add(reason);
            }
        }

        // Numbers that do not speak of this kind of request ("no sessions stated" for an MRI) stay contributions only.
        foreach (var group in Merge(explained.Where(c => c.Contribution.Source is not (FeatureSource.ItemLetters or FeatureSource.Criterion)
            && !(c.Contribution.Source is FeatureSource.Number or FeatureSource.NumberMissing && criteria is not null && !NumberFields.Applies(c.Contribution.Words, criteria.Category))).ToList()))
        {
            var reason = ToReason(group, group[0].Field == CaseField.RequestedItem ? item : summary);
            if (reason.Kind != ReasonKind.Term || ReadableTerms.IsReadable(reason.Words, (reason.Field == CaseField.RequestedItem ? item : summary).Text, reason.Spans))
            {
                reasons.Add(reason);
            }
        }

        return (explained, reasons.OrderByDescending(r => Math.Abs(r.Weight)).ThenBy(r => r.Text, StringComparer.Ordinal).ToList());
    }

    /// <summary>One criterion's contributions as one reason: its status in this case and the evidence for it.</summary>
    private static Reason? CriterionReason(string id, List<ExplainedContribution> group, ItemCriteria? criteria)
    {
        var finding = criteria?.Finding(id);
        var criterion = finding?.Criterion ?? CriteriaCatalogue.Default.Find(id);
        if (criterion is null)
        {
            return null;
        }

        // Without the case's findings, the status token the item carries (value 1) says it.
        var status = finding?.Status ?? group.Select(c => CriteriaTokens.TryRead(c.Contribution.Words, out _, out var suffix) && c.Contribution.Value > 0 ? CriteriaTokens.StatusOf(suffix) : null)
            .FirstOrDefault(s => s is not null) ?? CriterionStatus.NotMentioned;
        var evidence = finding?.Evidence ?? [];
        var inItem = evidence.Count > 0 && evidence[0].InRequestedItem;
        IReadOnlyList<TextSpan> spans = evidence.Count > 0 ? Union(evidence.Select(e => e.Term))
            : finding?.Discussion is { } discussion ? [discussion] : [];
        var field = spans.Count == 0 ? CaseField.None : inItem ? CaseField.RequestedItem : CaseField.ClinicalSummary;
        return new Reason(CriterionPhrase.Of(criterion, status), group.Sum(c => c.Contribution.Weight), status != CriterionStatus.NotMentioned, field,
            criterion.Text, spans, group.Select(c => c.Contribution.Feature).ToList(), ReasonKind.Criterion, criterion.Id, status);
    }

    private static ExplainedContribution Locate(FeatureContribution contribution, CaseWords summary, CaseWords item)
    {
        var present = contribution.Value != 0;
        return contribution.Source switch
        {
            FeatureSource.Summary => new(contribution, CaseField.ClinicalSummary, present, present ? summary.Find(contribution.Words) : []),
            FeatureSource.Item => new(contribution, CaseField.RequestedItem, present, present ? item.Find(contribution.Words) : []),
            FeatureSource.ItemLetters => new(contribution, CaseField.RequestedItem, present, present ? item.FindLetters(contribution.Words) : []),
            // A missing-number flag is "present" when the number is missing: say so from the reader's side, stated or not.
            _ => new(contribution, CaseField.None, present, []),
        };
    }

    /// <summary>Groups contributions that speak of the same words, keeping each group's members in their given order.</summary>
    private static List<List<ExplainedContribution>> Merge(List<ExplainedContribution> explained)
    {
        var parent = Enumerable.Range(0, explained.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < explained.Count; i++)
        {
            for (var j = i + 1; j < explained.Count; j++)
            {
                if (SameWords(explained[i], explained[j]))
                {
                    parent[Root(j)] = Root(i);
                }
            }
        }

        return Enumerable.Range(0, explained.Count).GroupBy(Root).Select(g => g.Select(i => explained[i]).ToList()).ToList();
    }

    private static bool SameWords(ExplainedContribution a, ExplainedContribution b)
    {
        if (a.Field != b.Field || a.Field == CaseField.None || a.Present != b.Present
            || Math.Sign(a.Contribution.Weight) != Math.Sign(b.Contribution.Weight)
            || (a.Contribution.Source == FeatureSource.ItemLetters) != (b.Contribution.Source == FeatureSource.ItemLetters))
        {
            return false;
        }

        if (string.Equals(a.Contribution.Words, b.Contribution.Words, StringComparison.Ordinal))
        {
            return true;
        }

        // Present words: merged where they overlap in the text. Absent words: where one n-gram runs into the other.
        return a.Present
            ? a.Spans.Any(x => b.Spans.Any(y => x.Start < y.End && y.Start < x.End))
            : Joined(Words(a), Words(b)) is not null;
    }

    private static string[] Words(ExplainedContribution c) => c.Contribution.Words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The word sequence covering both when one contains the other or one's end is the other's start; null otherwise.</summary>
    private static string[]? Joined(string[] a, string[] b)
    {
        if (Contains(a, b))
        {
            return a;
        }

        if (Contains(b, a))
        {
            return b;
        }

        for (var overlap = Math.Min(a.Length, b.Length) - 1; overlap >= 1; overlap--)
        {
            if (a.AsSpan(a.Length - overlap).SequenceEqual(b.AsSpan(0, overlap)))
            {
                return [.. a, .. b[overlap..]];
            }

            if (b.AsSpan(b.Length - overlap).SequenceEqual(a.AsSpan(0, overlap)))
            {
                return [.. b, .. a[overlap..]];
            }
        }

        return null;
    }

    private static bool Contains(string[] outer, string[] inner)
    {
        for (var i = 0; i + inner.Length <= outer.Length; i++)
        {
            if (outer.AsSpan(i, inner.Length).SequenceEqual(inner))
            {
                return true;
            }
        }

        return false;
    }

    private static Reason ToReason(List<ExplainedContribution> group, CaseWords text)
    {
        var first = group[0];
        var weight = group.Sum(c => c.Contribution.Weight);
        var features = group.Select(c => c.Contribution.Feature).ToList();
        var spans = Union(group.SelectMany(c => c.Spans));
        var contribution = first.Contribution;
        string words;
        if (first.Field != CaseField.None && first.Present && spans.Count > 0)
        {
            // As the case writes it: the widest merged occurrence.
            var widest = spans.OrderByDescending(s => s.Length).ThenBy(s => s.Start).First();
            words = text.Text[widest.Start..widest.End];
        }
        else if (first.Field != CaseField.None && !first.Present)
        {
            words = string.Join(' ', group.Skip(1).Aggregate(Words(first), (joined, c) => Joined(joined, Words(c)) ?? joined));
        }
        else
        {
            words = contribution.Words;
        }

        var phrase = contribution.Source switch
        {
            FeatureSource.Summary => first.Present ? $"mentions \"{words}\"" : $"does not mention \"{words}\"",
            FeatureSource.Item => first.Present ? $"requested item says \"{words}\"" : $"requested item does not say \"{words}\"",
            FeatureSource.ItemLetters => first.Present ? $"requested item has \"{words}\"" : $"requested item has no \"{words}\"",
            FeatureSource.Category => first.Present ? $"item category is {ItemCategoryNames.Label(words)}" : $"item category is not {ItemCategoryNames.Label(words)}",
            // Missing numbers are read as 0.
            FeatureSource.Number => first.Present ? $"{NumberName(words)} is {contribution.Value.ToString("0.##", CultureInfo.InvariantCulture)}" : $"no {NumberName(words)} stated",
            FeatureSource.NumberMissing => first.Present ? $"{NumberName(words)} not stated" : $"{NumberName(words)} stated",
            _ => contribution.Feature,
        };
        var kind = contribution.Source switch
        {
            FeatureSource.Category => ReasonKind.Category,
            FeatureSource.Number or FeatureSource.NumberMissing => ReasonKind.Number,
            _ => ReasonKind.Term,
        };
        return new Reason(phrase, weight, first.Present, first.Field, words, spans, features, kind);
    }

    /// <summary>Overlapping spans joined, in text order.</summary>
    private static List<TextSpan> Union(IEnumerable<TextSpan> spans)
    {
        var merged = new List<TextSpan>();
        foreach (var span in spans.OrderBy(s => s.Start).ThenBy(s => s.End))
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static string NumberName(string name) => CamelWords().Replace(name, " $1").ToLowerInvariant().Replace("ur denial", "UR denial", StringComparison.Ordinal);

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelWords();
}
