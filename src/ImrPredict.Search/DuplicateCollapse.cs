using Lucene.Net.Search;

namespace ImrPredict.Search;

/// <summary>
/// Folds near-duplicate rationales (form letters, copied paragraphs) into the highest-ranked one, on MinHash
/// signatures kept in doc values, so no stored field is read per candidate; documents are read only for the hits returned.
/// </summary>
internal static class DuplicateCollapse
{
    /// <summary>A kept candidate: its document, score and how many lower-ranked duplicates were folded into it.</summary>
    public readonly record struct Kept(int Doc, float Score, int Collapsed);

    /// <summary>The candidates in rank order with duplicates folded, stopping once <paramref name="enough"/> are kept.</summary>
    public static List<Kept> Apply(IndexSearcher searcher, IReadOnlyList<ScoreDoc> candidates, double similarity, int enough, bool collapse)
    {
        var kept = new List<Kept>();
        var signatures = new List<ulong[]>();
        foreach (var candidate in candidates)
        {
            if (collapse)
            {
                var signature = PrecedentSchema.Signature(searcher.IndexReader, candidate.Doc);
                var duplicateOf = signatures.FindIndex(s => RationaleSignature.Similarity(s, signature) >= similarity);
                if (duplicateOf >= 0)
                {
                    kept[duplicateOf] = kept[duplicateOf] with { Collapsed = kept[duplicateOf].Collapsed + 1 };
                    continue;
                }

                signatures.Add(signature);
            }

            kept.Add(new Kept(candidate.Doc, candidate.Score, 0));
            if (kept.Count >= enough)
            {
                break;
            }
        }

        return kept;
    }
}
