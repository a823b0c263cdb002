using System.Diagnostics.CodeAnalysis;
using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>Why a search or an index operation failed.</summary>
public enum SearchErrorCode
{
    /// <summary>A request field is invalid; <see cref="SearchError.Field"/> names it.</summary>
    InvalidArgument,

    /// <summary>The index folder is damaged and is not served.</summary>
    IndexDamaged,

    /// <summary>Another process holds the index's write lock.</summary>
    IndexLocked,

    /// <summary>The precedent asked for does not exist.</summary>
    NotFound,
}

/// <summary>A precise search error.</summary>
/// <param name="Code">The kind.</param>
/// <param name="Field">The request field at fault, for <see cref="SearchErrorCode.InvalidArgument"/>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SearchError(SearchErrorCode Code, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";
}

/// <summary>A value or a <see cref="SearchError"/>.</summary>
public readonly struct SearchResult<T>
{
    private readonly T? _value;

    private SearchResult(T? value, SearchError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when it failed.</summary>
    public SearchError? Error { get; }

    /// <summary>Whether it succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The value; throws when it failed.</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException(Error.ToString());

    /// <summary>A success.</summary>
    public static implicit operator SearchResult<T>(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static implicit operator SearchResult<T>(SearchError error) => new(default, error);
}

/// <summary>Filters on a search; null fields do not filter.</summary>
/// <param name="Decision">Only items with this decision.</param>
/// <param name="Categories">Only items of these categories.</param>
/// <param name="GuidelineSources">Only items citing one of these sources.</param>
/// <param name="DecidedFrom">Decision date on or after.</param>
/// <param name="DecidedTo">Decision date on or before.</param>
/// <param name="ExcludeLetterId">Leave out this letter (the case's own, in evaluations).</param>
public sealed record SearchFilters(
    Decision? Decision = null,
    IReadOnlyList<ItemCategory>? Categories = null,
    IReadOnlyList<GuidelineSource>? GuidelineSources = null,
    DateOnly? DecidedFrom = null,
    DateOnly? DecidedTo = null,
    string? ExcludeLetterId = null)
{
    /// <summary>No filter.</summary>
    public static SearchFilters None { get; } = new();
}

/// <summary>One precedent hit.</summary>
/// <param name="Id">The item's id, <c>letterId#index</c>.</param>
/// <param name="LetterId">The letter.</param>
/// <param name="CaseNumber">The case number, when known.</param>
/// <param name="ItemIndex">The item's position in its letter.</param>
/// <param name="RequestedItem">The requested item.</param>
/// <param name="Category">Its category.</param>
/// <param name="Decision">Its decision.</param>
/// <param name="DecisionDate">The letter's decision date, when known.</param>
/// <param name="Score">BM25 relevance.</param>
/// <param name="Passages">The best one to three rationale passages, matching terms marked with <c>**</c>.</param>
/// <param name="CollapsedDuplicates">How many near-identical rationales ranked below this one were folded into it.</param>
public sealed record PrecedentHit(
    string Id,
    string LetterId,
    string? CaseNumber,
    int ItemIndex,
    string RequestedItem,
    ItemCategory Category,
    Decision Decision,
    DateOnly? DecisionDate,
    float Score,
    IReadOnlyList<string> Passages,
    int CollapsedDuplicates);

/// <summary>A page of hits.</summary>
/// <param name="Hits">The hits on this page.</param>
/// <param name="TotalMatches">All matching items before collapsing.</param>
/// <param name="Page">The page number, from 0.</param>
public sealed record PrecedentPage(IReadOnlyList<PrecedentHit> Hits, int TotalMatches, int Page);

/// <summary>A full stored precedent.</summary>
/// <param name="Hit">Its identity and decision.</param>
/// <param name="ClinicalSummary">The letter's clinical summary.</param>
/// <param name="Rationale">The whole rationale.</param>
/// <param name="GuidelineSources">The cited guideline sources.</param>
/// <param name="GuidelineTopics">The cited guideline topics.</param>
/// <param name="ReviewerSpecialties">The reviewer's specialties.</param>
public sealed record Precedent(PrecedentHit Hit, string ClinicalSummary, string Rationale, IReadOnlyList<GuidelineSource> GuidelineSources, IReadOnlyList<string> GuidelineTopics, IReadOnlyList<string> ReviewerSpecialties);
