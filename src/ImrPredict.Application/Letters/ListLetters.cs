using ImrPredict.Application.Storage;
using ImrPredict.Core.Results;
using ImrPredict.Store;

namespace ImrPredict.Application.Letters;

/// <summary>The letters added, refused or deleted last, newest first: what an operator checks after adding letters.</summary>
public sealed class ListLetters(LetterStoreHost stores)
{
    /// <summary>The most letters one call lists.</summary>
    public const int MaxLetters = 500;

    /// <summary>Up to <paramref name="max"/> letters (0: 50).</summary>
    public Result<IReadOnlyList<LetterSummary>, ApplicationErrorCode> Run(int max)
    {
        if (max is < 0 or > MaxLetters)
        {
            return UseCaseErrors.Invalid(new FieldViolation("max", $"must be 0 (default 50) to {MaxLetters}"));
        }

        var opened = stores.Store();
        if (!opened.TryGetValue(out var store))
        {
            return UseCaseErrors.FromStore(opened.Error);
        }

        var recent = store.Recent(max == 0 ? 50 : max);
        return recent.TryGetValue(out var letters) ? Result<IReadOnlyList<LetterSummary>, ApplicationErrorCode>.Ok(letters) : UseCaseErrors.FromStore(recent.Error);
    }
}
