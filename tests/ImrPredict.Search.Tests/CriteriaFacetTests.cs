namespace ImrPredict.Search.Tests;

/// <summary>
/// Each precedent records the criteria statuses its rationale (else its summary) documents; a search filters on them and
/// counts every match by criterion status and decision, and the counts agree with the filtered searches themselves.
/// </summary>
public sealed class CriteriaFacetTests
{
    [Fact]
    public void Facet_counts_agree_with_filtering_on_them_over_the_real_letters()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(SharedLetters.All());

        var norco = index.SearchByText("Norco hydrocodone opioid", new SearchFilters { CountFacets = true }, pageSize: 5).Value;
        var uncounted = index.SearchByText("Norco hydrocodone opioid", SearchFilters.None, pageSize: 5).Value;
        var mismatches = new List<string>();
        foreach (var facet in norco.Facets.Take(8))
        {
            var filters = new SearchFilters { Criteria = [$"{facet.CriterionId}={facet.Status}"] };
            var all = index.SearchByText("Norco hydrocodone opioid", filters, pageSize: 5).Value;
            var overturned = index.SearchByText("Norco hydrocodone opioid", filters with { Decision = Decision.Overturned }, pageSize: 5).Value;
            if (all.TotalMatches != facet.Total || overturned.TotalMatches != facet.Overturned)
            {
                mismatches.Add($"{facet.CriterionId}={facet.Status}: counted {facet.Total} ({facet.Overturned} overturned), filtered {all.TotalMatches} ({overturned.TotalMatches})");
            }
        }

        var function = Assert.Single(norco.Facets, f => f.CriterionId == "opioid.functional-improvement" && f.Status == CriteriaFacets.Documented);
        Assert.True(norco.Facets.Count >= 4, $"only {norco.Facets.Count} facets");
        Assert.StartsWith("functional improvement", function.Text, StringComparison.Ordinal);
        Assert.True(function.Total >= 3, $"{function.Total} Norco precedents with function documented");
        Assert.DoesNotContain(norco.Facets, f => f.CriterionId.StartsWith("review.", StringComparison.Ordinal));
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Empty(uncounted.Facets);
    }

    [Fact]
    public void An_unknown_criterion_status_is_refused_with_the_form_it_takes()
    {
        using var index = PrecedentIndex.InMemory();

        var refused = index.SearchByText("MRI", new SearchFilters { Criteria = ["imaging.red-flags=maybe"] });

        Assert.False(refused.Success);
        Assert.Equal(SearchErrorCode.InvalidArgument, refused.Error.Code);
        Assert.Equal("criteria", refused.Error.Field);
        Assert.Contains("opioid.functional-improvement=documented", refused.Error.Message);
    }
}
