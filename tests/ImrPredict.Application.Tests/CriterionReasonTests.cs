using ImrPredict.Application.Cases.Explanations;
using ImrPredict.Core.Criteria;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Application.Tests;

/// <summary>
/// A criterion's contributions become one reason in clinical words: the criterion with the status the case documents, its
/// evidence in the summary (or, not documented, the sentence that discusses it), never the model's token.
/// </summary>
public sealed class CriterionReasonTests
{
    private static FeatureContribution Token(string token, double weight, double value) =>
        new($"criterion: {token}", weight) { Source = FeatureSource.Criterion, Words = token, Value = value };

    public static TheoryData<string, string, string, CriterionStatus, string> Cases => new()
    {
        {
            "There was no documentation of functional improvement with the current medications.", "Norco 10/325mg #120",
            "opioid.functional-improvement", CriterionStatus.DocumentedAbsent, "functional improvement on opioids: documented as absent"
        },
        {
            "A urine drug screen on 10/12/2016 was consistent with the prescribed medications.", "Norco 10/325mg #120",
            "opioid.urine-drug-screen", CriterionStatus.Documented, "urine drug screen documented"
        },
        {
            "Low back pain after lifting.", "Norco 10/325mg #120",
            "opioid.functional-improvement", CriterionStatus.NotMentioned, "functional improvement on opioids: not documented"
        },
        {
            "There was 4/5 weakness of the left extensor hallucis longus.", "MRI of the lumbar spine",
            "imaging.neuro-deficit", CriterionStatus.Documented, "neurological deficit on examination: documented"
        },
        {
            "Utilization review non-certified the request citing the MTUS guidelines.", "Physical therapy 12 sessions",
            "review.reason-stated", CriterionStatus.Documented, "the earlier review's stated reason narrated in the summary (a guideline cited, documentation found lacking)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_criterions_contributions_read_as_its_status_with_evidence(string summary, string item, string id, CriterionStatus status, string text)
    {
        var criteria = CriteriaDetector.Detect(summary, [item])[0];
        var (_, reasons) = ReasonBuilder.Explain(summary, item,
            [Token(id + "=documented", -0.3, status == CriterionStatus.Documented ? 1 : 0), Token(id + "=unmentioned", -0.1, status == CriterionStatus.NotMentioned ? 1 : 0)],
            criteria);

        var reason = Assert.Single(reasons);
        Assert.Equal(ReasonKind.Criterion, reason.Kind);
        Assert.Equal(id, reason.Criterion);
        Assert.Equal(status, reason.Status);
        Assert.Equal(text, reason.Text);
        Assert.Equal(-0.4, reason.Weight, 6);
        Assert.Equal(2, reason.Features.Count);
        Assert.DoesNotContain("=", reason.Text, StringComparison.Ordinal);
        if (status != CriterionStatus.NotMentioned)
        {
            Assert.NotEmpty(reason.Spans);
            Assert.All(reason.Spans, s => Assert.InRange(s.End, 1, summary.Length));
        }
    }

    [Fact]
    public void A_criterion_not_documented_points_to_the_sentence_that_discusses_it()
    {
        const string summary = "Neck pain. The request for Flexeril was denied due to no documentation of acute muscle spasm.";
        var criteria = CriteriaDetector.Detect(summary, ["Flexeril 10mg #60"])[0];

        var (_, reasons) = ReasonBuilder.Explain(summary, "Flexeril 10mg #60", [Token("relaxant.acute-spasm=documented", -0.2, 0)], criteria);

        var reason = Assert.Single(reasons);
        Assert.Equal(CriterionStatus.NotMentioned, reason.Status);
        var span = Assert.Single(reason.Spans);
        Assert.StartsWith("The request for Flexeril", summary[span.Start..span.End], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MRI of the lumbar spine", 0)]
    [InlineData("Norco 10/325mg #120", 0)]
    [InlineData("Physical therapy 2 times a week for 6 weeks", 1)]
    public void A_number_that_does_not_speak_of_the_request_is_not_a_reason(string item, int expected)
    {
        const string summary = "Low back pain.";
        var missing = new FeatureContribution("Sessions not stated", 0.4) { Source = FeatureSource.NumberMissing, Words = "Sessions", Value = 1 };

        var (contributions, reasons) = ReasonBuilder.Explain(summary, item, [missing], CriteriaDetector.Detect(summary, [item])[0]);

        Assert.Single(contributions);
        Assert.Equal(expected, reasons.Count);
    }
}
