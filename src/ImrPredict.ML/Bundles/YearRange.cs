namespace ImrPredict.ML.Bundles;

/// <summary>An inclusive range of report years.</summary>
/// <param name="From">First year.</param>
/// <param name="To">Last year.</param>
public sealed record YearRange(int From, int To)
{
    /// <summary>Parses "2001-2013", "..2013" or "2014..": null when the text is not a range.</summary>
    public static YearRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Replace("..", "-", StringComparison.Ordinal).Split('-');
        if (parts.Length != 2)
        {
            return null;
        }

        var from = parts[0].Length == 0 ? 0 : int.TryParse(parts[0], out var f) ? f : -1;
        var to = parts[1].Length == 0 ? 9999 : int.TryParse(parts[1], out var t) ? t : -1;
        return from < 0 || to < 0 || from > to ? null : new YearRange(from, to);
    }

    /// <summary>Whether <paramref name="year"/> is in the range.</summary>
    public bool Contains(int year) => year >= From && year <= To;
}
