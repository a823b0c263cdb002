using System.Net.Http.Json;
using System.Text.Json;
using ImrPredict.Synthetic;
using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>Triage staff assess one case, pasted or as a letter: probabilities against the threshold, reasons marked in the summary, precedents.</summary>
public sealed class AssessTests(BrowserFixture fixture)
{
    private const string Summary = "The injured worker has chronic low back pain radiating to the left leg after a lifting injury. " +
        "Norco has been prescribed for a year. A urine drug screen was consistent. There is no documented functional improvement " +
        "and no pain contract. Physical examination shows 4/5 weakness of the extensor hallucis longus.";

    [Fact]
    public async Task A_pasted_case_shows_each_item_against_the_threshold_with_its_reasons_and_precedents()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/assess");
        await Expect(page.Locator("#disclaimer")).ToContainTextAsync("not a decision");
        await page.FillAsync("#summary", Summary);
        await page.FillAsync("#items", "Norco 10/325mg #120\nMRI of the lumbar spine");
        await page.ClickAsync("#case button[type=submit]");
        await Expect(page.Locator("#result[data-state=done]")).ToBeVisibleAsync();

        var cards = page.Locator("article.item");
        await Expect(cards).ToHaveCountAsync(2);
        await Expect(page.Locator("#result .note")).ToContainTextAsync("not a decision");

