using ImrPredict.Core.Letters;

namespace ImrPredict.Application.Letters;

/// <summary>A letter that was kept but looked odd to the parser.</summary>
/// <param name="Index">Its position in the call.</param>
/// <param name="Source">The caller's name for it.</param>
/// <param name="LetterId">The id it was kept under.</param>
/// <param name="Warnings">What looked odd.</param>
public sealed record LetterWarnings(int Index, string Source, string LetterId, IReadOnlyList<ParseWarning> Warnings);
