namespace ImrPredict.Core.Letters;

/// <summary>Why a letter could not be read. Stable names: they appear in JSON output and API errors.</summary>
public enum ParseErrorCode
{
    /// <summary>The input has no content.</summary>
    Empty,

    /// <summary>The input is larger than a letter can be.</summary>
    TooLarge,

    /// <summary>The letter was read but is over a limit of the service that received it (items per letter, text lengths).</summary>
    OverLimit,

    /// <summary>The input is binary data, not text.</summary>
    NotText,

    /// <summary>The PDF could not be opened or read.</summary>
    UnreadablePdf,

    /// <summary>The PDF has no text layer (a scanned image, for example) and OCR found no text in it either.</summary>
    NoTextLayer,

    /// <summary>The PDF is a scan and reading it needs OCR, which is not installed (Tesseract and poppler's pdftoppm).</summary>
    OcrUnavailable,

    /// <summary>OCR of a scanned PDF failed or took too long.</summary>
    OcrFailed,

    /// <summary>The text has none of the sections of an IMR determination letter.</summary>
    NotAnImrLetter,

    /// <summary>The letter has no "IMR ISSUES, DECISIONS AND RATIONALES" section.</summary>
    NoDecisionsSection,

    /// <summary>The decisions section holds no disputed item.</summary>
    NoItems,

    /// <summary>A disputed item's header carries no Upheld or Overturned decision.</summary>
    ItemWithoutDecision,

    /// <summary>A disputed item has no decision rationale.</summary>
    ItemWithoutRationale,

    /// <summary>The letter ends in the middle of an item.</summary>
    Truncated,

    /// <summary>The file could not be read from disk.</summary>
    IoError,
}
