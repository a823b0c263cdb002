using System.Text;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads letters from files or bytes in any supported form (PDF, PDF-extracted text, markdown/HTML),
/// with size limits and binary detection. Never throws for bad input.
/// </summary>
public static class LetterReader
{
    /// <summary>The largest text letter accepted; real letters are tens of kilobytes.</summary>
    public const long MaxTextBytes = 4L * 1024 * 1024;

    /// <summary>The largest PDF letter accepted.</summary>
    public const long MaxPdfBytes = 32L * 1024 * 1024;

    /// <summary>File extensions read when a folder is given.</summary>
    public static IReadOnlySet<string> LetterExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pdf", ".txt", ".md", ".markdown", ".html", ".htm" };

    /// <summary>Reads and parses one letter file.</summary>
    public static Result<ImrLetter, ParseErrorCode> ReadFile(string path)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.IoError, $"no file at '{path}'");
            }

            var limit = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? MaxPdfBytes : Math.Max(MaxTextBytes, MaxPdfBytes);
            if (info.Length > limit)
            {
                return TooLarge(info.Length, limit);
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.IoError, $"cannot read '{path}': {e.Message}");
        }

        return ReadBytes(content);
    }

    /// <summary>Parses a letter given as bytes: a PDF (by its <c>%PDF-</c> signature) or UTF-8 text.</summary>
    public static Result<ImrLetter, ParseErrorCode> ReadBytes(byte[] content)
    {
        if (content.Length == 0)
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.Empty, "the file is empty");
        }

        if (IsPdf(content))
        {
            var text = ExtractPdfText(content, out var pages);
            if (text.Success)
            {
                return LetterTextParser.Parse(text.Value, LetterFormat.Pdf);
            }

            return text.Error.Code == ParseErrorCode.NoTextLayer ? ReadScan(content, pages) : Result<ImrLetter, ParseErrorCode>.Fail(text.Error);
        }

        var decoded = DecodeText(content);
        return decoded.Success ? LetterTextParser.Parse(decoded.Value) : Result<ImrLetter, ParseErrorCode>.Fail(decoded.Error);
    }

    /// <summary>Reads a PDF without a text layer by OCR; the letter carries an <see cref="ParseWarningCode.Ocr"/> warning.</summary>
    private static Result<ImrLetter, ParseErrorCode> ReadScan(byte[] content, int pages)
    {
        var ocr = TesseractOcr.Read(content, pages);
        if (!ocr.TryGetValue(out var text))
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(ocr.Error!);
        }

        var parsed = LetterTextParser.Parse(text, LetterFormat.ScannedPdf);
        if (!parsed.TryGetValue(out var letter))
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(parsed.Error! with { Message = parsed.Error!.Message + " (the letter was read by OCR from a scan)" });
        }

        return letter with { Warnings = [new ParseWarning(ParseWarningCode.Ocr, "the letter is a scan read by OCR; check names, numbers and dates"), .. letter.Warnings] };
    }

    /// <summary>Whether the bytes start with the PDF signature.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    /// <summary>Decodes UTF-8 text, refusing binary data and oversized input.</summary>
    public static Result<string, ParseErrorCode> DecodeText(byte[] content)
    {
        if (content.Length > MaxTextBytes)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.TooLarge,
                $"the text is {content.Length:N0} bytes; a letter is at most {MaxTextBytes:N0} bytes");
        }

        var sample = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return Result<string, ParseErrorCode>.Fail(ParseErrorCode.NotText, "the file is binary data (it holds NUL bytes), not a letter's text or a PDF");
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not (byte)'\f')
            {
                control++;
            }
        }

        if (control > sample.Length / 100 + 1)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.NotText, "the file is binary data (control characters), not a letter's text or a PDF");
        }

        var text = new UTF8Encoding(false, false).GetString(content);
        var replaced = text.Count(c => c == '\uFFFD');
        if (replaced > text.Length / 50 + 1)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.NotText, "the file is not UTF-8 text or a PDF");
        }

        return text.TrimStart('\uFEFF');
    }

    /// <summary>Extracts a PDF's text page by page in reading order, lines kept.</summary>
    public static Result<string, ParseErrorCode> ExtractPdfText(byte[] content) => ExtractPdfText(content, out _);

    private static Result<string, ParseErrorCode> ExtractPdfText(byte[] content, out int pages)
    {
        pages = 0;
        if (content.Length > MaxPdfBytes)
        {
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.TooLarge,
                $"the PDF is {content.Length:N0} bytes; a letter is at most {MaxPdfBytes:N0} bytes");
        }

        try
        {
            using var document = PdfDocument.Open(content);
            pages = document.NumberOfPages;
            var builder = new StringBuilder();
            foreach (var page in document.GetPages())
            {
                builder.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
            }

            if (string.IsNullOrWhiteSpace(builder.ToString()))
            {
                return Result<string, ParseErrorCode>.Fail(ParseErrorCode.NoTextLayer,
                    $"the PDF has {pages} page(s) but no text layer (a scanned image?)");
            }

            return builder.ToString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig signals damaged files with many exception types; all of them mean the same to a caller.
            return Result<string, ParseErrorCode>.Fail(ParseErrorCode.UnreadablePdf, $"the PDF cannot be read: {e.Message}");
        }
    }

    /// <summary>Expands files and folders (recursively) into letter files, sorted for a stable order.</summary>
    public static IEnumerable<string> EnumerateLetterFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => LetterExtensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static Result<ImrLetter, ParseErrorCode> TooLarge(long length, long limit) =>
        Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.TooLarge, $"the file is {length:N0} bytes; a letter is at most {limit:N0} bytes");
}
