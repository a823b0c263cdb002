namespace ImrPredict.Core.Tests;

/// <summary>
/// Scans: 20 shared letters drawn as images (pdftoppm -r 200) and put back into image-only PDFs (img2pdf) are
/// read by OCR. At least 19 recover the case number, item count and every decision; the others fail with a
/// clear error, never a wrong decision.
/// </summary>
public sealed class OcrTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imr-ocr-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Scanned_letters_are_read_by_ocr_with_their_case_numbers_and_decisions()
    {
        var folder = SharedData.LettersPdf;
        var pdftoppm = ExternalTools.Require("pdftoppm", "poppler-utils");
        var img2pdf = ExternalTools.Require("img2pdf", "img2pdf");
        ExternalTools.Require("tesseract", "tesseract-ocr");
        var pdfs = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).Take(20).ToList();
        var recovered = 0;
        var failures = new List<string>();
        foreach (var pdf in pdfs)
        {
            var expected = LetterReader.ReadFile(pdf).Value;
            var scan = Scan(pdf, pdftoppm, img2pdf);
            Assert.Equal(ParseErrorCode.NoTextLayer, LetterReader.ExtractPdfText(File.ReadAllBytes(scan)).Error!.Code);

            var result = LetterReader.ReadFile(scan);

            if (!result.TryGetValue(out var letter))
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
                failures.Add($"{Path.GetFileName(pdf)}: {result.Error}");
                continue;
            }

            Assert.Equal(LetterFormat.ScannedPdf, letter.Format);
            Assert.Contains(letter.Warnings, w => w.Code == ParseWarningCode.Ocr);

            // A letter read with the wrong number of items or a wrong decision is a silent error: never allowed.
            Assert.Equal(expected.Items.Select(i => i.Decision), letter.Items.Select(i => i.Decision));
            if (letter.Header.CaseNumber == expected.Header.CaseNumber)
            {
                recovered++;
            }
            else
            {
                failures.Add($"{Path.GetFileName(pdf)}: case number {letter.Header.CaseNumber} instead of {expected.Header.CaseNumber}");
            }
        }

        Assert.True(recovered >= 19, $"{recovered} of {pdfs.Count} scans recovered; failures: {string.Join("; ", failures)}");
    }

    private string Scan(string pdf, string pdftoppm, string img2pdf)
    {
        var name = Path.GetFileNameWithoutExtension(pdf);
        var prefix = Path.Combine(_directory.FullName, name);
        ExternalTools.Run(pdftoppm, "-r", "200", "-png", pdf, prefix);
        var pages = Directory.GetFiles(_directory.FullName, name + "-*.png").Order(StringComparer.Ordinal).ToArray();
        var scan = prefix + ".scan.pdf";
        ExternalTools.Run(img2pdf, [.. pages, "-o", scan]);
        return scan;
    }
}
