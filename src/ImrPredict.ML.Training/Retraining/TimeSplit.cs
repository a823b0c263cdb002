using ImrPredict.Core.Letters;
using ImrPredict.ML.Data;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>
/// Letters split by decision date: the most recent decisions held out (a challenger and the champion are scored on a
/// period neither chose), the rest to train on. Whole letters go to one side; letters without a decision date cannot be
/// placed in time and are trained on.
/// </summary>
/// <param name="Training">Letters decided before the held-out period (and undated ones).</param>
/// <param name="Holdout">The most recent letters.</param>
/// <param name="HoldoutFrom">The first decision date held out.</param>
/// <param name="HoldoutThrough">The last decision date held out.</param>
public sealed record TimeSplit(IReadOnlyList<ImrLetter> Training, IReadOnlyList<ImrLetter> Holdout, DateOnly HoldoutFrom, DateOnly HoldoutThrough)
{
    /// <summary>Items held out.</summary>
    public int HoldoutItems => Holdout.Sum(l => l.Items.Count);

    /// <summary>Overturned items held out.</summary>
    public int HoldoutOverturned => Holdout.Sum(l => l.Items.Count(i => i.Decision == Decision.Overturned));

    /// <summary>
    /// Holds out the latest <paramref name="share"/> of items by decision date, extended to earlier letters until at
    /// least <paramref name="minimumOverturned"/> overturned items are held out (so the comparison has positives to rank),
    /// but never more than half the items. Null when the letters are too few or undated to split.
    /// </summary>
    public static TimeSplit? Latest(IReadOnlyList<ImrLetter> letters, double share, int minimumOverturned)
    {
        var dated = letters.Where(l => l.Header.DecisionDate is not null)
            .OrderByDescending(l => l.Header.DecisionDate).ThenByDescending(l => l.LetterId, StringComparer.Ordinal)
            .ToList();
        var totalItems = letters.Sum(l => l.Items.Count);
        if (dated.Count < 2 || totalItems == 0)
        {
            return null;
        }

        var holdout = new List<ImrLetter>();
        int items = 0, overturned = 0;
        foreach (var letter in dated)
        {
            var enough = items >= share * totalItems && overturned >= minimumOverturned;
            // A date is never cut in two: letters decided on the same day go to the same side.
            var sameDay = holdout.Count > 0 && holdout[^1].Header.DecisionDate == letter.Header.DecisionDate;
            if ((enough && !sameDay) || items + letter.Items.Count > totalItems / 2)
            {
                break;
            }

            holdout.Add(letter);
            items += letter.Items.Count;
            overturned += letter.Items.Count(i => i.Decision == Decision.Overturned);
        }

        if (holdout.Count == 0 || holdout.Count == letters.Count)
        {
            return null;
        }

        var held = holdout.Select(l => l.LetterId).ToHashSet(StringComparer.Ordinal);
        return new TimeSplit(
            letters.Where(l => !held.Contains(l.LetterId)).ToList(),
            holdout,
            holdout.Min(l => l.Header.DecisionDate!.Value),
            holdout.Max(l => l.Header.DecisionDate!.Value));
    }

    /// <summary>The item rows of letters.</summary>
    public static List<ItemRow> RowsOf(IEnumerable<ImrLetter> letters) => letters.SelectMany(ItemRows.From).ToList();
}
