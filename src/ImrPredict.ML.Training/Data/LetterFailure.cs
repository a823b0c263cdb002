using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.ML.Data;

/// <summary>A letter file that could not be read, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Error">The parse error.</param>
public sealed record LetterFailure(string Path, Error<ParseErrorCode> Error);
