using ImrPredict.Server.V1;

namespace ImrPredict.Server.Auditing;

/// <summary>The ids an audit record keeps of a call: the precedents and letters it returned or changed; never their text.</summary>
public static class AuditedIds
{
    /// <summary>
    /// The calls audited: every one that reads or changes clinical text, lists the letters kept (their sources and case
    /// numbers), and reloads. Model info, reports and names hold none.
    /// </summary>
    public static IReadOnlySet<string> Actions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Predict", "PredictLetter", "RankCases", "RankCasesStream", "SearchPrecedents", "GetPrecedent", "AddDeterminations", "DeleteDetermination",
        "ListDeterminations", "ReloadModel",
    };

    /// <summary>The precedent ids and letter ids of a call's request and response (null when it failed).</summary>
    public static (IReadOnlyList<string> Precedents, IReadOnlyList<string> Letters) Of(object? request, object? response)
    {
        IEnumerable<PrecedentHit> hits = response switch
        {
            SearchPrecedentsResponse search => search.Hits,
            PrecedentDetail detail => [detail.Hit],
            PredictResponse predicted => predicted.Items.SelectMany(item => item.Precedents),
            PredictLetterResponse letter => letter.Prediction?.Items.SelectMany(item => item.Precedents) ?? [],
            _ => [],
        };
        var returned = hits.Where(hit => hit is not null).ToList();
        var precedents = returned.Select(hit => hit.Id).Distinct(StringComparer.Ordinal).ToList();
        IEnumerable<string> letters = (request, response) switch
        {
            (_, AddDeterminationsResponse added) => added.LetterIds,
            (_, ListDeterminationsResponse listed) => listed.Letters.Select(l => l.LetterId),
            (DeleteDeterminationRequest delete, _) => [delete.LetterId],
            (_, PrecedentDetail detail) => [detail.Hit.LetterId],
            (_, PredictLetterResponse letter) => [letter.LetterId],
            _ => [],
        };
        var letterIds = letters.Concat(returned.Select(hit => hit.LetterId))
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (precedents, letterIds);
    }
}
