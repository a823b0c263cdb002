using System.Net.Http.Json;
using System.Text.Json;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Every prediction says how many training items of its category back it, and flags a category with too few; the model
/// info lists the counts and how the probabilities are calibrated. gRPC and JSON alike.
/// </summary>
public sealed class CategorySupportTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Predictions_carry_their_category_support_and_low_support_matches_the_model_info()
    {
        var token = TestContext.Current.CancellationToken;
        var info = await fixture.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token);
        var support = info.CategorySupport.ToDictionary(s => s.Category, s => s.Items);
        var generator = new LetterGenerator(seed: 91);
        var ranking = new RankCasesRequest();
        var seen = new List<(string Category, int Support, bool Low)>();
        for (var i = 0; i < 40; i++)
        {
            var letter = generator.Generate(i);
            var request = new PredictRequest { ClinicalSummary = letter.ClinicalSummary };
            request.Items.AddRange(letter.Items.Select(item => new ItemRequest { RequestedItem = item.RequestedItem }));
            var predicted = await fixture.Client.PredictAsync(request, cancellationToken: token);
            seen.AddRange(predicted.Items.Select(item => (item.Category, item.HasCategorySupport ? item.CategorySupport : -1, item.LowSupport)));
            ranking.Cases.Add(new Case { CaseId = $"c{i}", ClinicalSummary = letter.ClinicalSummary, Items = { request.Items } });
        }

        var ranked = await fixture.Client.RankCasesAsync(ranking, cancellationToken: token);
        var json = await fixture.Http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = "Low back pain.", items = new[] { new { requestedItem = "MRI of the lumbar spine" } } }, token);
        var item = (await json.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("items")[0];

        Assert.Equal(info.Rows, info.CategorySupport.Sum(s => s.Items));
        Assert.True(info.LowSupportBelow > 0);
        Assert.Contains(info.Calibration, new[] { "Isotonic", "Platt" });
        Assert.All(seen, s =>
        {
            Assert.Equal(support.GetValueOrDefault(s.Category), s.Support);
            Assert.Equal(s.Support < info.LowSupportBelow, s.Low);
        });
        Assert.All(ranked.Items, r => Assert.Equal(support.GetValueOrDefault(r.Category) < info.LowSupportBelow, r.LowSupport));
        Assert.True(seen.Select(s => s.Category).Distinct().Count() >= 5, "the generated cases cover too few categories to test");
        Assert.Equal(support["Imaging"], item.GetProperty("categorySupport").GetInt32());
        Assert.False(item.GetProperty("lowSupport").GetBoolean());
    }
}
