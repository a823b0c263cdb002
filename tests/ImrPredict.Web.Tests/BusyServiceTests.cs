using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>
/// A replica at its limit answers 429 with Retry-After; the pages wait as told and send the call again, so triage of PDF
/// letters over a busy service still ranks every letter instead of listing some as refused.
/// </summary>
public sealed class BusyServiceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Triage_waits_out_a_busy_service_and_ranks_every_letter()
    {
        var token = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var models = Path.Combine(temp.Directory.FullName, "models");
        FolderCopy.Copy(Path.Combine(fixture.ModelsDirectory, "default"), Path.Combine(models, "default"));
        // One PDF letter every two seconds: the second and third of three sent at once are refused at first.
        await using var busy = new ServerProcess(models, temp.File("data"), new Dictionary<string, string>
        {
            ["ImrPredict:CallLimits:PredictLetterPdf:PermitsPerSecond"] = "0.5",
            ["ImrPredict:CallLimits:PredictLetterPdf:Burst"] = "1",
        });
        await busy.StartAsync(token);
        var letters = new DirectoryInfo(temp.File("letters"));
        letters.Create();
        var paths = Letters.Write(letters, first: 300, count: 3, pdfEvery: 1);
        var expectedItems = Enumerable.Range(300, 3).Sum(i => Letters.Letter(i).Items.Count);

        await using var tab = await fixture.OpenAsync(server: busy.JsonAddress);
        var page = tab.Page;
        await page.GotoAsync("/triage");
        await page.SetInputFilesAsync("#files", paths);

        await Expect(page.Locator("#ranking[data-state=done]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#status")).ToContainTextAsync($"{expectedItems} items ranked from 3 files");
        await Expect(page.Locator("#table tbody tr")).ToHaveCountAsync(expectedItems);
        Assert.Equal(3, (await page.Locator("#table tbody tr td:nth-child(2)").AllTextContentsAsync()).Distinct().Count());

        // The limit did refuse calls on the way (the pages retried them), and only those answered 429.
        using var http = new HttpClient { BaseAddress = busy.JsonAddress };
        var metrics = await http.GetStringAsync("metrics", token);
        var limited = Regex.Match(metrics, @"^imrpredict_rpc_limited_total\{[^}]*method=""PredictLetterPdf""[^}]*\} (\d+)", RegexOptions.Multiline);
        Assert.True(limited.Success && int.Parse(limited.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, metrics);
        Assert.All(tab.Problems, problem => Assert.Contains("429", problem, StringComparison.Ordinal));
    }
}
