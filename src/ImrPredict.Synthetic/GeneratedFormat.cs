namespace ImrPredict.Synthetic;

/// <summary>The forms <c>imr generate</c> writes.</summary>
public enum GeneratedFormat
{
    /// <summary>The markdown/HTML export form.</summary>
    Markdown,

    /// <summary>Hard-wrapped text as PDF extraction gives it.</summary>
    Text,

    /// <summary>Real PDF files.</summary>
    Pdf,

    /// <summary>Each letter in one of the three, drawn per letter.</summary>
    Mixed,
}
