using System.ComponentModel.DataAnnotations;
using ImrPredict.Search;

namespace ImrPredict.Application;

/// <summary>
/// The request limits (section <c>ImrPredict</c>), validated at start. Transports validate requests against them and
/// the engines are configured from them (<see cref="ToSearchTuning"/>), so a request that passes validation is never
/// refused further in.
/// </summary>
public sealed class ServiceLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict";

    /// <summary>The most items in one case.</summary>
    [Range(1, 500)]
    public int MaxItemsPerCase { get; set; } = 50;

    /// <summary>The longest clinical summary accepted.</summary>
    [Range(100, 1_000_000)]
    public int MaxSummaryChars { get; set; } = 50_000;

    /// <summary>The longest requested item accepted.</summary>
    [Range(10, 10_000)]
    public int MaxItemChars { get; set; } = 500;

    /// <summary>The most cases in one ranking.</summary>
    [Range(1, 1_000_000)]
    public int MaxCasesPerRanking { get; set; } = 10_000;

    /// <summary>The most letters in one AddDeterminations call.</summary>
    [Range(1, 10_000)]
    public int MaxLettersPerAdd { get; set; } = 1000;

    /// <summary>The most feature contributions explained per item.</summary>
    [Range(0, 100)]
    public int MaxContributions { get; set; } = 20;

    /// <summary>The most precedents returned per predicted item.</summary>
    [Range(0, 100)]
    public int MaxPrecedents { get; set; } = 20;

    /// <summary>The most hits on one search page.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The last search page that may be asked for (pages count from 0).</summary>
    [Range(0, 100_000)]
    public int MaxPage { get; set; } = 1000;

    /// <summary>The search settings that accept every query these limits let through: a whole case, a full page.</summary>
    public SearchTuning ToSearchTuning() => SearchTuning.Default with
    {
        MaxQueryChars = Math.Max(SearchTuning.Default.MaxQueryChars, MaxSummaryChars + MaxItemChars),
        MaxPageSize = MaxPageSize,
        MaxPage = MaxPage,
    };
}
