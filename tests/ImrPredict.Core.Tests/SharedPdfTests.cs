using System.Text.RegularExpressions;

namespace ImrPredict.Core.Tests;

/// <summary>The 134 real letters in shared/ parse whole.</summary>
public class SharedPdfTests
{
    [Fact]
    public void Every_shared_pdf_parses_with_one_item_per_rationale()
    {
        var folder = SharedData.RequireDirectory("data", "letters", "pdf");
        var files = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(134, files.Count);

        var upheld = 0;
        var overturned = 0;
        var problems = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var text = LetterReader.ExtractPdfText(bytes);
            var result = LetterReader.ReadBytes(bytes);
            if (!text.Success || !result.Success)
            {
                problems.Add($"{Path.GetFileName(file)}: {result.Error ?? text.Error}");
                continue;
            }

            var rationales = Regex.Count(text.Value, @"Decision\s+rationale\s*:", RegexOptions.IgnoreCase);
            var letter = result.Value;
            if (letter.Items.Count != rationales)
            {
                problems.Add($"{Path.GetFileName(file)}: {letter.Items.Count} items but {rationales} rationales");
            }

            Assert.Equal(Path.GetFileNameWithoutExtension(file), letter.Header.CaseNumber);
            Assert.Equal(letter.Header.CaseNumber, letter.LetterId);
            Assert.NotNull(letter.Header.DecisionDate);
            Assert.NotEmpty(letter.Reviewer.Licensure);
            Assert.NotEmpty(letter.Reviewer.Specialties);
            Assert.False(string.IsNullOrWhiteSpace(letter.ClinicalSummary));
            foreach (var item in letter.Items)
            {
                Assert.False(string.IsNullOrWhiteSpace(item.RequestedItem));
                Assert.DoesNotMatch(@"(?i)\b(upheld|overturned)\s*$", item.RequestedItem);
                Assert.DoesNotContain("Decision rationale", item.Rationale, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Claims Administrator guideline", item.Rationale, StringComparison.OrdinalIgnoreCase);
                Assert.True(item.RequestedItem.Length < 400, $"{letter.LetterId} item {item.Index} header swallowed text: {item.RequestedItem}");
                _ = item.Decision == Decision.Upheld ? upheld++ : overturned++;
            }
        }

        Assert.Empty(problems);
        Assert.Equal(290, upheld);
        Assert.Equal(33, overturned);
    }

    // Read by hand from the letters: original request, authorized part, disputed remainder, decision.
    [Theory]
    [InlineData("CM16-0230651.pdf", 9, "Physical therapy to the low back eight sessions", "Physical therapy to the low back six sessions", "Physical therapy to the low back two sessions", "Upheld")]
    [InlineData("CM16-0233904.pdf", 0, "Baclofen 100mg #30", "Baclofen 100mg #27", "Baclofen 100mg #3", "Upheld")]
    [InlineData("CM16-0234202.pdf", 0, "Norco 10/325mg #60", "Norco 10/325mg #25", "Norco 10/325mg #35", "Upheld")]
    [InlineData("CM16-0249536.pdf", 5, "Acupuncture treatments (unspecified quantity)", "Acupuncture treatments, 6 sessions", "Acupuncture treatments (unspecified quantity)", "Upheld")]
    [InlineData("CM17-0001749.pdf", 0, "Partial Hospitalization day treatment", "an Evaluation only for a Partial Hospitalization day treatment", "Partial Hospitalization day treatment", "Overturned")]
    [InlineData("CM17-0002181.pdf", 0, "Ibuprofen 600mg #90 with 2 refill", "Ibuprofen 600mg #90", "Two refills of Ibuprofen 600mg #90", "Upheld")]
    [InlineData("CM16-0229336.pdf", 0, "Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture", "Skilled nursing facility for 7 days with PT/OT once a day for left foot fracture", "Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture", "Overturned")]
    public void Partial_authorizations_keep_all_three_parts(string file, int index, string original, string authorized, string remainder, string decision)
    {
        var folder = SharedData.RequireDirectory("data", "letters", "pdf");

        var letter = LetterReader.ReadFile(Path.Combine(folder, file));

        Assert.True(letter.Success, letter.Error?.ToString());
        var item = letter.Value.Items[index];
        Assert.NotNull(item.Partial);
        Assert.Equal(original, item.Partial.OriginalRequest);
        Assert.Equal(authorized, item.Partial.AuthorizedPortion);
        Assert.Equal(remainder, item.Partial.DisputedRemainder);
        Assert.Equal(remainder, item.RequestedItem);
        Assert.Equal(decision, item.Decision.ToString());
    }
}
