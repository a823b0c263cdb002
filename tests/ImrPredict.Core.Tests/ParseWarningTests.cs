namespace ImrPredict.Core.Tests;

/// <summary>A letter whose items all have a decision and a rationale parses, with a warning for what looked odd; one that cannot stays an error.</summary>
public class ParseWarningTests
{
    public static TheoryData<string, string, string, ParseWarningCode, Decision> Warned() => new()
    {
        { "no full stop after the verdict", "is not medically necessary.", "is not medically necessary", ParseWarningCode.NoClosingPunctuation, Decision.Upheld },
        { "decision misread by a letter", "spine: Upheld", "spine: Uphe1d", ParseWarningCode.DecisionSpellingCorrected, Decision.Upheld },
        { "decision misread by two letters", "spine: Upheld", "spine: 0vertumed", ParseWarningCode.DecisionSpellingCorrected, Decision.Overturned },
        { "case number with letters for digits", "CM16-0213037", "CM16-O213O37", ParseWarningCode.DigitsCorrected, Decision.Upheld },
        { "an unknown section heading", "CLINICAL CASE SUMMARY", "PATIENT HISTORY AND FINDINGS\nCLINICAL CASE SUMMARY", ParseWarningCode.UnknownSection, Decision.Upheld },
        { "no case number", "Case Number: CM16-0213037\n", string.Empty, ParseWarningCode.NoCaseNumber, Decision.Upheld },
    };

    [Theory]
    [MemberData(nameof(Warned))]
    public void Odd_but_complete_letters_parse_with_a_warning(string oddity, string find, string replace, ParseWarningCode code, Decision decision)
    {
        var text = OneItemLetter.WithCaseNumber.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(OneItemLetter.WithCaseNumber, text);

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, $"{oddity}: {result.Error}");
        Assert.Equal(decision, result.Value.Items.Single().Decision);
        Assert.Equal("MRI of the cervical spine", result.Value.Items.Single().RequestedItem);
        Assert.Contains(result.Value.Warnings, w => w.Code == code);
    }

    [Fact]
    public void A_clean_letter_has_no_warnings()
    {
        var result = LetterTextParser.Parse(OneItemLetter.WithCaseNumber);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Empty(result.Value.Warnings);
        Assert.Equal(LetterLayout.FinalDetermination, result.Value.Layout);
    }

    public static TheoryData<string, string, string, ParseErrorCode> Refused() => new()
    {
        { "cut mid-sentence", "The request for an MRI of the cervical spine is not medically necessary.", "The request for an MRI of the", ParseErrorCode.Truncated },
        { "a word too far from any decision", "spine: Upheld", "spine: Pending", ParseErrorCode.ItemWithoutDecision },
        { "no rationale", "Decision rationale: There is no red flag. The request for an MRI of the cervical spine is not medically necessary.", string.Empty, ParseErrorCode.Truncated },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Letters_that_cannot_give_every_item_with_its_decision_and_rationale_stay_errors(string fault, string find, string replace, ParseErrorCode code)
    {
        var result = LetterTextParser.Parse(OneItemLetter.WithCaseNumber.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.Success, fault);
        Assert.Equal(code, result.Error!.Code);
    }
}
