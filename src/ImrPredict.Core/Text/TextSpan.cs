namespace ImrPredict.Core.Text;

/// <summary>A range of characters in a text: <c>text[Start..End]</c>, in UTF-16 code units (as .NET and JavaScript index strings).</summary>
/// <param name="Start">The first character.</param>
/// <param name="End">One past the last character.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Characters covered.</summary>
    public int Length => End - Start;

    /// <summary>Whether the two spans share a character or touch.</summary>
    public bool OverlapsOrTouches(TextSpan other) => Start <= other.End && other.Start <= End;
}
