using Lucene.Net.Util;

namespace ImrPredict.Search;

/// <summary>The one Lucene version this project writes and reads.</summary>
public static class SearchVersion
{
    /// <summary>Lucene 4.8 compatibility.</summary>
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;
}
