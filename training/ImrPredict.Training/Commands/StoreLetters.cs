using ImrPredict.Core.Results;

namespace ImrPredict.Training.Commands;

/// <summary>The decided letters of a store, as a training or retraining job reads them.</summary>
/// <param name="Letters">Parsed, undeleted letters within the decision-date window, in store order.</param>
/// <param name="Through">The store sequence they were read through (for reproducing the run).</param>
/// <param name="Description">Which store.</param>
/// <param name="Generated">How many of <paramref name="Letters"/> are generated demo letters (<see cref="GeneratedLetters"/>).</param>
internal sealed record StoreLetters(IReadOnlyList<ImrLetter> Letters, long Through, string Description, int Generated = 0)
{
    /// <summary>Reads the store at <paramref name="dataDirectory"/> (PostgreSQL from the environment) through its last sequence now.</summary>
    public static Result<StoreLetters, StoreErrorCode> Read(string dataDirectory, DateOnly? decidedFrom, DateOnly? decidedBefore, CancellationToken cancellationToken)
    {
        var opened = StoreLocation.Open(dataDirectory);
        if (!opened.TryGetValue(out var store))
        {
            return Result<StoreLetters, StoreErrorCode>.Fail(opened.Error);
        }

        using (store)
        {
            var counts = store.Counts();
            if (!counts.Success)
            {
                return Result<StoreLetters, StoreErrorCode>.Fail(counts.Error);
            }

            var through = counts.Value.LastSequence;
            var letters = new List<ImrLetter>();
            var generated = 0;
            var after = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = store.ChangesAfter(after, 2000);
                if (!page.TryGetValue(out var changes))
                {
                    return Result<StoreLetters, StoreErrorCode>.Fail(page.Error);
                }

                var due = changes.Where(c => c.Sequence <= through).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var change in due.Where(c => c.Letter is { } l
                    && (decidedFrom is null || l.Header.DecisionDate >= decidedFrom) && (decidedBefore is null || l.Header.DecisionDate < decidedBefore)))
                {
                    letters.Add(change.Letter!);
                    generated += change.Generated ? 1 : 0;
                }

                after = due[^1].Sequence;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new StoreLetters(letters, through, store.Description, generated);
        }
    }
}
