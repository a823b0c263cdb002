namespace ImrPredict.Application.Letters;

/// <summary>A letter that could not be read and was not added.</summary>
/// <param name="Index">Its position in the call.</param>
/// <param name="Source">The caller's name for it.</param>
/// <param name="Code">The parser's code, e.g. <c>NotAnImrLetter</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LetterRejection(int Index, string Source, string Code, string Message);
