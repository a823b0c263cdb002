namespace ImrPredict.Server.Tests;

/// <summary>A summary the limits accept is searched whole: its precedents come back, never silently none.</summary>
public sealed class LongSummaryTests(ServiceFixture fixture)
{
    [Fact]
    public async Task A_30000_character_summary_gets_its_precedents()
    {
        var token = TestContext.Current.CancellationToken;
        var generator = new LetterGenerator(seed: 8);
        var summary = string.Empty;
        for (var i = 0; summary.Length < 30_000; i++)
        {
            summary += generator.Generate(i).ClinicalSummary + " ";
        }

        summary = summary[..30_000];
        var request = new PredictRequest { ClinicalSummary = summary, Precedents = 3 };
        request.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });

        var response = await fixture.Client.PredictAsync(request, cancellationToken: token);
        var search = await fixture.Client.SearchPrecedentsAsync(
            new SearchPrecedentsRequest { ClinicalSummary = summary, RequestedItem = "Norco 10/325mg #120", PageSize = 5 }, cancellationToken: token);

        Assert.Equal(2, response.Items.Count);
        Assert.All(response.Items, item => Assert.Equal(3, item.Precedents.Count));
        Assert.Equal(5, search.Hits.Count);
    }
}
