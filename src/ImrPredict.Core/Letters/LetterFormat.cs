namespace ImrPredict.Core.Letters;

/// <summary>The form a letter was read from.</summary>
public enum LetterFormat
{
    /// <summary>Markdown or HTML export (<c>&lt;b&gt;Case Number:&lt;/b&gt;</c>, <c>**Item:** Upheld</c>).</summary>
    Markdown,

    /// <summary>Hard-wrapped plain text as PDF text extraction gives it.</summary>
    PdfText,

    /// <summary>A PDF file read through its text layer.</summary>
    Pdf,

    /// <summary>A scanned PDF (images, no text layer) read by OCR.</summary>
    ScannedPdf,
}
