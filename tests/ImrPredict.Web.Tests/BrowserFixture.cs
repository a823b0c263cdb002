using ImrPredict.Server.V1;
using ImrPredict.Web.Tests;

[assembly: AssemblyFixture(typeof(BrowserFixture))]

namespace ImrPredict.Web.Tests;

/// <summary>
/// The one service and browser of the run: the real server as its own process on loopback ports, started on an empty
/// models folder and store so its first start builds the default bundle and puts 1,500 generated letters into the store
/// (as a fresh clone does), and Debian's Chromium driven by Playwright (browsers cannot be downloaded here, so it is
/// launched by its path). Without Chromium the tests skip and say how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("imr-web-models-");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-web-data-");
    private IPlaywright? _playwright;

    /// <summary>Chromium's path: <c>IMRPREDICT_CHROMIUM</c>, else Debian's.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("IMRPREDICT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each test's screenshots go (the current ones are copied into docs/ by hand).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"no Chromium at {ChromiumPath}: apt-get install chromium (or set IMRPREDICT_CHROMIUM)";
            return;
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        Server = new ServerProcess(_models.FullName, _data.FullName, new Dictionary<string, string>
        {
            ["ImrPredict:BuildDefaultBundle"] = "true",
            ["ImrPredict:DefaultCorpusLetters"] = "1500",
        })
        { StartTimeout = TimeSpan.FromMinutes(10) };
        await Server.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await Server.Client.GetModelInfoAsync(new GetModelInfoRequest())).Precedents < 1000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>The models folder of the shared server (its bundle, built at the first start).</summary>
    public string ModelsDirectory => _models.FullName;

    /// <summary>A new tab (its own session storage) at laptop size, or the given size; skips the test without a browser.</summary>
    public async Task<BrowserTab> OpenAsync(int width = 1280, int height = 900, Uri? server = null)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server.JsonAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        return await BrowserTab.OpenAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _models.Delete(recursive: true);
        _data.Delete(recursive: true);
    }
}
