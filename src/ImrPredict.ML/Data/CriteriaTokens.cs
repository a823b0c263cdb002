using ImrPredict.Core.Criteria;

namespace ImrPredict.ML.Data;

/// <summary>
/// An item's criteria findings as the words the model reads: one token per criterion that applies to the item's category,
/// <c>{id}={status}</c> ("opioid.functional-improvement=absent"), and <c>{id}=cited</c> when the earlier review's narration
/// spoke of it. Bundles name their criteria features by these tokens, so a reason can say which criterion and status moved
/// a prediction.
/// </summary>
public static class CriteriaTokens
{
    /// <summary>The token suffix of a documented criterion.</summary>
    public const string Documented = "documented";

    /// <summary>The token suffix of a criterion documented as absent.</summary>
    public const string Absent = "absent";

    /// <summary>The token suffix of a criterion the summary does not speak of.</summary>
    public const string NotMentioned = "unmentioned";

    /// <summary>The token suffix of a criterion the earlier review's narration spoke of.</summary>
    public const string Cited = "cited";

    /// <summary>The tokens of one item's findings, space-separated.</summary>
    public static string Of(ItemCriteria criteria) =>
        string.Join(' ', criteria.Findings.SelectMany(Tokens));

    /// <summary>Splits a token into its criterion id and suffix; false when it is not one.</summary>
    public static bool TryRead(string token, out string criterionId, out string suffix)
    {
        var equals = token.LastIndexOf('=');
        criterionId = equals > 0 ? token[..equals] : string.Empty;
        suffix = equals > 0 ? token[(equals + 1)..] : string.Empty;
        return equals > 0;
    }

    /// <summary>The status a token suffix names; null for <see cref="Cited"/> or anything else.</summary>
    public static CriterionStatus? StatusOf(string suffix) => suffix switch
    {
        Documented => CriterionStatus.Documented,
        Absent => CriterionStatus.DocumentedAbsent,
        NotMentioned => CriterionStatus.NotMentioned,
        _ => null,
    };

    private static IEnumerable<string> Tokens(CriterionFinding finding)
    {
        yield return finding.Criterion.Id + "=" + finding.Status switch
        {
            CriterionStatus.Documented => Documented,
            CriterionStatus.DocumentedAbsent => Absent,
            _ => NotMentioned,
        };
        if (finding.CitedByReview && finding.Criterion.Scope != CriterionScope.Review)
        {
            yield return finding.Criterion.Id + "=" + Cited;
        }
    }
}
