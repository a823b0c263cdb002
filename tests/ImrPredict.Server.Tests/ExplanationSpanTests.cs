using System.Text.Json;

namespace ImrPredict.Server.Tests;

/// <summary>
/// What the web app draws comes from the API, in gRPC and JSON alike: where each contribution's words are in the case,
/// reasons with the same words merged, passage match spans, a precedent's letter and query matches, report files.
/// </summary>
public sealed class ExplanationSpanTests(ServiceFixture fixture)
{
    private const string Summary = "Chronic low back pain radiating to the leg. A urine drug screen was consistent with Norco. " +
        "There is no documented functional improvement. Physical therapy was completed without benefit.";

    [Fact]
    public async Task Contributions_point_at_their_words_in_the_case_and_merge_into_reasons()
    {
        var request = new PredictRequest { ClinicalSummary = Summary, Contributions = 20, Precedents = 2 };
        request.Items.Add(new ItemRequest { RequestedItem = "Norco 10/325mg #120" });
        request.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });

        var response = await fixture.Client.PredictAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        // "There is no documented functional improvement": the Norco item's reasons say so as the criterion, documented absent.
        var function = Assert.Single(response.Items[0].Reasons, r => r.Criterion == "opioid.functional-improvement");
        Assert.Equal(("documented_absent", "functional improvement on opioids: documented as absent"), (function.Status, function.Text));
        Assert.Equal("clinicalSummary", function.Field);
        Assert.Equal("functional improvement", Summary[function.Spans[0].Start..function.Spans[0].End]);

        foreach (var (item, index) in response.Items.Select((item, index) => (item, index)))
        {
            Assert.NotEmpty(item.Contributions);
            Assert.NotEmpty(item.Reasons);
            Assert.All(item.Contributions, c => Assert.Contains(c.Source, new[] { "Summary", "Item", "ItemLetters", "Category", "Number", "NumberMissing", "Criterion", "Other" }));
            foreach (var contribution in item.Contributions.Where(c => c.Spans.Count > 0))
            {
                var text = contribution.Field == "clinicalSummary" ? Summary : request.Items[index].RequestedItem;
                Assert.True(contribution.Present);
                foreach (var span in contribution.Spans)
                {
                    // The words as the featurizer reads them: lower case, punctuation dropped.
                    var found = new string(text[span.Start..span.End].ToLowerInvariant().Where(ch => !char.IsPunctuation(ch)).ToArray());
                    Assert.Equal(contribution.Words.Replace(" ", string.Empty, StringComparison.Ordinal), found.Replace(" ", string.Empty, StringComparison.Ordinal));
                }
            }

            // Every contribution is in at most one reason, and every one a reader can read is in one (character n-grams of
            // the item and unreadable words stay contributions only); a reason's weight is its contributions' sum.
            var reasoned = item.Reasons.SelectMany(r => r.Features).ToList();
            Assert.Equal(reasoned.Count, reasoned.Distinct().Count());
            Assert.Subset(item.Contributions.Select(c => c.Feature).ToHashSet(), reasoned.ToHashSet());
            var category = Enum.Parse<Core.Letters.ItemCategory>(item.Category);
            Assert.All(item.Contributions.Where(c => c.Source is "Category" or "Criterion" || (c.Source is "Number" or "NumberMissing" && Application.Cases.Explanations.NumberFields.Applies(c.Words, category))),
                c => Assert.Contains(c.Feature, reasoned));
            // A number that does not speak of this kind of request ("no sessions stated" for Norco) is never a reason.
            Assert.All(item.Contributions.Where(c => c.Source is "Number" or "NumberMissing" && !Application.Cases.Explanations.NumberFields.Applies(c.Words, category)),
                c => Assert.DoesNotContain(c.Feature, reasoned));
            // A criterion's contributions (any of its statuses) read as one reason naming the criterion and the case's status.
            Assert.All(item.Reasons.Where(r => r.Kind == "criterion"), r =>
            {
                Assert.NotEmpty(r.Criterion);
                Assert.All(r.Features, f => Assert.StartsWith($"criterion: {r.Criterion}=", f, StringComparison.Ordinal));
                Assert.DoesNotContain("=", r.Text, StringComparison.Ordinal);
                Assert.Contains(r.Status, new[] { "documented", "documented_absent", "not_mentioned" });
            });
            Assert.All(item.Contributions.Where(c => c.Source == "ItemLetters"), c => Assert.DoesNotContain(c.Feature, reasoned));
            foreach (var reason in item.Reasons)
            {
                Assert.Equal(item.Contributions.Where(c => reason.Features.Contains(c.Feature)).Sum(c => c.Weight), reason.Weight, 6);
            }

            Assert.All(item.Precedents, hit =>
            {
                Assert.Equal(hit.Passages.Count, hit.PassageMatches.Count);
                Assert.All(hit.PassageMatches.Zip(hit.Passages), pair =>
                    Assert.Equal(pair.Second.Replace("**", string.Empty, StringComparison.Ordinal), pair.First.Text));
            });
        }
    }

    [Fact]
    public async Task A_precedent_read_with_a_query_lists_its_letter_and_marks_the_words()
    {
        var token = TestContext.Current.CancellationToken;
        var hit = (await fixture.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "physical therapy", PageSize = 1 }, cancellationToken: token)).Hits[0];

        var detail = await fixture.Client.GetPrecedentAsync(new GetPrecedentRequest { Id = hit.Id, Query = "physical therapy" }, cancellationToken: token);
        Assert.Contains(detail.LetterItems, i => i.Id == hit.Id && i.Decision == hit.Decision);
        Assert.NotEmpty(detail.RationaleMatches);
        Assert.All(detail.RationaleMatches, m => Assert.Matches("^(?i)(physical|therap)", detail.Rationale[m.Start..m.End]));

        // The same over JSON, the query in the URL's query string.
        var json = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/v1/precedents/{Uri.EscapeDataString(hit.Id)}?query=physical%20therapy", token)).RootElement;
        Assert.Equal(detail.RationaleMatches.Count, json.GetProperty("rationaleMatches").GetArrayLength());
        Assert.Equal(detail.LetterItems.Count, json.GetProperty("letterItems").GetArrayLength());
    }

    [Fact]
    public async Task The_model_report_files_are_listed_and_served()
    {
        var token = TestContext.Current.CancellationToken;
        var info = await fixture.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: token);
        Assert.Equal(["report.md", "roc.png", "pr.png", "calibration.png"], info.ReportFiles);

        var png = await fixture.Http.GetAsync("/v1/model/report/roc.png", token);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync(token))[..4]);
        var refused = await fixture.Http.GetAsync("/v1/model/report/..%2Fmanifest.json", token);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a report file", await refused.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranked_items_carry_their_category()
    {
        var request = new RankCasesRequest();
        request.Cases.Add(new Case { CaseId = "a", ClinicalSummary = Summary, Items = { new ItemRequest { RequestedItem = "Norco 10/325mg #120" }, new ItemRequest { RequestedItem = "MRI of the lumbar spine" } } });

        var ranked = await fixture.Client.RankCasesAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["Imaging", "Opioid"], ranked.Items.Select(i => i.Category).Order());
    }
}
