using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ImrPredict.Core.Tests;

/// <summary>Bad input is a precise error, never an exception.</summary>
public class BadInputTests
{
    private const string Letter = """
        CLINICAL CASE SUMMARY
        The injured worker is a 50 year old male with chronic low back pain.
        IMR ISSUES, DECISIONS AND RATIONALES
        The Final Determination was based on decisions for the disputed items/services set forth below:
        Norco 10/325mg #120: Upheld
        Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines.
        MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 78.
        Decision rationale: The applicant remained off work. The request is not medically necessary.
        MRI of the lumbar spine: Overturned
        Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.
        MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.
        Decision rationale: There were clear neurological deficits. The request is medically necessary.
        """;

    [Fact]
    public void The_well_formed_letter_parses() =>
        Assert.Equal(2, LetterTextParser.Parse(Letter).Value.Items.Count);

    public static TheoryData<string, string, ParseErrorCode> BadTexts() => new()
    {
        { "empty", "", ParseErrorCode.Empty },
        { "white space", "  \n\r\n\t ", ParseErrorCode.Empty },
        { "not a letter", "Dear Sir, please find enclosed the invoice.", ParseErrorCode.NotAnImrLetter },
        { "no decisions section", Letter[..Letter.IndexOf("IMR ISSUES", StringComparison.Ordinal)], ParseErrorCode.NoDecisionsSection },
        { "decisions section without items", Letter[..Letter.IndexOf("Norco", StringComparison.Ordinal)], ParseErrorCode.NoItems },
        { "cut off mid-rationale", Letter[..Letter.IndexOf("clear neurological", StringComparison.Ordinal)] + "There were clear", ParseErrorCode.Truncated },
        { "cut off after the guideline lines", Letter[..Letter.LastIndexOf("Decision rationale", StringComparison.Ordinal)], ParseErrorCode.Truncated },
        { "cut off after the item header", Letter[..Letter.LastIndexOf("Claims Administrator", StringComparison.Ordinal)], ParseErrorCode.Truncated },
        { "item without decision", Letter.Replace("MRI of the lumbar spine: Overturned", "MRI of the lumbar spine:"), ParseErrorCode.ItemWithoutDecision },
        { "item without rationale", Letter.Replace("Decision rationale: The applicant remained off work. The request is not medically necessary.\n", ""), ParseErrorCode.ItemWithoutRationale },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void Bad_text_gives_a_precise_error(string name, string text, ParseErrorCode code)
    {
        var result = LetterTextParser.Parse(text);

        Assert.False(result.Success, $"{name} parsed");
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Error_messages_name_the_item()
    {
        var result = LetterTextParser.Parse(Letter.Replace("MRI of the lumbar spine: Overturned", "MRI of the lumbar spine:"));

        Assert.Contains("item 2", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("MRI of the lumbar spine", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_binary_junk_and_huge_text_are_refused()
    {
        var directory = Directory.CreateTempSubdirectory("imr-bad-input-");
        try
        {
            var empty = Path.Combine(directory.FullName, "empty.txt");
            File.WriteAllBytes(empty, []);
            var junk = Path.Combine(directory.FullName, "junk.txt");
            var random = new Random(7);
            var bytes = new byte[20_000];
            random.NextBytes(bytes);
            File.WriteAllBytes(junk, bytes);
            var huge = Path.Combine(directory.FullName, "huge.txt");
            using (var stream = File.Create(huge))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            Assert.Equal(ParseErrorCode.Empty, LetterReader.ReadFile(empty).Error?.Code);
            Assert.Equal(ParseErrorCode.NotText, LetterReader.ReadFile(junk).Error?.Code);
            var tooLarge = LetterReader.ReadFile(huge).Error;
            Assert.Equal(ParseErrorCode.TooLarge, tooLarge?.Code);
            Assert.Contains("52,428,800", tooLarge!.Message, StringComparison.Ordinal);
            Assert.Equal(ParseErrorCode.IoError, LetterReader.ReadFile(Path.Combine(directory.FullName, "missing.pdf")).Error?.Code);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Pdf_round_trip_truncated_pdf_and_pdf_without_text()
    {
        var pdf = BuildPdf(Letter.Split('\n'));
        var full = LetterReader.ReadBytes(pdf);
        Assert.True(full.Success, full.Error?.ToString());
        Assert.Equal(LetterFormat.Pdf, full.Value.Format);
        Assert.Equal(["Norco 10/325mg #120", "MRI of the lumbar spine"], full.Value.Items.Select(i => i.RequestedItem));

        var truncated = LetterReader.ReadBytes(pdf[..(pdf.Length / 3)]);
        Assert.False(truncated.Success);
        Assert.Contains(truncated.Error.Code, new[] { ParseErrorCode.UnreadablePdf, ParseErrorCode.NoTextLayer, ParseErrorCode.NotAnImrLetter, ParseErrorCode.Truncated });

        var blank = LetterReader.ReadBytes(BuildPdf([]));
        Assert.Contains(blank.Error!.Code, new[] { ParseErrorCode.NoTextLayer, ParseErrorCode.OcrUnavailable });

        var header = LetterReader.ReadBytes("%PDF-1.7\n garbage"u8.ToArray());
        Assert.Equal(ParseErrorCode.UnreadablePdf, header.Error?.Code);
    }

    private static byte[] BuildPdf(IEnumerable<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        var y = 760.0;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            page.AddText(line, 8, new UglyToad.PdfPig.Core.PdfPoint(20, y), font);
            y -= 12;
        }

        return builder.Build();
    }
}
