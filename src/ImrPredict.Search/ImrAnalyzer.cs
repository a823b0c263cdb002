using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Util;

namespace ImrPredict.Search;

/// <summary>
/// English analysis tuned for IMR letters: strengths ("10/325mg"), quantities ("#90"), spinal levels
/// ("l4-l5") and scores ("8/10") stay single tokens; guideline names (MTUS, ACOEM, ODG) survive; plurals
/// fold gently (a minimal stemmer keeps drug names intact); "no" and "not" are kept because negation decides cases.
/// </summary>
public sealed class ImrAnalyzer : Analyzer
{
    private static readonly Regex Token = new(
        @"#\d+|\d+(?:[./]\d+)*(?:mg|mcg|ml|gm|g|%|cc)?|[a-z]\d(?:-[a-z]?\d)?|[a-z]+(?:'[a-z]+)?",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly CharArraySet StopWords = BuildStopWords();

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new PatternTokenizer(reader, Token, group: 0);
        TokenStream stream = new StopFilter(SearchVersion.Lucene, tokenizer, StopWords);
        stream = new EnglishPossessiveFilter(SearchVersion.Lucene, stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>
    /// Lower-cases the text as it is read, so the token pattern sees one case while offsets still point into the
    /// original. Applied on every use: reused token streams get their new reader through here too.
    /// </summary>
    protected override TextReader InitReader(string fieldName, TextReader reader) => new LowerCaseCharReader(reader);

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(SearchVersion.Lucene, 64, ignoreCase: true);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            var text = word ?? string.Empty;
            if (text is not ("no" or "not"))
            {
                set.Add(text);
            }
        }

        foreach (var word in new[] { "request", "requested", "patient", "injured", "worker", "applicant", "claimant", "he", "she", "his", "her" })
        {
            set.Add(word);
        }

        return set;
    }

    /// <summary>Lower-cases characters as they are read, one for one, so token offsets stay valid.</summary>
    private sealed class LowerCaseCharReader(TextReader inner) : TextReader
    {
        public override int Read() => inner.Read() is var c and >= 0 ? char.ToLowerInvariant((char)c) : -1;

        public override int Peek() => inner.Peek() is var c and >= 0 ? char.ToLowerInvariant((char)c) : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var read = inner.Read(buffer, index, count);
            for (var i = index; i < index + Math.Max(0, read); i++)
            {
                buffer[i] = char.ToLowerInvariant(buffer[i]);
            }

            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
