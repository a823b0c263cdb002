namespace ImrPredict.Server.Tests;

/// <summary>
/// A triage ranking asked for reasons gives each item its strongest reason, as the assessment of that case puts first; without
/// the flag, none (ranking stays a batch score).
/// </summary>
public sealed class RankTopReasonTests(ServiceFixture fixture)
{
    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_ranked_item_carries_the_reason_its_assessment_puts_first()
    {
        var letters = Enumerable.Range(0, 8).Select(i => new LetterGenerator(seed: 21).Generate(i)).ToList();
        var request = new RankCasesRequest { TopReasons = true };
        request.Cases.AddRange(letters.Select((letter, i) =>
        {
            var @case = new Case { CaseId = $"case-{i}", ClinicalSummary = letter.ClinicalSummary };
            @case.Items.AddRange(letter.Items.Select(item => new ItemRequest { RequestedItem = item.RequestedItem }));
            return @case;
        }));
        var plain = new RankCasesRequest();
        plain.Cases.AddRange(request.Cases);

        var ranked = await fixture.Client.RankCasesAsync(request, cancellationToken: Token);
        var unexplained = await fixture.Client.RankCasesAsync(plain, cancellationToken: Token);

        Assert.All(ranked.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.TopReason?.Text), $"{item.CaseId} #{item.ItemIndex} has no top reason"));
        Assert.All(unexplained.Items, item => Assert.Null(item.TopReason));
        Assert.Equal(unexplained.Items.Select(i => i.POverturned), ranked.Items.Select(i => i.POverturned));
        var first = ranked.Items[0];
        var letter = letters[int.Parse(first.CaseId["case-".Length..], System.Globalization.CultureInfo.InvariantCulture)];
        var assess = new PredictRequest { ClinicalSummary = letter.ClinicalSummary, Contributions = 8 };
        assess.Items.AddRange(letter.Items.Select(item => new ItemRequest { RequestedItem = item.RequestedItem }));
        var assessed = await fixture.Client.PredictAsync(assess, cancellationToken: Token);
        Assert.Equal(assessed.Items[first.ItemIndex].Reasons[0].Text, first.TopReason.Text);
    }
}
