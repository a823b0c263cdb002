namespace ImrPredict.Application.Tests;

/// <summary>The one place a case becomes model rows carries every field the model reads.</summary>
public sealed class CaseRowsTests
{
    [Fact]
    public void Rows_carry_the_dates_the_item_fields_and_the_item_count()
    {
        var input = new CaseInput("Chronic low back pain.", ["Norco 10/325mg #120", "Physical therapy 2 times a week for 6 weeks"],
            new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 1));

        var rows = CaseRows.For(input, "case-a");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(60f, r.DaysFromInjuryToUrDenial));
        Assert.All(rows, r => Assert.Equal(2f, r.ItemsInLetter));
        Assert.Equal(("case-a", 0, "Opioid", 120f), (rows[0].LetterId, rows[0].ItemIndex, rows[0].ItemCategory, rows[0].Quantity));
        Assert.Equal(("PhysicalTherapy", 12f), (rows[1].ItemCategory, rows[1].Sessions));
        Assert.All(rows, r => Assert.False(r.Label));
    }

    [Fact]
    public void Without_both_dates_the_days_are_missing_not_zero()
    {
        var rows = CaseRows.For(new CaseInput("Neck pain.", ["MRI of the cervical spine"], new DateOnly(2020, 1, 1)), "b");

        Assert.True(float.IsNaN(Assert.Single(rows).DaysFromInjuryToUrDenial));
    }
}
