using System.Text.Json;

namespace ImrPredict.Core.Tests;

/// <summary>Every seed letter in shared/ parses to exactly what its hand-read expected.json says.</summary>
public class SeedLetterTests
{
    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        var root = SharedData.RootDirectory;
        var expected = root is null ? null : Path.Combine(root, "data", "letters", "seeds", "expected.json");
        if (expected is null || !File.Exists(expected))
        {
            data.Add("(shared absent)");
            return data;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(expected));
        foreach (var letter in document.RootElement.GetProperty("letters").EnumerateObject())
        {
            data.Add(letter.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Seed_matches_expected(string seedName)
    {
        var seeds = SharedData.RequireDirectory("data", "letters", "seeds");
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var expected = document.RootElement.GetProperty("letters").GetProperty(seedName);

        var result = LetterReader.ReadFile(Path.Combine(seeds, seedName));

        Assert.True(result.Success, result.Error?.ToString());
        var letter = result.Value;
        var expectedFormat = expected.GetProperty("format").GetString() == "markdown" ? LetterFormat.Markdown : LetterFormat.PdfText;
        Assert.Equal(expectedFormat, letter.Format);
        Assert.Equal(Text(expected, "caseNumber"), letter.Header.CaseNumber);
        Assert.Equal(Text(expected, "dateAssigned"), Iso(letter.Header.DateAssigned));
        Assert.Equal(Text(expected, "dateOfInjury"), Iso(letter.Header.DateOfInjury));
        Assert.Equal(Text(expected, "decisionDate"), Iso(letter.Header.DecisionDate));
        Assert.Equal(Text(expected, "urDenialDate"), Iso(letter.Header.UrDenialDate));
        Assert.Equal(Text(expected, "priority"), letter.Header.Priority);
        Assert.Equal(Text(expected, "applicationReceived"), Iso(letter.Header.ApplicationReceived));
        Assert.Equal(Strings(expected, "reviewerLicensure"), letter.Reviewer.Licensure);
        Assert.Equal(Strings(expected, "reviewerSpecialties"), letter.Reviewer.Specialties);

        var expectedItems = expected.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("requestedItem").GetString(), i.GetProperty("decision").GetString()))
            .ToList();
        var actualItems = letter.Items.Select(i => ((string?)i.RequestedItem, (string?)i.Decision.ToString())).ToList();
        Assert.Equal(expectedItems, actualItems);

        Assert.DoesNotContain("developed the following clinical case summary", letter.ClinicalSummary, StringComparison.OrdinalIgnoreCase);
        Assert.True(letter.ClinicalSummary.Length > 200, "the clinical summary came out whole");
        Assert.All(letter.Items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Rationale));
            Assert.EndsWith(".", item.Rationale);
            Assert.NotNull(item.MaximusGuideline);
            Assert.NotEmpty(item.GuidelineCitations);
        });
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
