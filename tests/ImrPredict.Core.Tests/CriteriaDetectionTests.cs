using ImrPredict.Core.Criteria;

namespace ImrPredict.Core.Tests;

/// <summary>
/// Criteria read in context, sentence by sentence, in the way real summaries put them (these sentences are written
/// after the shared letters' patterns, not copied from them): negations and "no documentation of", pseudo-negations,
/// possibilities, the earlier review's reasons, the right item of several, and the numbers criteria use.
/// </summary>
public sealed class CriteriaDetectionTests
{
    public static TheoryData<string, string, string, CriterionStatus> Statuses => new()
    {
        { "X-rays of the lumbar spine showed no fractures or subluxation.", "MRI of the lumbar spine without contrast", "imaging.red-flags", CriterionStatus.DocumentedAbsent },
        { "There was 4/5 weakness of the left extensor hallucis longus after six weeks of therapy.", "MRI of the lumbar spine", "imaging.neuro-deficit", CriterionStatus.Documented },
        { "Motor power was 4+ over 5 with shoulder abduction.", "MRI of the right shoulder", "imaging.neuro-deficit", CriterionStatus.Documented },
        { "She denied any pain, numbness, tingling or weakness of her arms.", "EMG/NCS of the bilateral upper extremities", "emg.radicular-symptoms", CriterionStatus.DocumentedAbsent },
        { "She denied any pain, numbness, tingling or weakness of her arms.", "EMG/NCS of the bilateral upper extremities", "imaging.neuro-deficit", CriterionStatus.DocumentedAbsent },
        { "There were no neurological deficits in the lower extremities.", "MRI of the lumbar spine", "imaging.neuro-deficit", CriterionStatus.DocumentedAbsent },
        { "Straight leg raise was negative bilaterally.", "MRI of the lumbar spine", "imaging.neuro-deficit", CriterionStatus.DocumentedAbsent },
        { "Straight leg raise was positive on the left at 40 degrees.", "MRI of the lumbar spine", "imaging.neuro-deficit", CriterionStatus.Documented },
        { "There has been no change in the numbness of his right hand.", "EMG of the right upper extremity", "emg.radicular-symptoms", CriterionStatus.Documented },
        { "The MRI was ordered to rule out a rotator cuff tear.", "MRI of the right shoulder", "imaging.mechanical-signs", CriterionStatus.NotMentioned },
        { "Hawkins impingement maneuver was positive.", "MRI of the right shoulder", "imaging.mechanical-signs", CriterionStatus.Documented },
        { "The knee has mechanical symptoms of locking and giving way.", "MRI of the right knee", "imaging.mechanical-signs", CriterionStatus.Documented },
        { "Pain persists despite six weeks of physical therapy and anti-inflammatories.", "MRI of the lumbar spine", "imaging.failed-conservative", CriterionStatus.Documented },
        { "Treatment to date has included chiropractic care without documentation of objective functional improvement.", "Chiropractic care 2 times a week for 4 weeks", "therapy.functional-gains", CriterionStatus.DocumentedAbsent },
        { "He reports improved range of motion and function with therapy, but pain persists.", "Physical therapy 2 times a week for 3 weeks", "therapy.functional-gains", CriterionStatus.Documented },
        { "A home exercise program was reviewed.", "Physical therapy 6 sessions", "therapy.home-exercise", CriterionStatus.Documented },
        { "The patient reports that Norco allows him to perform his activities of daily living, with improved function.", "Norco 10/325mg #120", "opioid.functional-improvement", CriterionStatus.Documented },
        { "There was no documentation of functional improvement with the current medications.", "Norco 10/325mg #120", "opioid.functional-improvement", CriterionStatus.DocumentedAbsent },
        { "A urine drug screen on 10/12/2016 was consistent with the prescribed medications.", "Norco 10/325mg #120", "opioid.urine-drug-screen", CriterionStatus.Documented },
        { "There is no evidence of aberrant behavior or early refills.", "Norco 10/325mg #120", "opioid.aberrant-behavior", CriterionStatus.DocumentedAbsent },
        { "Cyclobenzaprine has been prescribed since March 2016 with refills.", "Cyclobenzaprine 7.5mg #60", "relaxant.long-term-use", CriterionStatus.Documented },
        { "There were no spasms in the paracervical and trapezius muscles.", "Cyclobenzaprine 7.5mg #60", "relaxant.acute-spasm", CriterionStatus.DocumentedAbsent },
        { "The request for Flexeril was denied due to no documentation of acute muscle spasm.", "Flexeril 10mg #60", "relaxant.acute-spasm", CriterionStatus.NotMentioned },
        { "Knee pain.", "Flurbiprofen 20%, Cyclobenzaprine 4% in cream base", "topical.unapproved-ingredient", CriterionStatus.Documented },
        { "Knee pain.", "Pre-operative PT/PTT", "surgery.add-on", CriterionStatus.Documented },
        { "The prior lumbar epidural injection gave 60% relief for two months.", "Lumbar epidural steroid injection at L4-L5", "injection.prior-relief", CriterionStatus.Documented },
        { "Utilization review non-certified the request citing the MTUS guidelines.", "Norco 10/325mg #120", "review.reason-stated", CriterionStatus.Documented },
        { "The patient reports that the MTUS exercise handout helped.", "Physical therapy 6 sessions", "review.reason-stated", CriterionStatus.NotMentioned },
        { "Utilization review modified the request to 6 sessions.", "Physical therapy 12 sessions", "review.modified", CriterionStatus.Documented },
        { "Low back pain.", "Retrospective request for Toradol 60mg injection (DOS 3/2/2015)", "request.retrospective", CriterionStatus.Documented },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void A_criterion_is_read_in_its_sentences_context(string summary, string item, string criterion, CriterionStatus expected)
    {
        var finding = Assert.Single(CriteriaDetector.Detect(summary, [item])).Finding(criterion);

        Assert.NotNull(finding);
        Assert.Equal(expected, finding.Status);
        Assert.All(finding.Evidence, e => Assert.True(e.Term.End <= (e.InRequestedItem ? item : summary).Length));
    }

    [Fact]
    public void The_earlier_reviews_reason_is_cited_not_documented_and_its_sentence_is_the_discussion()
    {
        const string summary = "Low back pain. The request for Flexeril was denied due to no documentation of acute muscle spasm.";

        var finding = CriteriaDetector.Detect(summary, ["Flexeril 10mg #60"])[0].Finding("relaxant.acute-spasm")!;

        Assert.True(finding.CitedByReview);
        Assert.Equal(CriterionStatus.NotMentioned, finding.Status);
        Assert.StartsWith("The request for Flexeril", summary[finding.Discussion!.Value.Start..finding.Discussion.Value.End], StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_naming_one_items_treatment_speaks_for_that_item_only()
    {
        const string summary = "A urine drug screen was consistent with the prescribed Norco. Chiropractic treatment gave no functional improvement. Pain is 7/10.";

        var items = CriteriaDetector.Detect(summary, ["Norco 10/325mg #120", "Chiropractic care 6 sessions"]);

        Assert.Equal((ItemCategory.Opioid, ItemCategory.PhysicalTherapy), (items[0].Category, items[1].Category));
        Assert.Equal(CriterionStatus.Documented, items[0].Finding("opioid.urine-drug-screen")!.Status);
        Assert.Equal(CriterionStatus.NotMentioned, items[0].Finding("opioid.functional-improvement")!.Status);
        Assert.Equal(CriterionStatus.DocumentedAbsent, items[1].Finding("therapy.functional-gains")!.Status);
        Assert.Null(items[1].Finding("opioid.urine-drug-screen"));
    }

    [Fact]
    public void Numbers_criteria_use_are_read_with_their_meaning()
    {
        const string summary = "Pain is rated 8/10 without medications and 4/10 with medications. He has completed 12 sessions of physical therapy. "
            + "The prior epidural injection gave 60% relief. The UR modified the request to 6 sessions.";

        var numbers = CriteriaDetector.Detect(summary, ["Physical therapy 2 times a week for 6 weeks"])[0].Numbers;

        Assert.Equal((8, 4), (numbers.PainWithoutMedication, numbers.PainWithMedication));
        Assert.Equal(12, numbers.SessionsCompleted);
        Assert.Equal(60, numbers.ReliefPercent);
        Assert.Equal("completed 12 sessions", summary[numbers.SessionsSpan!.Value.Start..numbers.SessionsSpan.Value.End]);
    }

    [Fact]
    public void The_catalogue_covers_every_category_and_names_each_criterion_once()
    {
        var catalogue = CriteriaCatalogue.Default;

        Assert.All(Enum.GetValues<ItemCategory>(), category => Assert.NotEmpty(catalogue.For(category)));
        Assert.Equal(catalogue.Criteria.Count, catalogue.Criteria.Select(c => c.Id).Distinct().Count());
        Assert.All(catalogue.Criteria, c => Assert.Matches(@"^[a-z]+\.[a-z-]+$", c.Id));
        Assert.All(catalogue.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Guideline)));
    }

    [Fact]
    public void A_malformed_catalogue_says_what_is_wrong()
    {
        using var unknownCategory = new MemoryStream("""{"criteria":[{"id":"x.y","categories":["Pills"],"text":"t","guideline":"g","favours":"supports","terms":["a"]}]}"""u8.ToArray());
        using var noTerms = new MemoryStream("""{"criteria":[{"id":"x.y","categories":["*"],"text":"t","guideline":"g","favours":"supports","terms":[]}]}"""u8.ToArray());

        Assert.Contains("'Pills' is not an item category", Assert.Throws<InvalidDataException>(() => CriteriaCatalogue.Parse(unknownCategory)).Message, StringComparison.Ordinal);
        Assert.Contains("has no terms", Assert.Throws<InvalidDataException>(() => CriteriaCatalogue.Parse(noTerms)).Message, StringComparison.Ordinal);
    }
}
