using ImrPredict.Core.Criteria;
using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>
/// The criteria statuses a precedent item records, as <c>{criterion id}={documented|absent}</c>: what its rationale says
/// of each criterion of the item's category (the reviewer's reasons), else what the letter's summary documents (the
/// case's facts). A criterion neither speaks of is not recorded.
/// </summary>
public static class CriteriaFacets
{
    /// <summary>The status word of a documented criterion.</summary>
    public const string Documented = "documented";

    /// <summary>The status word of a criterion documented as absent.</summary>
    public const string Absent = "absent";

    /// <summary>The facet values of each item of <paramref name="letter"/>, in the items' order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(ImrLetter letter)
    {
        var summary = CriteriaDetector.Detect(letter);
        return letter.Items.Select((item, i) =>
        {
            var rationale = CriteriaDetector.Detect(CaseSentences(item.Rationale), [item.RequestedItem])[0];
            return (IReadOnlyList<string>)rationale.Findings
                // The earlier review's narration is read in the summary only; a rationale does not narrate it.
                .Where(found => found.Criterion.Scope != CriterionScope.Review)
                .Select(found => found.Status != CriterionStatus.NotMentioned ? found : summary[i].Finding(found.Criterion.Id) ?? found)
                .Where(found => found.Status != CriterionStatus.NotMentioned)
                .Select(found => Value(found.Criterion.Id, found.Status))
                .ToList();
        }).ToList();
    }

    /// <summary>
    /// The rationale's sentences about the case: a guideline's words ("guidelines require documentation of functional
    /// improvement"), the verdict formula and the standard paragraphs say nothing of what this case documents.
    /// </summary>
    private static string CaseSentences(string rationale) => string.Join(" ", Sentences.Of(rationale)
        .Select(span => rationale.Substring(span.Start, span.End - span.Start))
        .Where(sentence => !RationaleSentences.IsBoilerplate(RationaleSentences.Of(sentence))));

    /// <summary>The facet value of a criterion and status.</summary>
    public static string Value(string criterionId, CriterionStatus status) => $"{criterionId}={(status == CriterionStatus.Documented ? Documented : Absent)}";

    /// <summary>Parses a facet value a user gives (<c>opioid.functional-improvement=documented</c>); null when it is not one.</summary>
    public static (Criterion Criterion, string Status)? Parse(string value)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && CriteriaCatalogue.Default.Find(parts[0]) is { } criterion && parts[1] is Documented or Absent
            ? (criterion, parts[1])
            : null;
    }
}
