namespace ImrPredict.Application.Letters;

/// <summary>What an add did: letters and items kept, the letters refused and how far the store has come.</summary>
/// <param name="LettersAdded">Letters added (or replaced, by letter id).</param>
/// <param name="ItemsAdded">Their disputed items.</param>
/// <param name="Precedents">Items in the index afterwards.</param>
/// <param name="Rejections">Letters that could not be read (kept in the store with their errors all the same).</param>
/// <param name="Sequence">The store sequence of the last change the add made (or of the letters, when nothing changed).</param>
/// <param name="Searchable">Whether this replica's searches already show the letters (read-your-writes).</param>
/// <param name="Warnings">Letters kept that parsed with warnings.</param>
public sealed record AddedLetters(int LettersAdded, int ItemsAdded, int Precedents, IReadOnlyList<LetterRejection> Rejections, long Sequence, bool Searchable,
    IReadOnlyList<LetterWarnings> Warnings)
{
    /// <summary>The ids of every letter the add kept, refused ones (kept with their errors) included, in the add's order.</summary>
    public IReadOnlyList<string> LetterIds { get; init; } = [];
}
