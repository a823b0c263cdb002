namespace ImrPredict.Application.Tests;

/// <summary>Every limit of <see cref="ServiceLimits"/> refuses with the API's field name; a valid case passes.</summary>
public sealed class CaseValidatorTests
{
    private static readonly ServiceLimits Limits = new() { MaxSummaryChars = 200, MaxItemChars = 20, MaxItemsPerCase = 2 };

    public static TheoryData<string, CaseInput, string?> Cases => new()
    {
        { "valid", new CaseInput("Low back pain.", ["MRI of the lumbar spine"[..20]]), null },
        { "empty summary", new CaseInput("  ", ["MRI"]), "clinical_summary" },
        { "long summary", new CaseInput(new string('a', 201), ["MRI"]), "clinical_summary" },
        { "no items", new CaseInput("Low back pain.", []), "items" },
        { "too many items", new CaseInput("Low back pain.", ["MRI", "EMG", "Norco"]), "items" },
        { "empty item", new CaseInput("Low back pain.", ["MRI", " "]), "items[1].requested_item" },
        { "long item", new CaseInput("Low back pain.", [new string('b', 21)]), "items[0].requested_item" },
        { "dates out of order", new CaseInput("Low back pain.", ["MRI"], new DateOnly(2020, 5, 1), new DateOnly(2020, 4, 30)), "ur_denial_date" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_limit_names_its_field(string name, CaseInput input, string? field)
    {
        var violations = CaseValidator.Check(input, Limits);

        if (field is null)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Contains(violations, v => v.Field == field && v.Description.Length > 0);
            Assert.True(violations.Count == 1, $"{name}: {string.Join("; ", violations)}");
        }
    }

    [Fact]
    public void A_prefix_names_the_case_in_a_ranking_and_a_letter_keeps_its_dates_as_written()
    {
        var outOfOrder = new CaseInput("Low back pain.", ["MRI"], new DateOnly(2020, 5, 1), new DateOnly(2020, 4, 30));

        Assert.Equal("cases[3].ur_denial_date", Assert.Single(CaseValidator.Check(outOfOrder, Limits, "cases[3].")).Field);
        Assert.Empty(CaseValidator.Check(outOfOrder, Limits, datesAsWritten: true));
    }
}
