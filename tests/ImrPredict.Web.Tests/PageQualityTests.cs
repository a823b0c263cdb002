using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>Every page: a strict Content-Security-Policy the page itself keeps, an accessibility check, a tablet's width, cached assets.</summary>
public sealed class PageQualityTests(BrowserFixture fixture)
{
    public static TheoryData<string> Pages => ["/", "/precedent?id=none", "/assess", "/triage", "/model", "/admin"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_passes_an_accessibility_check_under_its_csp(string path)
    {
        await using var tab = await fixture.OpenAsync();
        var response = await tab.Page.GotoAsync(path.Replace("?id=none", "?id=" + Uri.EscapeDataString(await AnyPrecedentId()), StringComparison.Ordinal));
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var axe = await tab.Page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        tab.AssertNoProblems();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_fits_a_tablet_and_works_from_the_keyboard(string path)
    {
        await using var tab = await fixture.OpenAsync(width: 768, height: 1024);
        var page = tab.Page;
        await page.GotoAsync(path.Replace("?id=none", "?id=" + Uri.EscapeDataString(await AnyPrecedentId()), StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 768 px");

        // The first Tab reaches the skip link, which leads to the content.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        // Waits for the fragment navigation rather than reading the address the instant Enter is pressed.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"tablet{path.Split('?')[0].Replace('/', '-')}.png") });
    }

    [Fact]
    public async Task Assets_are_versioned_cached_and_compressed()
    {
        await using var tab = await fixture.OpenAsync();
        var assets = new List<IResponse>();
        tab.Page.Response += (_, r) =>
        {
            if (r.Url.Contains("/assets/", StringComparison.Ordinal))
            {
                lock (assets)
                {
                    assets.Add(r);
                }
            }
        };
        await tab.Page.GotoAsync("/");
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(assets.Count >= 3, "the page loads its stylesheet and scripts");
        foreach (var asset in assets)
        {
            Assert.Contains("?v=", asset.Url, StringComparison.Ordinal);
            var headers = await asset.AllHeadersAsync();
            Assert.Contains("immutable", headers["cache-control"], StringComparison.Ordinal);
            Assert.Equal("br", headers.GetValueOrDefault("content-encoding"));
        }

        // A second visit takes them from the cache: only the page itself is asked for again.
        var before = tab.Requests.Count;
        var fromNetwork = new List<string>();
        tab.Page.RequestFinished += async (_, r) =>
        {
            var timing = r.Timing;
            if ((await r.ResponseAsync()) is { FromServiceWorker: false } response && !response.Url.Contains("/v1/", StringComparison.Ordinal) && timing.ResponseStart > 0 && timing.RequestStart > 0)
            {
                lock (fromNetwork)
                {
                    fromNetwork.Add(response.Url);
                }
            }
        };
        await tab.Page.GotoAsync("/assess");
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(tab.Requests.Count > before);
        Assert.DoesNotContain(fromNetwork, u => u.Contains("common.js", StringComparison.Ordinal) || u.Contains("app.css", StringComparison.Ordinal));
    }

    private async Task<string> AnyPrecedentId()
    {
        var found = await fixture.Server.Client.SearchPrecedentsAsync(new Server.V1.SearchPrecedentsRequest { Query = "mri", PageSize = 1 });
        return found.Hits[0].Id;
    }
}