        // The percentages drawn are the API's probabilities for the same case.
        using var http = new HttpClient { BaseAddress = fixture.Server.JsonAddress };
        var answer = await (await http.PostAsJsonAsync("/v1/predict", new
        {
            clinicalSummary = Summary,
            items = new[] { new { requestedItem = "Norco 10/325mg #120" }, new { requestedItem = "MRI of the lumbar spine" } },
            contributions = 8,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        for (var i = 0; i < 2; i++)
        {
            var p = items[i].GetProperty("pOverturned").GetDouble();
            await Expect(cards.Nth(i).Locator("strong.p")).ToHaveTextAsync($"{Math.Round(p * 1000) / 10:0.#}%".Replace(",", ".", StringComparison.Ordinal));
            await Expect(cards.Nth(i).Locator(".bar .threshold")).ToHaveCountAsync(1);
            Assert.True(await cards.Nth(i).Locator("ul.reasons li").CountAsync() >= 1, "each item gives its reasons");
        }

        // The first item's reasons that occur in the summary are marked there, at their own words.
        var reasons = items[0].GetProperty("reasons").EnumerateArray().Where(r => r.TryGetProperty("field", out var f) && f.GetString() == "clinicalSummary"
            && r.TryGetProperty("spans", out var s) && s.GetArrayLength() > 0).ToList();
        var marks = await page.Locator("#summary-view mark").AllTextContentsAsync();
        Assert.Equal(reasons.Count > 0, marks.Count > 0);
        foreach (var reason in reasons)
        {
            foreach (var span in reason.GetProperty("spans").EnumerateArray())
            {
                var words = Summary[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()];
                Assert.Contains(marks, m => m.Contains(words, StringComparison.Ordinal));
            }
        }

        Assert.True(await page.Locator("article.item ul.plain li a[href^='/precedent?id=']").CountAsync() >= 2, "each item lists its closest precedents");
        await tab.ScreenshotAsync("assess");
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task Items_whose_category_had_few_training_examples_say_so_and_others_do_not()
    {
        string[] requested = ["Gym membership for six months", "Home health aide four hours a day", "MRI of the lumbar spine", "Norco 10/325mg #120", "Hot tub"];
        using var http = new HttpClient { BaseAddress = fixture.Server.JsonAddress };
        var answer = await (await http.PostAsJsonAsync("/v1/predict", new { clinicalSummary = Summary, items = requested.Select(r => new { requestedItem = r }).ToArray() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var flags = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lowSupport").GetBoolean()).ToList();
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/assess");
        await page.FillAsync("#summary", Summary);
        await page.FillAsync("#items", string.Join('\n', requested));
        await page.ClickAsync("#case button[type=submit]");
        await Expect(page.Locator("#result[data-state=done]")).ToBeVisibleAsync();

        var cards = page.Locator("article.item");
        await Expect(cards).ToHaveCountAsync(requested.Length);
        Assert.False(flags[2], "imaging, the commonest category, was flagged as having few examples");
        for (var i = 0; i < requested.Length; i++)
        {
            await Expect(cards.Nth(i).Locator(".low-support")).ToHaveCountAsync(flags[i] ? 1 : 0);
        }

        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_dropped_pdf_letter_is_read_and_assessed()
    {
        using var temp = new TempFolder();
        var folder = temp.Directory;
        var letter = Letters.Letter(3);
        var path = Path.Combine(folder.FullName, "letter.pdf");
        await File.WriteAllBytesAsync(path, LetterRenderer.Pdf(letter));
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/assess");
        await page.SetInputFilesAsync("#letter", path);

        await Expect(page.Locator("#result[data-state=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("article.item")).ToHaveCountAsync(letter.Items.Count);
        await Expect(page.Locator("#result")).ToContainTextAsync(letter.Header.CaseNumber!);
        Assert.Equal(letter.Items.Select(i => i.RequestedItem), await page.Locator("article.item h3").AllTextContentsAsync());
        Assert.Contains(letter.Items[0].RequestedItem, await page.InputValueAsync("#items"), StringComparison.Ordinal);
        // The letter's dates fill the form, so assessing it again gives the same answer.
        Assert.Equal(letter.Header.DateOfInjury?.ToString("yyyy-MM-dd") ?? string.Empty, await page.InputValueAsync("#injury"));
        Assert.Equal(letter.Header.UrDenialDate?.ToString("yyyy-MM-dd") ?? string.Empty, await page.InputValueAsync("#denial"));
        Assert.True(letter.Header.DateOfInjury is not null, "the generated letter gives a date of injury");
        // The answer is brought into view below the form.
        await Expect(page.Locator("#result-heading")).ToBeInViewportAsync();

        // Exported as JSON (the API's answer) and CSV (one row per item, the category in words and as its code).
        var json = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        using (var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!)))
        {
            Assert.Equal(letter.Items.Count, document.RootElement.GetProperty("prediction").GetProperty("items").GetArrayLength());
        }

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var lines = await File.ReadAllLinesAsync((await csv.PathAsync())!);
        Assert.Equal("requestedItem,category,categoryCode,pOverturned,predicted,lowSupport,reasons", lines[0]);
        Assert.Equal(letter.Items.Count, lines.Length - 1);

        // Printed, the page is the answer alone: no navigation, no form.
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator("nav.site")).ToBeHiddenAsync();
        await Expect(page.Locator("form#case")).ToBeHiddenAsync();
        await Expect(page.Locator("article.item").First).ToBeVisibleAsync();
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_malformed_letter_gets_its_error_shown()
    {
        using var temp = new TempFolder();
        var folder = temp.Directory;
        var path = Path.Combine(folder.FullName, "not-a-letter.txt");
        await File.WriteAllTextAsync(path, "Dear colleague, please find attached nothing at all.");
        await using var tab = await fixture.OpenAsync();
        await tab.Page.GotoAsync("/assess");
        await tab.Page.SetInputFilesAsync("#letter", path);

        await Expect(tab.Page.Locator("#result[data-state=error]")).ToBeAttachedAsync();
        var alert = tab.Page.Locator("#status [role=alert]");
        await Expect(alert).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await alert.TextContentAsync()));
        await Expect(tab.Page.Locator("article.item")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_case_without_items_is_refused_by_the_form()
    {
        await using var tab = await fixture.OpenAsync();
        await tab.Page.GotoAsync("/assess");
        await tab.Page.FillAsync("#summary", Summary);
        await tab.Page.ClickAsync("#case button[type=submit]");
        // The browser's own validation stops it: nothing was sent.
        Assert.False(await tab.Page.EvalOnSelectorAsync<bool>("#items", "e => e.checkValidity()"));
        Assert.DoesNotContain(tab.Requests, r => r.Url.Contains("/v1/predict", StringComparison.Ordinal));
    }
}
