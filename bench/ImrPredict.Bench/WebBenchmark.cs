using Microsoft.Playwright;

namespace ImrPredict.Bench;

/// <summary>
/// <c>web [url] [runs=5]</c>: the web app through Debian's Chromium (Playwright): each page's first load in a fresh
/// browser context (bytes transferred, compressed; DOMContentLoaded; time until its content is drawn), and
/// search-to-results on the Precedents page (submit to hits drawn) over 20 queries. Without a URL it starts the service
/// on the repository's default bundle and store. Targets: first load &lt;= 300 KB, results &lt;= 200 ms.
/// </summary>
internal static class WebBenchmark
{
    private static readonly string[] Queries =
    [
        "urine drug screen", "functional improvement", "lumbar mri radiculopathy", "physical therapy sessions", "baclofen spasm",
        "epidural steroid injection", "tramadol", "knee arthroscopy", "cervical spine", "topical compound", "emg ncv", "gabapentin neuropathic",
        "home exercise program", "acupuncture", "shoulder mri", "opioid weaning", "tens unit", "chiropractic", "psychological evaluation", "x-ray",
    ];

    public static int Run(string[] args)
    {
        var chromium = Environment.GetEnvironmentVariable("IMRPREDICT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Console.WriteLine($"web benchmark skipped: no Chromium at {chromium} (apt-get install chromium)");
            return 0;
        }

        var url = args.Length > 0 && args[0].StartsWith("http", StringComparison.Ordinal) ? args[0] : null;
        var runs = args.Length > (url is null ? 0 : 1) ? int.Parse(args[^1], CultureInfo.InvariantCulture) : 5;
        ServerUnderLoad? app = null;
        if (url is null)
        {
            var json = BenchSupport.FreePort();
            app = ServerUnderLoad.OnRepository(BenchSupport.FreePort(), json);
            url = $"http://127.0.0.1:{json}/";
        }

        try
        {
            return Measure(url, chromium, runs).GetAwaiter().GetResult();
        }
        finally
        {
            app?.Dispose();
        }
    }

    private static async Task<int> Measure(string url, string chromium, int runs)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline && !(await Ready(http)))
        {
            await Task.Delay(500);
        }

        var anyId = System.Text.Json.JsonDocument.Parse(await (await http.PostAsync("v1/precedents:search",
            new StringContent("{\"query\": \"mri\", \"pageSize\": 1}", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())
            .RootElement.GetProperty("hits")[0].GetProperty("id").GetString()!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        Console.WriteLine($"web benchmark: {url}, Chromium headless, {runs} cold loads per page, {Environment.ProcessorCount} cores shared by browser and server");
        Console.WriteLine("page                         KB transferred   DOMContentLoaded ms   content drawn ms (median)");
        (string Name, string Path, string Ready)[] pages =
        [
            ("Precedents (with a query)", "/?q=urine+drug+screen", "#results[data-state=done]"),
            ("Precedent", "/precedent?id=" + Uri.EscapeDataString(anyId) + "&q=mri", "#precedent[data-state=done]"),
            ("Assess", "/assess", "#case"),
            ("Triage", "/triage", "#files"),
            ("Model", "/model", "#model[data-state=done]"),
            ("Admin", "/admin", "#key-form"),
        ];
        var heaviest = 0.0;
        foreach (var (name, path, ready) in pages)
        {
            var bytes = new List<double>();
            var loaded = new List<double>();
            var drawn = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url });
                var page = await context.NewPageAsync();
                var finished = new List<IRequest>();
                page.RequestFinished += (_, r) =>
                {
                    lock (finished)
                    {
                        finished.Add(r);
                    }
                };
                var stopwatch = Stopwatch.StartNew();
                await page.GotoAsync(path);
                await page.Locator(ready).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
                drawn.Add(stopwatch.Elapsed.TotalMilliseconds);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                loaded.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"));
                var total = 0L;
                foreach (var request in finished.ToList())
                {
                    var sizes = await request.SizesAsync();
                    total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                }

                bytes.Add(total / 1024.0);
            }

            heaviest = Math.Max(heaviest, bytes.Max());
            Console.WriteLine($"{name,-28} {BenchSupport.Median(bytes),14:N1} {BenchSupport.Median(loaded),21:N0} {BenchSupport.Median(drawn),27:N0}");
        }

        Console.WriteLine($"heaviest first load {heaviest:N1} KB (target <= 300 KB)");

        // Search to results: submit on a loaded page until the hits are drawn, as the page measures it and as the browser sees it.
        await using var searchContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url });
        var searchPage = await searchContext.NewPageAsync();
        await searchPage.GotoAsync("/");
        var inPage = new List<double>();
        var outside = new List<double>();
        foreach (var query in Queries.Concat(Queries))
        {
            await searchPage.FillAsync("#q", query);
            var stopwatch = Stopwatch.StartNew();
            await searchPage.ClickAsync("#search button[type=submit]");
            await searchPage.WaitForFunctionAsync("q => document.getElementById('results').dataset.state === 'done' && new URLSearchParams(location.search).get('q') === q", query);
            outside.Add(stopwatch.Elapsed.TotalMilliseconds);
            inPage.Add(double.Parse(await searchPage.GetAttributeAsync("#results", "data-ms") ?? "0", CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"search to results, {inPage.Count} searches (20 queries twice): in-page submit-to-drawn median {BenchSupport.Median(inPage):N0} ms, p90 {BenchSupport.Percentile(inPage, 0.9):N0} ms; " +
            $"driver click-to-drawn median {BenchSupport.Median(outside):N0} ms (target <= 200 ms)");
        return 0;
    }

    private static async Task<bool> Ready(HttpClient http)
    {
        try
        {
            var info = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("v1/model")).RootElement;
            return info.TryGetProperty("precedents", out var p) && p.GetInt32() > 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
