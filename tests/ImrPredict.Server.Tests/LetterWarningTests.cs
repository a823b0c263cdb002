using System.Net.Http.Json;
using System.Text.Json;
using ImrPredict.Core.Letters;

namespace ImrPredict.Server.Tests;

/// <summary>PredictLetter reads an older layout and a letter with oddities, and says what looked odd, in gRPC and JSON.</summary>
public class LetterWarningTests(ServiceFixture fixture)
{
    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Predict_letter_returns_the_layout_and_the_parse_warnings()
    {
        var text = LetterRenderer.Text(new LetterGenerator(seed: 31).Generate(2), LetterLayout.FinalDetermination2014).TrimEnd();
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        var withoutFullStop = text[..^1];

        var response = await fixture.Client.PredictLetterAsync(new PredictLetterRequest { Text = withoutFullStop }, cancellationToken: Token);
        var json = await fixture.Http.PostAsJsonAsync(PredictLetterPath, new { text = withoutFullStop }, Token);

        Assert.Equal("FinalDetermination2014", response.Layout);
        Assert.StartsWith("CM1", response.CaseNumber, StringComparison.Ordinal);
        Assert.NotEmpty(response.Prediction.Items);
        Assert.Contains(response.Warnings, w => w.Code == nameof(ParseWarningCode.NoClosingPunctuation) && w.Message.Contains("full stop", StringComparison.Ordinal));
        json.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Token));
        Assert.Equal("NoClosingPunctuation", body.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("FinalDetermination2014", body.RootElement.GetProperty("layout").GetString());
    }

    private const string PredictLetterPath = "/v1/predict:letter";
}
