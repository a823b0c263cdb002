using System.Globalization;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>Dates as letters write them (m/d/yyyy, m/d/yy), read leniently where OCR puts letters for digits.</summary>
internal static class Dates
{
    /// <summary>A date with OCR's look-alike letters allowed; at least its year must be digits.</summary>
    public const string Pattern = @"[0-9OoIl]{1,2}/[0-9OoIl]{1,2}/(?:\d{4}|\d{2})";

    /// <summary>Reads a date, correcting look-alike letters; null for an impossible date.</summary>
    public static DateOnly? Parse(string value, ICollection<ParseWarning>? warnings)
    {
        var corrected = Digits.Correct(value);
        string[] formats = ["M/d/yyyy", "M/d/yy"];
        if (!DateOnly.TryParseExact(corrected, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        if (!corrected.Equals(value, StringComparison.Ordinal))
        {
            warnings?.Add(new ParseWarning(ParseWarningCode.DigitsCorrected, $"the date '{value}' was read as {corrected}"));
        }

        return date;
    }
}
