using ImrPredict.Application.Cases;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Parsing;
using ImrPredict.Core.Results;

namespace ImrPredict.Application.Letters;

/// <summary>Reads a letter (PDF or text) and assesses its case as a new one: only the summary, items and dates are used, never the letter's rationales.</summary>
public sealed class AssessLetter(AssessCase assessCase)
{
    /// <summary>Everything wrong with the request before the letter is read, in the API's field names; empty when it may be read.</summary>
    public IReadOnlyList<FieldViolation> Check(byte[] content, string field, int contributions, int precedents)
    {
        var violations = new List<FieldViolation>();
        if (content.Length == 0)
        {
            violations.Add(new FieldViolation(field, "give the letter as text or as PDF bytes"));
        }

        assessCase.ExplanationCounts(contributions, precedents, violations);
        return violations;
    }

    /// <summary>Assesses the letter in <paramref name="content"/>; <paramref name="field"/> names the input for a parse error.</summary>
    public Result<LetterAssessment, ApplicationErrorCode> Run(byte[] content, string field, int contributions, int precedents, CancellationToken cancellationToken)
    {
        // Checked before the letter is read: a PDF costs a second to read.
        var violations = Check(content, field, contributions, precedents);
        if (violations.Count > 0)
        {
            return UseCaseErrors.Invalid(violations);
        }

        var parsed = ServiceActivities.Parse(content.Length).Traced(() => LetterReader.ReadBytes(content));
        if (!parsed.TryGetValue(out var letter))
        {
            return new Error<ApplicationErrorCode>(ApplicationErrorCode.LetterUnreadable, $"{parsed.Error.Code}: {parsed.Error.Message}", field);
        }

        var input = new CaseInput(letter.ClinicalSummary, letter.Items.Select(i => i.RequestedItem).ToList(), letter.Header.DateOfInjury, letter.Header.UrDenialDate);
        var assessed = assessCase.Run(input, contributions, precedents, datesAsWritten: true, cancellationToken);
        return assessed.TryGetValue(out var assessment)
            ? new LetterAssessment(letter.LetterId, letter.Header.CaseNumber, letter.ClinicalSummary, assessment, letter.Layout, letter.Warnings)
            {
                DateOfInjury = letter.Header.DateOfInjury,
                UrDenialDate = letter.Header.UrDenialDate,
            }
            : assessed.FailAs<LetterAssessment>();
    }
}
