namespace ImrPredict.Core.Letters;

/// <summary>Something odd in a letter that still parsed.</summary>
/// <param name="Code">What kind of oddity.</param>
/// <param name="Message">What and where, for a person.</param>
public sealed record ParseWarning(ParseWarningCode Code, string Message);
