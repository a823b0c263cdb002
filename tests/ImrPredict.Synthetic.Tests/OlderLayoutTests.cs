using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;

namespace ImrPredict.Synthetic.Tests;

/// <summary>Letters generated in the 2013-2015 layouts read back exactly, in every form.</summary>
public sealed class OlderLayoutTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imr-layouts-");

    public void Dispose() => _directory.Delete(recursive: true);

    public static TheoryData<LetterLayout, GeneratedFormat, int> Cases()
    {
        var data = new TheoryData<LetterLayout, GeneratedFormat, int>();
        foreach (var layout in new[] { LetterLayout.Notice2013, LetterLayout.FinalDetermination2014, LetterLayout.MedicalProfessionalReview })
        {
            data.Add(layout, GeneratedFormat.Markdown, 120);
            data.Add(layout, GeneratedFormat.Text, 120);
            data.Add(layout, GeneratedFormat.Pdf, 40);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_letters_in_an_older_layout_round_trip_exactly(LetterLayout layout, GeneratedFormat format, int letters)
    {
        var generator = new LetterGenerator(seed: 23);
        var output = Path.Combine(_directory.FullName, $"{layout}-{format}");
        for (var index = 0; index < letters; index++)
        {
            var letter = OlderLayouts.Age(generator.Generate(index), layout);
            CorpusWriter.WriteLetter(output, letter, format, layout);
            var file = Directory.EnumerateFiles(output, letter.Header.CaseNumber + ".*", SearchOption.AllDirectories).Single();

            var parsed = LetterReader.ReadFile(file);

            Assert.True(parsed.Success, $"{file}: {parsed.Error}");
            var value = parsed.Value;
            Assert.Equal(layout, value.Layout);
            Assert.Equal(ExpectedHeader(letter.Header, layout), value.Header);
            Assert.Equal(letter.Header.CaseNumber, value.LetterId);
            Assert.Equal(letter.ClinicalSummary, value.ClinicalSummary);
            Assert.Equal(letter.Reviewer.Licensure, value.Reviewer.Licensure);
            Assert.Equal(letter.Reviewer.Specialties, value.Reviewer.Specialties);
            Assert.Equal(
                letter.Items.Select(i => (i.RequestedItem, i.Decision, CaGuideline(i, layout), (string?)i.MaximusGuideline, i.Rationale)),
                value.Items.Select(i => (i.RequestedItem, i.Decision, i.ClaimsAdministratorGuideline, i.MaximusGuideline, i.Rationale)));
            Assert.Empty(value.Warnings);
        }
    }

    [Fact]
    public void Older_layouts_are_written_in_their_years()
    {
        var letter = new LetterGenerator(seed: 23).Generate(5);

        var notice = OlderLayouts.Age(letter, LetterLayout.Notice2013);
        var final2014 = OlderLayouts.Age(letter, LetterLayout.FinalDetermination2014);

        Assert.Equal(2013, notice.Header.DecisionDate!.Value.Year);
        Assert.StartsWith("CM13-", notice.Header.CaseNumber, StringComparison.Ordinal);
        Assert.InRange(final2014.Header.DecisionDate!.Value.Year, 2014, 2015);
        Assert.InRange((letter.Header.DecisionDate!.Value.DayNumber - letter.Header.DateOfInjury!.Value.DayNumber) - (notice.Header.DecisionDate.Value.DayNumber - notice.Header.DateOfInjury!.Value.DayNumber), -2, 2);
    }

    private static LetterHeader ExpectedHeader(LetterHeader header, LetterLayout layout) => layout switch
    {
        LetterLayout.Notice2013 => header with { DateAssigned = null, Priority = null },
        _ => header with { DateAssigned = null },
    };

    private static string? CaGuideline(SyntheticItem item, LetterLayout layout) =>
        layout == LetterLayout.MedicalProfessionalReview ? null : item.ClaimsAdministratorGuideline;
}
