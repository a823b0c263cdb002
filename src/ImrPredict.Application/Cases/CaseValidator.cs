using ImrPredict.Core.Results;

namespace ImrPredict.Application.Cases;

/// <summary>Checks a case against the <see cref="ServiceLimits"/>; field names are the API's.</summary>
public static class CaseValidator
{
    /// <summary>
    /// Adds a violation for each thing wrong with <paramref name="input"/>; <paramref name="prefix"/> is e.g. <c>cases[2].</c>.
    /// Dates out of order are a caller's mistake, except in a letter read as it was written (<paramref name="datesAsWritten"/>).
    /// </summary>
    public static void Validate(CaseInput input, ServiceLimits limits, string prefix, ICollection<FieldViolation> violations, bool datesAsWritten = false)
    {
        var summary = input.ClinicalSummary ?? string.Empty;
        Require(!string.IsNullOrWhiteSpace(summary), prefix + "clinical_summary", "the clinical summary is empty");
        Require(summary.Length <= limits.MaxSummaryChars, prefix + "clinical_summary", $"the clinical summary is {summary.Length:N0} characters; at most {limits.MaxSummaryChars:N0}");
        Require(input.RequestedItems.Count > 0, prefix + "items", "give at least one requested item");
        Require(input.RequestedItems.Count <= limits.MaxItemsPerCase, prefix + "items", $"{input.RequestedItems.Count} items; at most {limits.MaxItemsPerCase} per case");
        for (var index = 0; index < Math.Min(input.RequestedItems.Count, limits.MaxItemsPerCase); index++)
        {
            var item = input.RequestedItems[index] ?? string.Empty;
            Require(!string.IsNullOrWhiteSpace(item), $"{prefix}items[{index}].requested_item", "the requested item is empty");
            Require(item.Length <= limits.MaxItemChars, $"{prefix}items[{index}].requested_item", $"at most {limits.MaxItemChars} characters");
        }

        Require(datesAsWritten || input.DateOfInjury is null || input.UrDenialDate is null || input.DateOfInjury <= input.UrDenialDate, prefix + "ur_denial_date", "is before the date of injury");

        void Require(bool condition, string field, string description)
        {
            if (!condition)
            {
                violations.Add(new FieldViolation(field, description));
            }
        }
    }

    /// <summary>The violations of one case, empty when it is valid.</summary>
    public static IReadOnlyList<FieldViolation> Check(CaseInput input, ServiceLimits limits, string prefix = "", bool datesAsWritten = false)
    {
        var violations = new List<FieldViolation>();
        Validate(input, limits, prefix, violations, datesAsWritten);
        return violations;
    }
}
