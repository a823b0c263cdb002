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

        var runs = BenchArgs.At(args, 0, 7);
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
        Furniture(extracted, runs);
        Ocr(pdfFiles);
        return 0;
    }

    /// <summary>The extracted texts with a case-number footer and a running header at every page break: share read exactly, and speed.</summary>
    private static void Furniture(string[] extracted, int runs)
    {
        var clean = extracted.Select(t => LetterTextParser.Parse(t).Value).ToArray();
        var laden = extracted.Select((text, i) =>
        {
            var pages = text.Split('\f');
            return string.Join('\f', pages.Select((page, p) =>
                (p > 0 ? "Independent Medical Review Final Determination\n" : string.Empty) + page + $"\n{clean[i].LetterId}    Page {p + 1} of {pages.Length}\n"));
        }).ToArray();
        var exact = laden.Select((text, i) => LetterTextParser.Parse(text)).Where((r, i) => r.Success
            && r.Value.LetterId == clean[i].LetterId
            && r.Value.Items.Select(x => (x.RequestedItem, x.Decision, x.Rationale)).SequenceEqual(clean[i].Items.Select(x => (x.RequestedItem, x.Decision, x.Rationale)))
            && r.Value.ClinicalSummary == clean[i].ClinicalSummary).Count();
        var seconds = BenchSupport.MedianSeconds(runs, () =>
        {
            foreach (var text in laden)
            {
                _ = LetterTextParser.Parse(text);
            }
        });
        Console.WriteLine($"  furniture-laden text: {exact} of {laden.Length} read exactly as without furniture ({(double)exact / laden.Length:P1}); {laden.Length / seconds:N0} letters/s");
    }

    /// <summary>Scans of the first five letters (pdftoppm -r 200, img2pdf) read by OCR: pages/s, once (OCR is slow).</summary>
    private static void Ocr(string[] pdfFiles)
    {
        if (!TesseractOcr.IsAvailable || ExecutablePath.Find("img2pdf") is null)
        {
            Console.WriteLine($"  OCR: skipped (needs tesseract, pdftoppm and img2pdf: {TesseractOcr.InstallHint} img2pdf)");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("imr-bench-ocr-");
        try
        {
            var scans = pdfFiles.Take(5).Select(pdf =>
            {
                var prefix = Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(pdf));
                Run("pdftoppm", "-r", "200", "-png", pdf, prefix);
                var images = Directory.GetFiles(folder.FullName, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal).ToArray();
                Run("img2pdf", [.. images, "-o", prefix + ".scan.pdf"]);
                return (Bytes: File.ReadAllBytes(prefix + ".scan.pdf"), Pages: images.Length, Expected: LetterReader.ReadFile(pdf).Value);
            }).ToArray();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var results = scans.Select(s => LetterReader.ReadBytes(s.Bytes)).ToArray();
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var right = results.Where((r, i) => r.Success && r.Value.LetterId == scans[i].Expected.LetterId
                && r.Value.Items.Select(x => x.Decision).SequenceEqual(scans[i].Expected.Items.Select(x => x.Decision))).Count();
            var pages = scans.Sum(s => s.Pages);
            Console.WriteLine($"  OCR (scans at 200 dpi, read at 300): {pages / seconds:N2} pages/s ({pages} pages in {seconds:N1} s, {Environment.ProcessorCount} cores); {right} of {scans.Length} with case number and every decision");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }
}
