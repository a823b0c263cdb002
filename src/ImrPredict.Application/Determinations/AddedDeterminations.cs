namespace ImrPredict.Application.Determinations;

/// <summary>What an add did: letters and items kept, and the letters refused.</summary>
/// <param name="LettersAdded">Letters added (or replaced, by letter id).</param>
/// <param name="ItemsAdded">Their disputed items.</param>
/// <param name="Precedents">Items in the index afterwards.</param>
/// <param name="Rejections">Letters that could not be read.</param>
public sealed record AddedDeterminations(int LettersAdded, int ItemsAdded, int Precedents, IReadOnlyList<LetterRejection> Rejections);
