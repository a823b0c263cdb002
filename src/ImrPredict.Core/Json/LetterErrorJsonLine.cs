using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Json;

/// <summary>One line of <c>imr parse</c> output for a letter that could not be read.</summary>
/// <param name="Source">Where the letter came from.</param>
/// <param name="Error">What is wrong.</param>
public sealed record LetterErrorJsonLine(string Source, ErrorJson Error)
{
    /// <summary>The line for a parse error.</summary>
    public static LetterErrorJsonLine From(string source, Error<ParseErrorCode> error) =>
        new(source, new ErrorJson(error.Code.ToString(), error.Message));
}
