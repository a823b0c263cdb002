using ImrPredict.Core.Parsing;
using ImrPredict.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ImrPredict.Bench;

/// <summary>
/// Parse throughput on the shared letters, single-threaded: letters/s for the text forms (the seeds and
/// the PDFs' extracted text) and pages/s for PDF files, next to PdfPig's own extraction rate.
/// </summary>
internal static class ParseBenchmark
{
    public static int Run(string[] args)
    {
        var shared = SharedDataLocation.Find();
        if (shared is null)
        {
            Console.WriteLine("parse benchmark skipped: ../shared is absent (it reads the real letters in place)");
            return 0;
        }

        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
        var pdfFiles = Directory.GetFiles(Path.Combine(shared, "data", "letters", "pdf"), "*.pdf").Order().ToArray();
        var pdfBytes = pdfFiles.Select(File.ReadAllBytes).ToArray();
        var pages = pdfBytes.Sum(b => { using var d = PdfDocument.Open(b); return d.NumberOfPages; });
        var extracted = pdfBytes.Select(b => LetterReader.ExtractPdfText(b).Value).ToArray();
        var seeds = Directory.GetFiles(Path.Combine(shared, "data", "letters", "seeds"), "*.txt").Select(File.ReadAllText).ToArray();

        // Text: the 134 extracted texts (PDF-text form) and the seeds (both forms), repeated to about 1,000 letters per run.
        var texts = Enumerable.Repeat(extracted.Concat(seeds), 7).SelectMany(t => t).ToArray();
        var textSeconds = BenchSupport.MedianSeconds(runs, () =>
        {
            foreach (var text in texts)
            {
                if (!LetterTextParser.Parse(text).Success)
                {
                    throw new InvalidOperationException("a benchmark letter failed to parse");
                }
            }
        });

        var pdfSeconds = BenchSupport.MedianSeconds(runs, () =>
        {
            foreach (var bytes in pdfBytes)
            {
                if (!LetterReader.ReadBytes(bytes).Success)
                {
                    throw new InvalidOperationException("a benchmark PDF failed to parse");
                }
            }
        });

        var pdfPigSeconds = BenchSupport.MedianSeconds(runs, () =>
        {
            foreach (var bytes in pdfBytes)
            {
                using var document = PdfDocument.Open(bytes);
                foreach (var page in document.GetPages())
                {
                    _ = ContentOrderTextExtractor.GetText(page);
                }
            }
        });

        var pdfPigRawSeconds = BenchSupport.MedianSeconds(runs, () =>
        {
            foreach (var bytes in pdfBytes)
            {
                using var document = PdfDocument.Open(bytes);
                foreach (var page in document.GetPages())
                {
                    _ = page.Text;
                }
            }
        });

        Console.WriteLine($"parse benchmark: median of {runs} runs, single-threaded");
        Console.WriteLine($"  text letters    : {texts.Length / textSeconds,10:N0} letters/s  ({texts.Length} letters in {textSeconds * 1000:N1} ms)   target >= 2,000");
        Console.WriteLine($"  PDF letters     : {pages / pdfSeconds,10:N0} pages/s    ({pdfFiles.Length} letters, {pages} pages in {pdfSeconds * 1000:N1} ms)   target >= 150");
        Console.WriteLine($"  PdfPig reading-order extraction alone: {pages / pdfPigSeconds,10:N0} pages/s; page.Text alone: {pages / pdfPigRawSeconds:N0} pages/s");
        Console.WriteLine($"  ratio ours/PdfPig reading-order: {pdfPigSeconds / pdfSeconds:P0}");
        return 0;
    }
}
