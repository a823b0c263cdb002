using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>
/// A reviewer narrows precedents by a criterion's status and sees how those decided; and finds a letter by its case
/// number typed as it comes, the letter's items first and marked.
/// </summary>
public sealed partial class PrecedentFacetTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Choosing_a_criterion_status_narrows_the_search_to_the_precedents_it_counted()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/?q=urine+drug+screen+Norco");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        var first = page.Locator("#facets button.facet").First;
        await Expect(first).ToBeVisibleAsync();
        var filter = await first.GetAttributeAsync("data-filter");
        var line = await first.Locator("xpath=..").TextContentAsync();
        var counted = int.Parse(CountOf().Match(line!).Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await tab.ScreenshotAsync("precedent-facets");

        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("criterion=" + Regex.Escape(Uri.EscapeDataString(filter!)).Replace("%3D", "(=|%3D)", StringComparison.Ordinal)));
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("#total")).ToContainTextAsync($"{counted:N0} matching decision");
        await Expect(page.Locator("#facets summary")).ToContainTextAsync("narrowed to " + filter);
        await page.ClickAsync("#clear-criterion");
        await Expect(page).Not.ToHaveURLAsync(new Regex("criterion="));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_case_number_typed_without_its_dash_finds_its_letter_first()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/?q=lumbar+MRI");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        var meta = await page.Locator("li.hit .meta").Nth(3).TextContentAsync();
        var caseNumber = CaseNumber().Match(meta!).Value;
        Assert.False(string.IsNullOrEmpty(caseNumber), $"no case number in '{meta}'");

        await page.FillAsync("#q", caseNumber.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("li.hit").First.Locator(".badge.exact")).ToBeVisibleAsync();
        await Expect(page.Locator("li.hit").First.Locator(".meta")).ToContainTextAsync(caseNumber);

        await page.FillAsync("#q", "CM99-9999999");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#notice")).ToContainTextAsync("No letter has the case number CM99-9999999");
        await Expect(page.Locator("li.hit")).ToHaveCountAsync(0);
        tab.AssertNoProblems();
    }

    [GeneratedRegex(@"\u2014 ([\d,]+) precedent")]
    private static partial Regex CountOf();

    [GeneratedRegex(@"CM\d{2}-\d{7}")]
    private static partial Regex CaseNumber();
}
