using System.Diagnostics.CodeAnalysis;

namespace ImrPredict.Core.Letters;

/// <summary>Why a letter could not be read. Stable names: they appear in JSON output and API errors.</summary>
public enum ParseErrorCode
{
    /// <summary>The input has no content.</summary>
    Empty,

    /// <summary>The input is larger than a letter can be.</summary>
    TooLarge,

    /// <summary>The input is binary data, not text.</summary>
    NotText,

    /// <summary>The PDF could not be opened or read.</summary>
    UnreadablePdf,

    /// <summary>The PDF has no text layer (a scanned image, for example).</summary>
    NoTextLayer,

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

/// <summary>A precise reason a letter could not be read.</summary>
/// <param name="Code">The kind of problem.</param>
/// <param name="Message">What is wrong, naming the part of the letter concerned.</param>
public sealed record ParseError(ParseErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Either a value or a <see cref="ParseError"/>; bad input never throws.</summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
public readonly struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, ParseError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when parsing failed.</summary>
    public ParseError? Error { get; }

    /// <summary>Whether parsing succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The parsed value; throws when parsing failed, so check <see cref="Success"/> first.</summary>
    public T Value => Error is null
        ? _value!
        : throw new InvalidOperationException($"The parse failed ({Error}); check Success before reading Value.");

    /// <summary>Gets the value when parsing succeeded.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>A successful result.</summary>
    public static ParseResult<T> Ok(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ParseResult<T> Fail(ParseErrorCode code, string message) => new(default, new ParseError(code, message));

    /// <summary>A failed result carrying an existing error.</summary>
    public static ParseResult<T> Fail(ParseError error) => new(default, error);

    /// <summary>Converts a value into a successful result.</summary>
    public static implicit operator ParseResult<T>(T value) => Ok(value);

    /// <summary>Converts an error into a failed result.</summary>
    public static implicit operator ParseResult<T>(ParseError error) => Fail(error);
}
