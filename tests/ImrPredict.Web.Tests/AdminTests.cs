using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>An operator adds decided letters with the API key typed into the page; a wrong key and a malformed letter are told plainly.</summary>
public sealed class AdminTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Letters_are_refused_with_a_wrong_key_and_added_with_the_right_one()
    {
        using var temp = new TempFolder();
        var folder = temp.Directory;
        var paths = Letters.Write(folder, first: 300, count: 3, pdfEvery: 3).ToList();
        var malformed = Path.Combine(folder.FullName, "malformed.txt");
        await File.WriteAllTextAsync(malformed, "IMR Case Number: CM99-0000001\nThis letter stops before any item.");
        paths.Add(malformed);
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/admin");

        await page.FillAsync("#key", "wrong-key");
        await page.ClickAsync("#key-form button[type=submit]");
        await page.SetInputFilesAsync("#letters", paths);
        await Expect(page.Locator("#added[data-state=error]")).ToBeAttachedAsync();
        await Expect(page.Locator("#add-status [role=alert]")).ToContainTextAsync("key");

        await page.FillAsync("#key", ServerProcess.ApiKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.SetInputFilesAsync("#letters", paths);
        await Expect(page.Locator("#added[data-state=done]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#add-status")).ToContainTextAsync("3 letters added");
        await Expect(page.Locator("#refused tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#refused")).ToContainTextAsync("malformed.txt");

        // The letters just added are listed first with how they fared; a kept one can be deleted, after a confirmation.
        var first = Letters.Letter(300).Header.CaseNumber!;
        var row = page.Locator("#letters-table tbody tr", new() { HasText = first });
        await Expect(row).ToContainTextAsync("kept");
        await Expect(page.Locator("#letters-table tbody tr", new() { HasText = "malformed.txt" })).ToContainTextAsync("refused");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.Locator("button.delete").ClickAsync();
        await Expect(page.Locator("#letters-status")).ToContainTextAsync($"Deleted {first}");
        await Expect(page.Locator("#letters-table tbody tr", new() { HasText = first }).First).ToContainTextAsync("deleted");
        await tab.ScreenshotAsync("admin");

        // The key stayed in the tab: never in a URL, never in local storage.
        Assert.DoesNotContain(tab.Requests, r => r.Url.Contains(ServerProcess.ApiKey, StringComparison.Ordinal));
        Assert.Equal(ServerProcess.ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('imrpredict.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Value.Contains(ServerProcess.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_needs_the_key_and_reports_the_serving_version()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/admin");
        await page.ClickAsync("#reload button[type=submit]");
        await Expect(page.Locator("#reload-status [role=alert]")).ToContainTextAsync("API key");

        await page.FillAsync("#key", ServerProcess.ApiKey);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.ClickAsync("#reload button[type=submit]");
        await Expect(page.Locator("#reload-status")).ToContainTextAsync("Serving letters-default-");
    }
}
