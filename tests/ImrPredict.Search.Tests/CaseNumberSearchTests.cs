namespace ImrPredict.Search.Tests;

/// <summary>
/// A case number in any form users type it (<c>CM16-0213037</c>, <c>cm160213037</c>, the serial <c>0213037</c>, with
/// words around) finds its letter first, marked exact; a number no letter has is said so rather than answered with
/// hits that share its digits.
/// </summary>
public sealed class CaseNumberSearchTests
{
    public static TheoryData<string, string, string[], string> Queries => new()
    {
        { "as printed", "CM16-0213037", ["CM16-0213037"], "" },
        { "run together, lower case", "cm160213037", ["cm160213037"], "" },
        { "with a space", "CM16 0213037", ["CM16 0213037"], "" },
        { "the serial alone", "0213037", ["0213037"], "" },
        { "with words around", "letter CM16-0213037 norco refill", ["CM16-0213037"], "letter norco refill" },
        { "two of them", "CM16-0213037 and CM17-0000001", ["CM16-0213037", "CM17-0000001"], "and" },
        { "a date is not a serial", "decided 2016-12-01 MRI", [], "decided 2016-12-01 MRI" },
        { "an NDC or a dose is not a serial", "Norco 10/325 #1234567.5 NDC 0591-0385-01", [], "Norco 10/325 #1234567.5 NDC 0591-0385-01" },
        { "a letter id", "sha-1a2b3c4d5e6f7a8b precedent", ["sha-1a2b3c4d5e6f7a8b"], "precedent" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Identifiers_are_found_in_the_forms_users_type(string why, string query, string[] typed, string remainder)
    {
        var (identifiers, rest) = CaseIdentifiers.Find(query);

        Assert.True(typed.SequenceEqual(identifiers.Select(i => i.Typed)), $"{why}: found {string.Join(", ", identifiers.Select(i => i.Typed))}");
        Assert.Equal(remainder, rest);
    }

    [Fact]
    public void A_case_number_in_every_form_finds_its_letter_first_and_an_unknown_one_says_so()
    {
        using var index = PrecedentIndex.InMemory();
        var generator = new LetterGenerator(seed: 5150);
        var letters = Enumerable.Range(0, 60).Select(i => LetterReader.ReadBytes(System.Text.Encoding.UTF8.GetBytes(LetterRenderer.Markdown(generator.Generate(i)))).Value).ToList();
        index.AddLetters(letters);
        var misses = new List<string>();

        foreach (var letter in letters.Where(l => l.Header.CaseNumber is not null).Take(20))
        {
            foreach (var query in Forms(letter.Header.CaseNumber!))
            {
                var page = index.SearchByText(query, SearchFilters.None).Value;
                if (page.Hits.Count == 0 || page.Hits[0].LetterId != letter.LetterId || !page.Hits[0].Exact)
                {
                    misses.Add($"{query}: {(page.Hits.Count == 0 ? "no hit" : page.Hits[0].LetterId)}");
                }
            }
        }

        var unknown = index.SearchByText("CM99-9999999", SearchFilters.None).Value;
        var unknownWithWords = index.SearchByText("CM99-9999999 lumbar MRI", SearchFilters.None).Value;

        Assert.True(misses.Count == 0, string.Join("\n", misses));
        Assert.Empty(unknown.Hits);
        Assert.Equal("no letter has the case number CM99-9999999", unknown.Notice);
        Assert.Equal(unknown.Notice, unknownWithWords.Notice);
        Assert.All(unknownWithWords.Hits, h => Assert.False(h.Exact));
    }

    [Fact]
    public void Every_real_letters_case_number_in_three_forms_finds_that_letter_first()
    {
        var letters = SharedLetters.All();
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(letters);
        var misses = new List<string>();
        var tried = 0;

        foreach (var letter in letters.Where(l => l.Header.CaseNumber is not null))
        {
            foreach (var query in Forms(letter.Header.CaseNumber!))
            {
                tried++;
                var page = index.SearchByText(query, SearchFilters.None).Value;
                if (page.Hits.Count == 0 || page.Hits[0].LetterId != letter.LetterId)
                {
                    misses.Add($"{query}: {(page.Hits.Count == 0 ? "no hit" : page.Hits[0].LetterId)}");
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"case numbers: {tried - misses.Count} of {tried} queries found their letter first");
        Assert.True(letters.Count >= 130, $"only {letters.Count} real letters parsed");
        Assert.Equal(letters.Count * 3, tried);
        Assert.True(misses.Count == 0, $"{misses.Count} of {tried} missed:\n{string.Join("\n", misses.Take(20))}");
    }

    /// <summary>The three forms the issue names: as printed, run together in lower case, and the serial with words around.</summary>
    private static IEnumerable<string> Forms(string caseNumber)
    {
        var serial = caseNumber[^7..];
        return [caseNumber, caseNumber.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), $"the letter {serial} please"];
    }
}
