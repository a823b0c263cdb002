using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>IMR case numbers (CMyy-nnnnnnn), read leniently where OCR puts letters for digits.</summary>
internal static class CaseNumbers
{
    /// <summary>A case number as OCR may give it: O or o for 0, l or I for 1.</summary>
    public const string Pattern = @"C[MN]\s?[0-9OoIl]{2}\s?-\s?[0-9OoIl]{5,8}";

    /// <summary>Upper-cases a case number and puts digits where OCR put look-alike letters.</summary>
    public static string Normalize(string value, ICollection<ParseWarning> warnings)
    {
        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var corrected = "CM" + Digits.Correct(compact[2..]);
        if (!compact.Equals(corrected, StringComparison.Ordinal) && !compact.Equals(corrected, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new ParseWarning(ParseWarningCode.DigitsCorrected, $"the case number '{value}' was read as {corrected}"));
        }

        return corrected;
    }

}
