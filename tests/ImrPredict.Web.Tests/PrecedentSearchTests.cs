using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>A reviewer searches prior decisions with filters and pages, shares the link, and opens a precedent.</summary>
public sealed class PrecedentSearchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Search_with_filters_and_paging_keeps_the_query_in_a_shareable_url()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        await page.FillAsync("#q", "urine drug screen");
        await page.SelectOptionAsync("#decision", "Upheld");
        await page.SelectOptionAsync("#category", "Opioid");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();

        var hits = page.Locator("li.hit");
        await Expect(hits).ToHaveCountAsync(10);
        Assert.All(await page.Locator("li.hit .badge:not(.generated)").AllTextContentsAsync(), b => Assert.Equal("Upheld", b));
        // The shared server's store holds only the generated demo letters: every hit says so.
        Assert.Equal(10, await page.Locator("li.hit .badge.generated").CountAsync());
        Assert.All(await page.Locator("li.hit .meta").AllTextContentsAsync(), m => Assert.StartsWith("Opioid", m, StringComparison.Ordinal));
        Assert.True(await page.Locator("li.hit blockquote mark").CountAsync() > 0, "passages mark the matching words");
        var total = await page.Locator("#total").TextContentAsync();
        // The browser tests' service does not embed (ImrPredict:Semantic:Enabled=false), so its searches say they matched by words.
        Assert.Matches(new Regex(@"^[\d,]+ matching decisions; page 1 of [\d,]+; matched by words\.$"), total);
        Assert.Contains("q=urine+drug+screen", page.Url, StringComparison.Ordinal);
        Assert.Contains("decision=Upheld", page.Url, StringComparison.Ordinal);
        Assert.Contains("category=Opioid", page.Url, StringComparison.Ordinal);
        var firstPage = await page.Locator("li.hit h2 a").AllTextContentsAsync();
        await tab.ScreenshotAsync("precedents");

        await page.ClickAsync("text=Next page");
        await Expect(page).ToHaveURLAsync(new Regex("page=1"));
        await Expect(page.Locator("ol.hits")).ToHaveAttributeAsync("start", "11");
        await Expect(page.Locator("#total")).ToContainTextAsync("page 2 of");
        Assert.NotEqual(firstPage, await page.Locator("li.hit h2 a").AllTextContentsAsync());

        // The link, opened in another tab, shows the same page of the same search.
        await using var shared = await fixture.OpenAsync();
        await shared.Page.GotoAsync(page.Url);
        await Expect(shared.Page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        Assert.Equal("urine drug screen", await shared.Page.InputValueAsync("#q"));
        Assert.Equal("Opioid", await shared.Page.InputValueAsync("#category"));
        Assert.Equal(await page.Locator("li.hit h2 a").AllTextContentsAsync(), await shared.Page.Locator("li.hit h2 a").AllTextContentsAsync());
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_date_range_out_of_order_is_refused_by_name()
    {
        await using var tab = await fixture.OpenAsync();
        await tab.Page.GotoAsync("/?q=mri&from=2020-01-01&to=2019-01-01");
        await Expect(tab.Page.Locator("#status [role=alert]")).ToContainTextAsync("out of order");
        await Expect(tab.Page.Locator("#status [role=alert] li")).ToContainTextAsync("decided_from");
    }

    [Fact]
    public async Task A_hit_opens_the_precedent_with_its_letter_and_the_words_marked()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/?q=physical+therapy+sessions");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        var first = page.Locator("li.hit h2 a").First;
        var item = await first.TextContentAsync();
        await first.ClickAsync();

        await Expect(page.Locator("#precedent[data-state=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(item!);
        await Expect(page.Locator("#items tbody tr[aria-current=true]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("#items tbody tr").CountAsync() >= 1);
        Assert.True((await page.Locator("#summary").TextContentAsync())!.Length > 100, "the clinical summary is shown whole");
        var marks = await page.Locator("#rationale mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Matches(new Regex("^(physical|therap|session)", RegexOptions.IgnoreCase), m));
        await tab.ScreenshotAsync("precedent");
        tab.AssertNoProblems();
    }
}
