using System.Net.Http.Json;
using System.Text.Json;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Each predicted item asked to be explained (contributions above 0) carries its category's guideline criteria with what
/// the summary says of them and where, in gRPC and JSON; and the reasons shown beside the probability are clinical terms, the category or numbers, never a stop
/// word, a bare number or a piece of a word.
/// </summary>
public sealed class CriteriaChecklistTests(ServiceFixture fixture)
{
    private const string Summary = "Low back pain radiating to the left leg after six weeks of physical therapy without improvement. "
        + "X-rays of the lumbar spine showed no fracture. There was 4/5 weakness of the left extensor hallucis longus.";

    [Fact]
    public async Task Each_item_lists_its_criteria_with_status_and_evidence_in_grpc_and_json()
    {
        var token = TestContext.Current.CancellationToken;
        var request = new PredictRequest { ClinicalSummary = Summary, Contributions = 5 };
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });

        var item = (await fixture.Client.PredictAsync(request, cancellationToken: token)).Items[0];
        using var json = await fixture.Http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = Summary, items = new[] { new { requestedItem = "MRI of the lumbar spine" } }, contributions = 3 }, token);
        var bare = (await fixture.Client.PredictAsync(new PredictRequest { ClinicalSummary = Summary, Items = { request.Items } }, cancellationToken: token)).Items[0];
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(token));

        // An explanation is computed when one is asked for: a bare score carries no checklist.
        Assert.Empty(bare.Criteria);
        var redFlags = Assert.Single(item.Criteria, c => c.Id == "imaging.red-flags");
        Assert.Equal(("documented_absent", "supports", true), (redFlags.Status, redFlags.Favours, redFlags.WeighsAgainstRequest));
        Assert.Equal("fracture", Summary[redFlags.Spans[0].Start..redFlags.Spans[0].End]);
        var deficit = Assert.Single(item.Criteria, c => c.Id == "imaging.neuro-deficit");
        Assert.Equal(("documented", true), (deficit.Status, deficit.FavoursRequest));
        Assert.Equal(["4/5", "weakness"], deficit.Spans.Select(s => Summary[s.Start..s.End]).Order(StringComparer.Ordinal));
        Assert.Equal("documented", item.Criteria.Single(c => c.Id == "imaging.failed-conservative").Status);
        Assert.All(item.Criteria, c => Assert.False(string.IsNullOrEmpty(c.Guideline)));
        var criteria = document.RootElement.GetProperty("items")[0].GetProperty("criteria");
        Assert.Contains(criteria.EnumerateArray(), c => c.GetProperty("id").GetString() == "imaging.neuro-deficit" && c.GetProperty("status").GetString() == "documented"
            && c.GetProperty("favoursRequest").GetBoolean());
    }

    [Fact]
    public async Task Reasons_on_generated_letters_are_never_stop_words_numbers_or_fragments()
    {
        var token = TestContext.Current.CancellationToken;
        var generator = new LetterGenerator(seed: 8080);
        var reasons = new List<Reason>();
        for (var i = 0; i < 25; i++)
        {
            var letter = generator.Generate(i);
            var request = new PredictRequest { ClinicalSummary = letter.ClinicalSummary, Contributions = 20 };
            request.Items.AddRange(letter.Items.Select(it => new ItemRequest { RequestedItem = it.RequestedItem }));
            reasons.AddRange((await fixture.Client.PredictAsync(request, cancellationToken: token)).Items.SelectMany(it => it.Reasons));
        }

        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Contains(r.Kind, new[] { "term", "category", "number", "criterion" }));
        Assert.All(reasons.Where(r => r.Kind == "term"), r =>
        {
            Assert.Contains(r.Words.Split(' '), w => w.Count(char.IsLetter) >= 3);
            Assert.DoesNotContain(r.Words.Split(' '), w => w.All(char.IsDigit));
        });
        Assert.DoesNotContain(reasons, r => r.Text.StartsWith("requested item has", StringComparison.Ordinal));
    }
}
