using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ImrPredict.Search;

/// <summary>The one Lucene version this project writes and reads.</summary>
public static class SearchVersion
{
    /// <summary>Lucene 4.8 compatibility.</summary>
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;
}
