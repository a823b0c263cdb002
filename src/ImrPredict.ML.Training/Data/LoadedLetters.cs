using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Data;

/// <summary>Rows from letter folders, in a stable order, with the letters that failed.</summary>
/// <param name="Rows">One row per disputed item.</param>
/// <param name="Parsed">The letters read, each once, in file order (for the precedent index built beside a model).</param>
/// <param name="Failures">Letters that could not be read.</param>
public sealed record LoadedLetters(IReadOnlyList<ItemRow> Rows, IReadOnlyList<ImrLetter> Parsed, IReadOnlyList<LetterFailure> Failures)
{
    /// <summary>Letters read.</summary>
    public int Letters => Parsed.Count;
}
