using System.Diagnostics;
using System.Text;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads a scanned PDF (page images, no text layer) with OCR: poppler's <c>pdftoppm</c> draws each page and
/// Tesseract reads it, as processes, pages in parallel. Optional at run time: without the tools the error says
/// how to install them. Each process is bounded in time; the pages' text comes back in order, form feeds between.
/// </summary>
public static class TesseractOcr
{
    /// <summary>The most pages read from one scan; a letter is at most a few dozen.</summary>
    public const int MaxPages = 60;

    private const int Dpi = 300;
    private static readonly TimeSpan RasterTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(2);

    /// <summary>What to tell a user whose machine lacks the OCR tools.</summary>
    public const string InstallHint = "install Tesseract and poppler (Debian/Ubuntu: apt-get install tesseract-ocr poppler-utils; macOS: brew install tesseract poppler)";

    /// <summary>Whether both OCR tools are on the PATH.</summary>
    public static bool IsAvailable => ExecutablePath.Find("tesseract") is not null && ExecutablePath.Find("pdftoppm") is not null;

    /// <summary>The text of a scanned PDF, page by page.</summary>
    public static Result<string, ParseErrorCode> Read(byte[] pdf, int pages, CancellationToken cancellationToken = default)
    {
        var tesseract = ExecutablePath.Find("tesseract");
        var pdftoppm = ExecutablePath.Find("pdftoppm");
        if (tesseract is null || pdftoppm is null)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.OcrUnavailable,
                $"the PDF is a scan ({pages} page(s) of images, no text layer); reading it needs OCR: {InstallHint}");
        }

        if (pages > MaxPages)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.TooLarge, $"the scan has {pages} pages; OCR reads at most {MaxPages}");
        }

        var folder = Directory.CreateTempSubdirectory("imr-ocr-");
        try
        {
            var input = Path.Combine(folder.FullName, "scan.pdf");
            File.WriteAllBytes(input, pdf);
            var raster = Run(pdftoppm, ["-r", Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", input, Path.Combine(folder.FullName, "page")], RasterTimeout, cancellationToken);
            if (raster.Error is { } rasterError)
            {
                return Result<string, ParseErrorCode>.Fail(ParseErrorCode.OcrFailed, $"pdftoppm could not draw the scan's pages: {rasterError}");
            }

            var images = Directory.GetFiles(folder.FullName, "page*.png").Order(StringComparer.Ordinal).ToArray();
            if (images.Length == 0)
            {
                return Result<string, ParseErrorCode>.Fail(ParseErrorCode.OcrFailed, "pdftoppm drew no pages from the scan");
            }

            var texts = new string?[images.Length];
            string? failure = null;
            Parallel.For(0, images.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
            {
                var page = Run(tesseract, [images[i], "stdout"], PageTimeout, cancellationToken);
                if (page.Error is { } error)
                {
                    failure ??= $"Tesseract could not read page {i + 1}: {error}";
                }

                texts[i] = page.Output;
            });
            if (failure is not null)
            {
                return Result<string, ParseErrorCode>.Fail(ParseErrorCode.OcrFailed, failure);
            }

            var text = string.Join("\n\f\n", texts);
            return string.IsNullOrWhiteSpace(text)
                ? Result<string, ParseErrorCode>.Fail(ParseErrorCode.NoTextLayer, $"the PDF has {pages} page(s) but no text layer, and OCR found no text on them")
                : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.OcrFailed, $"OCR needs a temporary folder: {e.Message}");
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A page image still held open is removed with the temporary folder's next cleaning.
            }
        }
    }

    private static (string Output, string? Error) Run(string tool, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // One thread per Tesseract process: pages already run in parallel.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (string.Empty, $"{Path.GetFileName(tool)} took longer than {timeout.TotalSeconds:N0} s");
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? (output.Result, null)
                : (string.Empty, $"{Path.GetFileName(tool)} exited with code {process.ExitCode}: {Shorten(error.Result)}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or AggregateException)
        {
            return (string.Empty, $"{Path.GetFileName(tool)} could not run: {e.Message}");
        }
    }

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 200 ? trimmed : trimmed[..200] + "...";
    }
}
