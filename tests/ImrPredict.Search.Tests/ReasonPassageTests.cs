using System.Text.RegularExpressions;

namespace ImrPredict.Search.Tests;

/// <summary>
/// The passages a hit shows carry the decision's reason: the verdict formula, the guideline's own words and the letter's
/// standard paragraphs are never shown while another sentence of the rationale matches the query.
/// </summary>
public sealed partial class ReasonPassageTests
{
    public static TheoryData<string, SentenceRole> Sentences => new()
    {
        { "Therefore the request for an MRI of the shoulder is determined to be not medically necessary.", SentenceRole.Verdict },
        { "The request for Cervical spine MRI (magnetic resonance imaging) without contrast is not medically necessary and appropriate.", SentenceRole.Reason },
        { "The original request, Acute inpatient rehabilitation physical therapy 7-10 days for left foot fracture, is medically necessary.", SentenceRole.Verdict },
        { "As such, the request is not certified.", SentenceRole.Verdict },
        { "CA MTUS/ACOEM Guidelines state that unequivocal objective findings that identify specific nerve compromise are sufficient evidence to warrant imaging.", SentenceRole.Guideline },
        { "Per the MTUS guidelines, criteria for ordering magnetic resonance imaging of the cervical spine include emergence of a red flag.", SentenceRole.Guideline },
        { "ODG, Pain Chapter, Opioids for chronic pain.", SentenceRole.Guideline },
        { "The Claims Administrator authorized Skilled nursing facility for 7 days with PT/OT once a day, leaving the original request IMR eligible.", SentenceRole.Standard },
        { "In this case, the request is for an MRI of the shoulder.", SentenceRole.Standard },
        { "This is a request for an MRI of the right shoulder without contrast.", SentenceRole.Standard },
        { "However there is no documentation of the claimant's willingness to consider any kind of surgical intervention.", SentenceRole.Reason },
        { "There is no evidence of any red flag conditions.", SentenceRole.Reason },
        { "The claimant has completed 24 sessions of physical therapy without documented functional improvement.", SentenceRole.Reason },
        { "Pain is rated 8/10 without and 4/10 with medication.", SentenceRole.Reason },
        { "In this case, the guidelines support continued use given documented improvement in function.", SentenceRole.Reason },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_sentence_is_told_by_what_it_does(string sentence, SentenceRole role) =>
        Assert.Equal(role, RationaleSentences.Of(sentence));

    [Fact]
    public void On_twenty_real_letters_searches_no_hit_shows_boilerplate_while_a_reason_sentence_matches()
    {
        var letters = SharedLetters.All();
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(letters);
        var (hits, passages, boilerplate, violations) = (0, 0, 0, new List<string>());

        foreach (var letter in letters.Take(20))
        {
            var query = letter.Items[0].RequestedItem;
            foreach (var hit in index.SearchByText(query, SearchFilters.None).Value.Hits)
            {
                hits++;
                var rationale = index.Get(hit.Id, query).Value;
                var matched = SentenceSpans(rationale.Rationale)
                    .Where(s => rationale.RationaleMatches.Any(m => m.Start >= s.Start && m.End <= s.End))
                    .Select(s => RationaleSentences.Of(rationale.Rationale[s.Start..s.End]))
                    .ToList();
                foreach (var passage in hit.Passages)
                {
                    passages++;
                    var role = RationaleSentences.Of(passage.Text);
                    if (!RationaleSentences.IsBoilerplate(role))
                    {
                        continue;
                    }

                    boilerplate++;
                    if (matched.Any(r => !RationaleSentences.IsBoilerplate(r)))
                    {
                        violations.Add($"'{query}' -> {hit.Id}: {role} passage '{passage.Text[..Math.Min(90, passage.Text.Length)]}'");
                    }
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"passages: {hits} hits, {passages} passages, {boilerplate} boilerplate, {violations.Count} shown while a reason sentence matched");
        Assert.True(hits >= 150, $"only {hits} hits");
        Assert.True(violations.Count == 0, $"{violations.Count} boilerplate passages of {passages} shown while another sentence matched:\n{string.Join("\n", violations.Take(15))}");
    }

    /// <summary>Sentences as the passage scorer cuts them: at a period, question or exclamation mark followed by a space.</summary>
    private static IEnumerable<(int Start, int End)> SentenceSpans(string text)
    {
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            yield return (start, end.Index + 1);
            start = end.Index + 1;
        }

        if (start < text.Length)
        {
            yield return (start, text.Length);
        }
    }

    [GeneratedRegex(@"[.?!](?= |$)")]
    private static partial Regex SentenceEnd();
}
