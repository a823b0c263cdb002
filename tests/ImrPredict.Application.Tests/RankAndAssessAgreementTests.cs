namespace ImrPredict.Application.Tests;

/// <summary>Ranking and assessing read a case through the same rows: dates included, the same case gets the same probability.</summary>
public sealed class RankAndAssessAgreementTests(DatedModelFixture fixture) : IClassFixture<DatedModelFixture>
{
    private const string Summary = "The injured worker reports chronic low back pain radiating to the right leg despite therapy.";

    [Fact]
    public void Rank_and_assess_agree_on_dated_cases_and_the_dates_matter()
    {
        var token = TestContext.Current.CancellationToken;
        var assess = new AssessCase(fixture.Host, fixture.Precedents, fixture.Limits, fixture.Metrics);
        var rank = new RankCases(fixture.Host, fixture.Limits, fixture.Metrics);
        var injury = new DateOnly(2015, 3, 1);
        var cases = new List<CaseInput>
        {
            new(Summary, ["MRI of the lumbar spine", "Norco 10/325mg #120"], injury, injury.AddDays(1600), "late"),
            new(Summary, ["MRI of the lumbar spine", "Norco 10/325mg #120"], injury, injury.AddDays(60), "early"),
            new(Summary, ["MRI of the lumbar spine", "Norco 10/325mg #120"], CaseId: "undated"),
        };

        var ranked = rank.Run(cases, token).Value.Items;
        var assessed = cases.ToDictionary(c => c.CaseId!, c => assess.Run(c, 0, 0, token).Value.Items);

        Assert.Equal(6, ranked.Count);
        Assert.All(ranked, r => Assert.Equal(assessed[r.CaseId][r.ItemIndex].POverturned, r.POverturned, 6));
        // The model reads the dates: a test of agreement that ignored them could not fail.
        Assert.True(assessed["late"][0].POverturned > assessed["early"][0].POverturned + 0.3,
            $"late {assessed["late"][0].POverturned:F3}, early {assessed["early"][0].POverturned:F3}");
        Assert.Equal("late", ranked[0].CaseId);
    }
}
