using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>One change for the index to apply: a letter's items replaced by <paramref name="Letter"/>'s, or removed when it is null.</summary>
/// <param name="LetterId">The letter changed.</param>
/// <param name="Letter">The letter as it now is; null when deleted (or not readable as a letter).</param>
/// <param name="Generated">Whether it is a generated demo letter, whose items hits mark as such.</param>
public sealed record IndexChange(string LetterId, ImrLetter? Letter, bool Generated = false);
