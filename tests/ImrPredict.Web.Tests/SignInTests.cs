using Grpc.Core;
using ImrPredict.Server.V1;
using ImrPredict.Synthetic;
using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>
/// The web app signing in through the organisation's provider (a real OpenID Connect server, <see cref="TestIdentityProvider"/>),
/// in Chromium: the authorization code flow with PKCE ends in an HttpOnly session cookie; the page says who is signed in and
/// hides what the role may not do; a write without the session's antiforgery token is refused; the admin page needs no
/// typed key and lists who read what.
/// </summary>
public sealed class SignInTests(BrowserFixture fixture) : IAsyncLifetime
{
    private TestIdentityProvider _provider = null!;
    private ServerProcess _server = null!;
    private DirectoryInfo _data = null!;
    private string _models = null!;

    public async ValueTask InitializeAsync()
    {
        if (fixture.SkipReason is not null)
        {
            return;
        }

        _provider = await TestIdentityProvider.StartAsync();
        _data = Directory.CreateTempSubdirectory("imr-signin-data-");
        _models = Path.Combine(Path.GetTempPath(), $"imr-signin-models-{Guid.NewGuid():N}");
        FolderCopy.Copy(Path.Combine(fixture.ModelsDirectory, "default"), Path.Combine(_models, "default"));
        var settings = new Dictionary<string, string>(_provider.ServiceSettings(web: true)) { ["ImrPredict:ApiKey"] = "" };
        var admin = new Metadata { { "authorization", "Bearer " + await _provider.TokenAsync("loader", ["admin"]) } };
        _server = new ServerProcess(_models, _data.FullName, settings) { StartCredentials = admin };
        await _server.StartAsync(TestContext.Current.CancellationToken);
        var letters = new AddDeterminationsRequest();
        var generator = new LetterGenerator(seed: 9090);
        letters.Letters.AddRange(Enumerable.Range(0, 6).Select(i => new LetterContent { Text = LetterRenderer.Markdown(generator.Generate(i)), Source = $"l{i}.md" }));
        await _server.Client.AddDeterminationsAsync(letters, admin);
    }

    [Fact]
    public async Task A_reader_signs_in_through_the_provider_and_sees_only_what_the_role_allows()
    {
        _provider.NextWebUser = ("rita", "Rita Reader", ["reader"]);
        await using var tab = await fixture.OpenAsync(server: _server.JsonAddress);
        var page = tab.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("#session")).ToContainTextAsync("Signed in as Rita Reader (reader)");
        await Expect(page.Locator("nav.site a[href='/triage']")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.site a[href='/admin']")).ToBeHiddenAsync();
        await page.FillAsync("#q", "physical therapy");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        tab.AssertNoProblems();
        var forged = await page.EvaluateAsync<int>("() => fetch('/v1/precedents:search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'MRI' }) }).then(r => r.status)");
        var admin = await page.EvaluateAsync<int>("() => fetch('/v1/model:reload', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(r => r.status)");
        var cookies = await page.Context.CookiesAsync();
        await tab.ScreenshotAsync("signed-in");

        Assert.True(tab.Requests.Any(r => r.Url.StartsWith(_provider.Issuer.ToString(), StringComparison.Ordinal) && r.Url.Contains("code_challenge=", StringComparison.Ordinal)),
            "the browser went through the provider's authorization endpoint with a PKCE challenge");
        Assert.Equal(403, forged);
        Assert.Equal(403, admin);
        var session = Assert.Single(cookies, c => c.Name == "imr.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.DoesNotContain("imr.session", await page.EvaluateAsync<string>("() => document.cookie"));
    }

    [Fact]
    public async Task An_admin_needs_no_typed_key_and_sees_who_read_what()
    {
        _provider.NextWebUser = ("rita", "Rita Reader", ["reader"]);
        await using (var reader = await fixture.OpenAsync(server: _server.JsonAddress))
        {
            await reader.Page.GotoAsync("/?q=lumbar");
            await Expect(reader.Page.Locator("#results[data-state=done]")).ToBeVisibleAsync();
        }

        _provider.NextWebUser = ("ada", "Ada Admin", ["admin"]);
        await using var tab = await fixture.OpenAsync(server: _server.JsonAddress);
        var page = tab.Page;
        await page.GotoAsync("/admin");
        await Expect(page.Locator("#session")).ToContainTextAsync("Ada Admin (admin)");
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#audit[data-state=done]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("#audit-records")).ToContainTextAsync("Rita Reader (rita)");
        await Expect(page.Locator("#audit-records")).ToContainTextAsync("SearchPrecedents");
        await page.ClickAsync("#reload button[type=submit]");
        await Expect(page.Locator("#reload-status")).ToContainTextAsync("Serving ");
        await tab.ScreenshotAsync("admin-signed-in");

        await page.ClickAsync("#session button");
        await page.WaitForURLAsync("**/auth/signedout");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Signed out");
        var after = await page.EvaluateAsync<bool>("() => fetch('/auth/me').then(r => r.json()).then(me => me.signedIn)");
        Assert.False(after, "signing out ends the session");
        tab.AssertNoProblems();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            await _provider.DisposeAsync();
            _data.Delete(recursive: true);
            Directory.Delete(_models, recursive: true);
        }
    }
}
