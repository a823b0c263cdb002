namespace ImrPredict.Core.Tests;

/// <summary>
/// Every shared letter as the text other extractors give (poppler's pdftotext plain and -layout, MuPDF), with
/// a footer line ("CM16-0213037    Page 2 of 4") at every page break: each reads to the same case number,
/// items, decisions and requested items as its PDF.
/// </summary>
public sealed class ExtractorFormTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imr-extractors-");

    public void Dispose() => _directory.Delete(recursive: true);

    public static TheoryData<string> Extractors() => ["pdftotext", "pdftotext -layout", "mutool"];

    [Theory]
    [MemberData(nameof(Extractors))]
    public void Every_shared_letter_reads_the_same_from_another_extractors_text_with_page_footers(string extractor)
    {
        var folder = SharedData.LettersPdf;
        var tool = extractor.StartsWith("mutool", StringComparison.Ordinal)
            ? ExternalTools.Require("mutool", "mupdf-tools")
            : ExternalTools.Require("pdftotext", "poppler-utils");
        var pdfs = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var footers = 0;
        foreach (var pdf in pdfs)
        {
            var expected = LetterReader.ReadFile(pdf);
            Assert.True(expected.Success, $"{pdf}: {expected.Error}");
            var textFile = Path.Combine(_directory.FullName, Path.GetFileNameWithoutExtension(pdf) + ".txt");
            if (extractor == "mutool")
            {
                ExternalTools.Run(tool, "draw", "-q", "-F", "txt", "-o", textFile, pdf);
            }
            else
            {
                ExternalTools.Run(tool, extractor.EndsWith("-layout", StringComparison.Ordinal) ? ["-layout", pdf, textFile] : [pdf, textFile]);
            }

            var text = WithFooters(File.ReadAllText(textFile), expected.Value.LetterId, ref footers);

            var actual = LetterTextParser.Parse(text);

            if (!actual.Success)
            {
                failures.Add($"{Path.GetFileName(pdf)}: {actual.Error}");
            }
            else if (Describe(actual.Value) != Describe(expected.Value))
            {
                failures.Add($"{Path.GetFileName(pdf)}: expected {Describe(expected.Value)}, got {Describe(actual.Value)}");
            }
        }

        Assert.True(pdfs.Count >= 100, $"the shared folder holds {pdfs.Count} letters");
        Assert.True(footers > pdfs.Count, $"only {footers} page breaks were given footers");
        Assert.True(failures.Count == 0, $"{failures.Count} of {pdfs.Count} letters differ through {extractor}; first: {failures.FirstOrDefault()}");
    }

    /// <summary>Puts "CASE    Page n of m" before each form feed and at the end.</summary>
    private static string WithFooters(string text, string caseNumber, ref int footers)
    {
        var pages = text.Split('\f');
        var total = pages.Length;
        footers += total;
        return string.Join('\f', pages.Select((page, i) => $"{page}\n{caseNumber}    Page {i + 1} of {total}\n"));
    }

    private static string Describe(ImrLetter letter) =>
        $"{letter.Header.CaseNumber} [{string.Join(" | ", letter.Items.Select(i => $"{i.RequestedItem}: {i.Decision}"))}]";
}
