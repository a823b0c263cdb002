using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>Tells the letter layouts apart by the headings only each of them has.</summary>
internal static class LayoutDetector
{
    public static LetterLayout Detect(List<string> lines)
    {
        var layout = LetterLayout.FinalDetermination;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd(':', '.', ' ');
            if (line.Equals(LetterSections.ProfessionalReviewHeading, StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("ISSUE AT DISPUTE", StringComparison.OrdinalIgnoreCase))
            {
                return LetterLayout.MedicalProfessionalReview;
            }

            if (line.Equals(LetterSections.Notice2013Heading, StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("Notice of Independent Medical Review Determination", StringComparison.OrdinalIgnoreCase))
            {
                return LetterLayout.Notice2013;
            }

            if (line.Equals(LetterSections.Decisions2014Heading, StringComparison.OrdinalIgnoreCase)
                || line.Equals("Independent Medical Review Final Determination Letter", StringComparison.OrdinalIgnoreCase))
            {
                layout = LetterLayout.FinalDetermination2014;
            }
        }

        return layout;
    }
}
