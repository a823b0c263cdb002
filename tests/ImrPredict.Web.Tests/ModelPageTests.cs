using ImrPredict.Server.V1;
using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>An operator checks the serving bundle: version, data, threshold, metrics beside the baselines, reliability, plots, last reload.</summary>
public sealed class ModelPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_model_page_shows_the_serving_bundle_its_metrics_and_its_plots()
    {
        var info = await fixture.Server.Client.GetModelInfoAsync(new GetModelInfoRequest());
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/model");
        await Expect(page.Locator("#model[data-state=done]")).ToBeVisibleAsync();

        await Expect(page.Locator("#version")).ToHaveTextAsync(info.BundleVersion);
        await Expect(page.Locator("#last-load")).ToHaveTextAsync("loaded without error");
        // The bootstrapped bundle was written in place, not promoted; its probabilities are calibrated; its support listed.
        await Expect(page.Locator("#promoted")).ToContainTextAsync("not promoted from the history");
        await Expect(page.Locator("#calibration")).ToContainTextAsync(info.Calibration);
        await Expect(page.Locator("#support tbody tr")).ToHaveCountAsync(info.CategorySupport.Count);
        await Expect(page.Locator("#support tbody tr").First).ToContainTextAsync(info.CategorySupport[0].Category);
        await Expect(page.Locator("#metrics thead th")).ToHaveTextAsync(["Metric", "Model", "Always Upheld"]);
        var auc = await page.Locator("#metrics tbody tr:has(th:text-is('ROC-AUC')) td").AllTextContentsAsync();
        Assert.Equal(info.ValidationRocAuc.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), auc[0]);
        Assert.Equal("0.500", auc[1]);
        Assert.True(await page.Locator("#reliability tbody tr").CountAsync() >= 2, "the reliability table has its bins");

        Assert.Equal(["report.md", "roc.png", "pr.png", "calibration.png"], info.ReportFiles);
        var images = page.Locator(".plots img");
        await Expect(images).ToHaveCountAsync(3);
        foreach (var image in await images.AllAsync())
        {
            await image.ScrollIntoViewIfNeededAsync();
            await Expect(image).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 100, "the plot image loads");
        }

        // Each plot opens at full size, as the report file itself.
        var fullSize = await page.Locator(".plots a.full-size").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(3, fullSize.Length);
        Assert.All(fullSize, href => Assert.StartsWith("/v1/model/report/", href, StringComparison.Ordinal));
        // One calibration term, the true one: the trainer line no longer names a calibration beside it.
        await Expect(page.Locator("#trainer")).Not.ToContainTextAsync("Platt");
        // Categories read as words, not as the API's codes.
        Assert.All(await page.Locator("#support tbody td:first-child").AllTextContentsAsync(), c => Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", c));

        await tab.ScreenshotAsync("model");
        tab.AssertNoProblems();
    }
}
