using ImrPredict.Search;

namespace ImrPredict.Application.Tests;

/// <summary>The limits configure the search engine, so a request they accept is never refused further in.</summary>
public sealed class ServiceLimitsTests
{
    [Theory]
    [InlineData(50_000, 500)]
    [InlineData(1_000_000, 10_000)]
    [InlineData(100, 10)]
    public void The_longest_accepted_case_fits_the_search_query_limit(int summaryChars, int itemChars)
    {
        var limits = new ServiceLimits { MaxSummaryChars = summaryChars, MaxItemChars = itemChars, MaxPageSize = 250, MaxPage = 40 };

        var tuning = limits.ToSearchTuning();

        Assert.True(tuning.MaxQueryChars >= summaryChars + itemChars);
        Assert.True(tuning.MaxQueryChars >= SearchTuning.Default.MaxQueryChars);
        Assert.Equal((250, 40), (tuning.MaxPageSize, tuning.MaxPage));
        Assert.Equal(SearchTuning.Default.CollapseSimilarity, tuning.CollapseSimilarity);
    }
}
