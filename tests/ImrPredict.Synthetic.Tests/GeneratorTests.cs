using System.Globalization;
using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.TestSupport;

namespace ImrPredict.Synthetic.Tests;

public sealed partial class GeneratorTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imr-generate-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(GeneratedFormat.Markdown, 300)]
    [InlineData(GeneratedFormat.Text, 300)]
    [InlineData(GeneratedFormat.Pdf, 120)]
    public void Every_generated_letter_round_trips_through_the_parser(GeneratedFormat format, int letters)
    {
        var generator = new LetterGenerator(seed: 11);
        var output = Path.Combine(_directory.FullName, format.ToString());
        var failures = new List<string>();
        var partials = 0;
        var multiItem = 0;
        for (var index = 0; index < letters; index++)
        {
            var letter = generator.Generate(index);
            var truth = CorpusWriter.WriteLetter(output, letter, format);
            var file = Directory.EnumerateFiles(output, letter.Header.CaseNumber + ".*", SearchOption.AllDirectories).Single();

            var parsed = LetterReader.ReadFile(file);

            if (!parsed.Success)
            {
                failures.Add($"{file}: {parsed.Error}");
                continue;
            }

            var value = parsed.Value;
            var expected = letter.Items.Select(i => (i.RequestedItem, i.Decision, i.Partial)).ToList();
            var actual = value.Items.Select(i => (i.RequestedItem, i.Decision, i.Partial)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{file}: items differ: expected [{string.Join(" | ", expected)}] got [{string.Join(" | ", actual)}]");
            }

            Assert.Equal(letter.Items.Count, truth.Length);
            Assert.All(truth, line => Assert.Contains($"\"letterId\":\"{value.LetterId}\"", line, StringComparison.Ordinal));
            Assert.Equal(letter.Reviewer.Licensure, value.Reviewer.Licensure);
            Assert.Equal(letter.Reviewer.Specialties, value.Reviewer.Specialties);
            Assert.Equal(letter.ClinicalSummary, value.ClinicalSummary);
            Assert.Equal(letter.Items.Select(i => i.Rationale), value.Items.Select(i => i.Rationale));
            if (value.Header.CaseNumber is not null)
            {
                Assert.Equal(letter.Header, value.Header);
            }

            partials += letter.Items.Count(i => i.Partial is not null);
            multiItem += letter.Items.Count > 1 ? 1 : 0;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {letters} letters failed; first: {failures.FirstOrDefault()}");
        Assert.True(partials > 0, "the sample holds partial authorizations");
        Assert.True(multiItem > letters / 3, "the sample holds letters of several items");
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_output_and_another_seed_does_not()
    {
        var first = Path.Combine(_directory.FullName, "a");
        var second = Path.Combine(_directory.FullName, "b");
        var other = Path.Combine(_directory.FullName, "c");

        CorpusWriter.Write(first, 60, seed: 5, GeneratedFormat.Mixed, cancellationToken: TestContext.Current.CancellationToken);
        CorpusWriter.Write(second, 60, seed: 5, GeneratedFormat.Mixed, cancellationToken: TestContext.Current.CancellationToken);
        CorpusWriter.Write(other, 60, seed: 6, GeneratedFormat.Mixed, cancellationToken: TestContext.Current.CancellationToken);

        var firstFiles = Snapshot(first);
        var secondFiles = Snapshot(second);
        Assert.Equal(firstFiles.Keys, secondFiles.Keys);
        foreach (var (name, bytes) in firstFiles)
        {
            Assert.True(bytes.SequenceEqual(secondFiles[name]), $"{name} differs between two runs of one seed");
        }

        Assert.Contains(firstFiles.Keys, name => name.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(firstFiles.Keys, name => name.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains(firstFiles.Keys, name => name.EndsWith(".txt", StringComparison.Ordinal));
        Assert.False(firstFiles["truth.jsonl"].SequenceEqual(File.ReadAllBytes(Path.Combine(other, "truth.jsonl"))));
    }

    [Fact]
    public void Repeated_requests_of_one_kind_are_judged_on_the_same_stated_facts()
    {
        // Imaging requests carry no facts of their own (no quantity, no ingredient), so two in one letter differ only
        // in wording; the summary cannot tell which study a sentence is about, and neither may the truth.
        var generator = new LetterGenerator(seed: 5);
        var imagingPairs = Enumerable.Range(0, 4000)
            // A retrospective request carries a fact of its own, written in the request: it may differ.
            .Select(i => generator.Generate(i).Items.Where(item => item.Category == ItemCategory.Imaging && !item.RequestedItem.Contains("retro", StringComparison.OrdinalIgnoreCase)).ToList())
            .Where(imaging => imaging.Count >= 2)
            .ToList();

        Assert.True(imagingPairs.Count >= 20, $"only {imagingPairs.Count} letters with two imaging requests");
        Assert.All(imagingPairs, imaging => Assert.Single(imaging.Select(item => Math.Round(item.POverturned, 12)).Distinct()));
    }

    [Fact]
    public void Different_drugs_of_one_kind_share_every_stated_fact_that_names_no_drug()
    {
        // "A urine drug screen was consistent" cannot be told to belong to Norco rather than Tramadol: when no fact sentence
        // names either drug and their quantities fall on the same side of the large-quantity rule, nothing a reader can see
        // separates them, so their true probabilities must be equal.
        var pairs = 0;
        foreach (var (facts, opioids) in LettersWithTwoOpioids.Value)
        {
            if (opioids.Select(o => o.Drug).Distinct().Count() < 2 || opioids.Any(o => facts.Contains(o.Drug, StringComparison.OrdinalIgnoreCase))
                || opioids.Select(o => o.Large).Distinct().Count() > 1)
            {
                continue;
            }

            pairs++;
            Assert.Single(opioids.Select(o => Math.Round(o.POverturned, 12)).Distinct());
        }

        Assert.True(pairs >= 10, $"only {pairs} letters with two different opioids and no drug named in their facts");
    }

    [Fact]
    public void Two_requests_of_one_drug_hold_the_same_sentences_about_it_after_another_drug_of_their_kind()
    {
        // Norco, then Tramadol twice: the letter's Tramadol sentences cannot be split between the two Tramadol requests.
        var cases = 0;
        foreach (var (_, opioids) in LettersWithTwoOpioids.Value)
        {
            foreach (var repeated in opioids.Skip(1).GroupBy(o => (o.Drug, o.Large)).Where(g => g.Count() >= 2 && g.Key.Drug != opioids[0].Drug))
            {
                cases++;
                Assert.Single(repeated.Select(o => Math.Round(o.POverturned, 12)).Distinct());
            }
        }

        Assert.True(cases >= 3, $"only {cases} letters with one opioid then two requests of another");
    }

    /// <summary>
    /// Letters of seed 5 (of 40,000) with at least two opioid requests that are not partial authorizations: the summary
    /// up to its closing sentence (which lists every request), and each opioid's drug, large-quantity flag (#180 or
    /// more lowers the truth) and true probability.
    /// </summary>
    private static readonly Lazy<List<(string Facts, List<(string Drug, bool Large, double POverturned)> Opioids)>> LettersWithTwoOpioids = new(() =>
    {
        var generator = new LetterGenerator(seed: 5);
        var letters = new List<(string, List<(string, bool, double)>)>();
        for (var index = 0; index < 40_000; index++)
        {
            var letter = generator.Generate(index);
            var opioids = letter.Items
                .Where(item => item.Category == ItemCategory.Opioid && item.Partial is null && !item.RequestedItem.Contains("retro", StringComparison.OrdinalIgnoreCase))
                .Select(item => (Match: DrugName().Match(item.RequestedItem), item.POverturned))
                .Select(o => (o.Match.Groups["drug"].Value, int.Parse(o.Match.Groups["count"].Value, CultureInfo.InvariantCulture) >= 180, o.POverturned))
                .ToList();
            if (opioids.Count >= 2)
            {
                letters.Add((StatedFacts(letter.ClinicalSummary), opioids));
            }
        }

        return letters;

        static string StatedFacts(string summary)
        {
            var closing = summary.IndexOf("Utilization review non-certified", StringComparison.Ordinal);
            closing = closing >= 0 ? closing : summary.IndexOf("At issue are the requests", StringComparison.Ordinal);
            return closing >= 0 ? summary[..closing] : summary;
        }
    });

    [GeneratedRegex(@"^(?<drug>.+?) \d[^#]*#(?<count>\d+)")]
    private static partial Regex DrugName();

    [Fact]
    public void Labels_follow_the_stated_probabilities_with_an_overturn_rate_near_real_letters()
    {
        var generator = new LetterGenerator(seed: 3);
        var items = Enumerable.Range(0, 4000).SelectMany(i => generator.Generate(i).Items).ToList();

        var rate = items.Count(i => i.Decision == Decision.Overturned) / (double)items.Count;
        var meanP = items.Average(i => i.POverturned);

        Assert.InRange(rate, 0.085, 0.14);
        Assert.InRange(Math.Abs(rate - meanP), 0, 0.015);
        var high = items.Where(i => i.POverturned > 0.5).ToList();
        var low = items.Where(i => i.POverturned < 0.05).ToList();
        Assert.True(high.Count > 50 && low.Count > 1000, "the model spreads probabilities");
        Assert.InRange(high.Count(i => i.Decision == Decision.Overturned) / (double)high.Count, 0.5, 0.95);
        Assert.InRange(low.Count(i => i.Decision == Decision.Overturned) / (double)low.Count, 0.0, 0.06);
        Assert.True(items.Select(i => i.Category).Distinct().Count() == Enum.GetValues<ItemCategory>().Length, "every category is drawn");
    }

    [Fact]
    public void Rationales_state_the_verdict_but_summaries_do_not()
    {
        var generator = new LetterGenerator(seed: 9);
        foreach (var letter in Enumerable.Range(0, 200).Select(i => generator.Generate(i)))
        {
            Assert.DoesNotContain("medically necessary", letter.ClinicalSummary, StringComparison.OrdinalIgnoreCase);
            foreach (var item in letter.Items)
            {
                var says = item.Decision == Decision.Overturned ? "is medically necessary." : "is not medically necessary.";
                Assert.EndsWith(says, item.Rationale, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Generated_text_is_not_copied_from_the_real_letters()
    {
        var root = SharedDataLocation.Find();
        if (root is null)
        {
            Assert.Skip("../shared is absent: cannot compare generated wording with the real letters");
        }

        var real = Directory.GetFiles(Path.Combine(root, "data", "letters", "seeds"), "*.txt")
            .SelectMany(f => TextSentences(File.ReadAllText(f)))
            .Where(s => s.Length > 60)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var generator = new LetterGenerator(seed: 4);
        var generated = Enumerable.Range(0, 300).Select(i => generator.Generate(i))
            .SelectMany(l => TextSentences(l.ClinicalSummary).Concat(l.Items.SelectMany(i => TextSentences(i.Rationale))));

        Assert.DoesNotContain(generated, real.Contains);
    }

    private static IEnumerable<string> TextSentences(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Split(". ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);
}
