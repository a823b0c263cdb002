namespace ImrPredict.Search.Semantic;

/// <summary>
/// Reciprocal rank fusion: each list gives an item 1 / (k + rank); the sums order the union. It needs no calibration between
/// BM25 scores and cosines, and an item both lists rank well beats one that only one list ranks first.
/// </summary>
public static class RankFusion
{
    /// <summary>The usual constant (Cormack et al., 2009): larger flattens the difference between the first ranks.</summary>
    public const int DefaultK = 60;

    /// <summary>The fused order of <paramref name="lists"/> (each best first), with each key's fused score.</summary>
    public static IReadOnlyList<(T Key, float Score)> Fuse<T>(IEnumerable<IReadOnlyList<T>> lists, int k = DefaultK)
        where T : notnull
    {
        var scores = new Dictionary<T, float>();
        var firstSeen = new Dictionary<T, int>();
        foreach (var list in lists)
        {
            for (var rank = 0; rank < list.Count; rank++)
            {
                var key = list[rank];
                scores[key] = scores.GetValueOrDefault(key) + (1f / (k + rank + 1));
                firstSeen.TryAdd(key, firstSeen.Count);
            }
        }

        return scores.OrderByDescending(pair => pair.Value).ThenBy(pair => firstSeen[pair.Key]).Select(pair => (pair.Key, pair.Value)).ToList();
    }
}
