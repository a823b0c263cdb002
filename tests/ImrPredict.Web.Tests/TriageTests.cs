using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>Triage staff drop a day's letters (or a file of cases) and get every item ranked, filter it, and export it.</summary>
public sealed class TriageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Twenty_letters_are_ranked_filtered_and_exported()
    {
        using var temp = new TempFolder();
        var folder = temp.Directory;
        var paths = Letters.Write(folder, first: 100, count: 20);
        var expectedItems = Enumerable.Range(100, 20).Sum(i => Letters.Letter(i).Items.Count);
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/triage");
        await page.SetInputFilesAsync("#files", paths);

        await Expect(page.Locator("#ranking[data-state=done]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var refused = string.Join(" / ", await page.Locator("#refused li").AllTextContentsAsync());
        Assert.True(await page.Locator("#refused").IsHiddenAsync(), $"letters were refused: {refused}");
        await Expect(page.Locator("#status")).ToContainTextAsync($"{expectedItems} items ranked from 20 files");
        var rows = page.Locator("#table tbody tr");
        await Expect(rows).ToHaveCountAsync(expectedItems);
        var shown = await Probabilities(page);
        Assert.Equal(shown.OrderByDescending(p => p), shown);
        await tab.ScreenshotAsync("triage");

        // Sorting by another column, then back to the ranking.
        var ranked = await page.Locator("#table tbody tr td:nth-child(3)").AllTextContentsAsync();
        await page.ClickAsync("th button[data-key=requestedItem]");
        await Expect(page.Locator("th:has(button[data-key=requestedItem])")).ToHaveAttributeAsync("aria-sort", "ascending");
        var byName = await page.Locator("#table tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.Equal(ranked.Order(StringComparer.Ordinal), byName.Order(StringComparer.Ordinal));
        Assert.NotEqual(ranked, byName);
        await page.ClickAsync("th button[data-key=pOverturned]");
        Assert.Equal(shown, await Probabilities(page));

        // Filtered by the most common category: only its rows, still ranked.
        var categories = await page.Locator("#table tbody tr td:nth-child(4)").AllTextContentsAsync();
        var common = categories.GroupBy(c => c).OrderByDescending(g => g.Count()).First();
        // Categories read as words ("Physical therapy"), never as the API's codes ("PhysicalTherapy").
        Assert.All(categories, c => Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", c));
        await page.SelectOptionAsync("#filter", common.Key);
        await Expect(rows).ToHaveCountAsync(common.Count());
        Assert.All(await page.Locator("#table tbody tr td:nth-child(4)").AllTextContentsAsync(), c => Assert.Equal(common.Key, c));

        // The export holds what is shown, in the order shown.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        Assert.Equal("triage.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("rank,caseId,source,itemIndex,requestedItem,category,categoryCode,pOverturned,predicted,lowSupport,topReason", csv[0]);
        Assert.Equal(common.Count(), csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains($",{common.Key},", line, StringComparison.Ordinal));
        // Each item says why it ranks where it does: its strongest reason in words, never a model token ("=").
        Assert.All(csv.Skip(1), line => Assert.Matches(@",(true|false),[^=]{3,}$", line));
        Assert.All(await page.Locator("#table tbody tr td:nth-child(7)").AllTextContentsAsync(), reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_csv_of_cases_is_ranked_and_a_bad_letter_is_listed_with_its_error()
    {
        using var temp = new TempFolder();
        var folder = temp.Directory;
        var csv = Path.Combine(folder.FullName, "cases.csv");
        await File.WriteAllTextAsync(csv,
            "caseId,clinicalSummary,requestedItem\n" +
            "A,\"Neck pain, six weeks of therapy; no red flags.\",MRI of the cervical spine\n" +
            "A,\"Neck pain, six weeks of therapy; no red flags.\",Norco 10/325mg #120\n" +
            "B,\"Low back pain with \"\"4/5\"\" weakness.\",Physical therapy x 12 sessions\n");
        var bad = Path.Combine(folder.FullName, "broken.txt");
        await File.WriteAllTextAsync(bad, "not a letter");
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/triage");
        await page.SetInputFilesAsync("#files", [csv, bad]);

        await Expect(page.Locator("#ranking[data-state=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("#table tbody tr")).ToHaveCountAsync(3);
        Assert.Equal(["A", "A", "B"], (await page.Locator("#table tbody tr td:nth-child(2)").AllTextContentsAsync()).Order());
        await Expect(page.Locator("#refused")).ToContainTextAsync("broken.txt");
        await Expect(page.Locator("#status")).ToContainTextAsync("1 could not be read");
    }

    private static async Task<List<double>> Probabilities(IPage page) =>
        (await page.Locator("#table tbody tr td:nth-child(5)").AllTextContentsAsync())
            .Select(t => double.Parse(Regex.Replace(t, "%$", string.Empty), System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
