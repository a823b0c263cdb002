using static Microsoft.Playwright.Assertions;

namespace ImrPredict.Web.Tests;

/// <summary>A model that learned from generated letters is labelled a demo on every page a person reads.</summary>
public sealed class DemoModelLabelTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/assess")]
    [InlineData("/triage")]
    [InlineData("/model")]
    public async Task Every_page_says_the_serving_model_is_a_demo_trained_on_generated_letters(string path)
    {
        var info = await fixture.Server.Client.GetModelInfoAsync(new Server.V1.GetModelInfoRequest());
        await using var tab = await fixture.OpenAsync();

        await tab.Page.GotoAsync(path);

        Assert.True(info.TrainedOnGenerated, "the shared server's bootstrapped bundle learned from generated letters");
        var banner = tab.Page.Locator(".demo-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Demo model trained on generated letters: add your decided letters and retrain");
    }
}
