namespace ImrPredict.Server.Tests;

/// <summary>Rank and Predict score a case through the same rows: the same case, dates included, gets the same probability.</summary>
public sealed class RankAndPredictAgreementTests(ServiceFixture fixture)
{
    [Fact]
    public async Task The_same_case_with_dates_gets_the_same_probability_from_Rank_and_Predict()
    {
        var token = TestContext.Current.CancellationToken;
        var generator = new LetterGenerator(seed: 31);
        var ranking = new RankCasesRequest();
        var predictions = new Dictionary<string, PredictResponse>();
        for (var i = 0; i < 12; i++)
        {
            var letter = generator.Generate(i);
            // Dates from weeks to years apart, so the injury-to-denial days feature takes many values.
            var injury = new DateOnly(2015, 1, 1).AddDays(i * 37);
            var denial = injury.AddDays(20 + (i * i * 61));
            var @case = new Case
            {
                CaseId = $"case-{i}",
                ClinicalSummary = letter.ClinicalSummary,
                DateOfInjury = injury.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                UrDenialDate = denial.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            @case.Items.AddRange(letter.Items.Select(item => new ItemRequest { RequestedItem = item.RequestedItem }));
            ranking.Cases.Add(@case);

            var predict = new PredictRequest { ClinicalSummary = @case.ClinicalSummary, DateOfInjury = @case.DateOfInjury, UrDenialDate = @case.UrDenialDate };
            predict.Items.AddRange(@case.Items);
            predictions[@case.CaseId] = await fixture.Client.PredictAsync(predict, cancellationToken: token);
        }

        var ranked = await fixture.Client.RankCasesAsync(ranking, cancellationToken: token);

        Assert.Equal(ranking.Cases.Sum(c => c.Items.Count), ranked.Items.Count);
        Assert.All(ranked.Items, item =>
            Assert.Equal(predictions[item.CaseId].Items[item.ItemIndex].POverturned, item.POverturned, 6));
    }
}
