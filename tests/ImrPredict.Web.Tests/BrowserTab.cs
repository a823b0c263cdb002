namespace ImrPredict.Web.Tests;

/// <summary>One browser tab on the service, recording what the console said (script errors, CSP violations) and every request made.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (Problems)
                {
                    Problems.Add($"{message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (Problems)
            {
                Problems.Add($"page error: {error}");
            }
        };
        page.Request += (_, request) =>
        {
            lock (Requests)
            {
                Requests.Add(request);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors and warnings and uncaught script errors.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Every request the tab made.</summary>
    public List<IRequest> Requests { get; } = [];

    public static async Task<BrowserTab> OpenAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c>.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Fails when the console reported anything (a script error, a CSP violation).</summary>
    public void AssertNoProblems()
    {
        lock (Problems)
        {
            Assert.True(Problems.Count == 0, "the page reported: " + string.Join(" | ", Problems));
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
