namespace ImrPredict.Application.Cases;

/// <summary>A case to assess, in domain terms: what the letter's reviewer would read before deciding.</summary>
/// <param name="ClinicalSummary">The clinical case summary.</param>
/// <param name="RequestedItems">The disputed items, e.g. "Norco 10/325mg #120".</param>
/// <param name="DateOfInjury">The date of injury, when known.</param>
/// <param name="UrDenialDate">The utilization-review denial date, when known.</param>
/// <param name="CaseId">The caller's id for the case (rankings), when given.</param>
public sealed record CaseInput(
    string ClinicalSummary,
    IReadOnlyList<string> RequestedItems,
    DateOnly? DateOfInjury = null,
    DateOnly? UrDenialDate = null,
    string? CaseId = null)
{
    /// <summary>Days from injury to the denial, when both dates are known.</summary>
    public int? DaysFromInjuryToUrDenial => DateOfInjury is { } injury && UrDenialDate is { } denial ? denial.DayNumber - injury.DayNumber : null;
}
