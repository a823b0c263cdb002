namespace ImrPredict.Core.Tests;

public class AttributeTests
{
    [Theory]
    [InlineData("Norco 10/325mg #120", ItemCategory.Opioid, 120, "10/325mg", null)]
    [InlineData("Percocet 5/325 #120", ItemCategory.Opioid, 120, "5/325", null)]
    [InlineData("Baclofen 20mg #90", ItemCategory.MuscleRelaxant, 90, "20mg", null)]
    [InlineData("Mobic 15mg #90", ItemCategory.Nsaid, 90, "15mg", null)]
    [InlineData("Baclofen cream #2 120mg", ItemCategory.TopicalCompound, 2, "120mg", null)]
    [InlineData("Flurbiprofen 20%, Baclofen 5%, Menthol 2% in cream base", ItemCategory.TopicalCompound, null, "20%", null)]
    [InlineData("Zoloft 100mg #60", ItemCategory.OtherDrug, 60, "100mg", null)]
    [InlineData("Pepcid 20mg", ItemCategory.OtherDrug, null, "20mg", null)]
    [InlineData("Physical therapy 2 times a week for 6 weeks", ItemCategory.PhysicalTherapy, null, null, 12)]
    [InlineData("Acupuncture 12 sessions", ItemCategory.PhysicalTherapy, null, null, 12)]
    [InlineData("Chiropractic therapy sessions for the cervical spine, #8", ItemCategory.PhysicalTherapy, 8, null, 8)]
    [InlineData("Physical therapy right knee 3 times a week for 3 weeks", ItemCategory.PhysicalTherapy, null, null, 9)]
    [InlineData("Twelve physical therapy visits for the right shoulder", ItemCategory.PhysicalTherapy, null, null, 12)]
    [InlineData("MRI of the lumbar spine without contrast", ItemCategory.Imaging, null, null, null)]
    [InlineData("EMG/NCS of the bilateral lower extremities", ItemCategory.Electrodiagnostics, null, null, null)]
    [InlineData("Lumbar epidural steroid injection at L4-L5", ItemCategory.Injection, null, null, null)]
    [InlineData("Right shoulder arthroscopy with subacromial decompression", ItemCategory.Surgery, null, null, null)]
    [InlineData("Purchase of a bath/shower chair", ItemCategory.Dme, null, null, null)]
    [InlineData("TENS unit", ItemCategory.Dme, null, null, null)]
    [InlineData("Follow up office visit times 3", ItemCategory.ConsultVisit, null, null, 3)]
    [InlineData("Pre-operative PT/PTT", ItemCategory.Lab, null, null, null)]
    [InlineData("Associated surgical service: Labs - PT/PTT", ItemCategory.Lab, null, null, null)]
    [InlineData("Pre-operative CBC", ItemCategory.Lab, null, null, null)]
    [InlineData("Urine drug testing", ItemCategory.Lab, null, null, null)]
    [InlineData("Electrocardiogram times 3", ItemCategory.Lab, null, null, null)]
    [InlineData("SSEP of the lumbar and lower extremities", ItemCategory.Electrodiagnostics, null, null, null)]
    [InlineData("Right knee arthroscopy with evaluation of ACL, medial meniscectomy", ItemCategory.Surgery, null, null, null)]
    [InlineData("Spine surgery evaluation for the lumbar", ItemCategory.ConsultVisit, null, null, null)]
    [InlineData("Physical therapy 2 times a week for 6 weeks (12 sessions) to the right elbow", ItemCategory.PhysicalTherapy, null, null, 12)]
    [InlineData("Orthopedic consultation", ItemCategory.ConsultVisit, null, null, null)]
    [InlineData("Gym membership", ItemCategory.Other, null, null, null)]
    [InlineData("Butrans patch 10mcg/hr #4", ItemCategory.Opioid, 4, "10mcg", null)]
    public void Attributes_from_the_requested_item(string requested, ItemCategory category, int? quantity, string? strength, int? sessions)
    {
        var attributes = ItemAttributeExtractor.Extract(requested);

        Assert.Equal(new ItemAttributes(category, quantity, strength, sessions), attributes);
    }

    [Theory]
    [InlineData("Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 78, 91.", GuidelineSource.Mtus, "Chronic Pain Treatment Guidelines Opioids", "78, 91")]
    [InlineData("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.", GuidelineSource.Odg, "Low Back Chapter", null)]
    [InlineData("Decision based on MTUS/ACOEM Practice Guidelines, Chapter 12, page 303.", GuidelineSource.Acoem, "Practice Guidelines, Chapter 12, page 303", null)]
    [InlineData("Decision based on Non-MTUS Citation Mental Illness & Stress", GuidelineSource.Other, "Mental Illness & Stress", null)]
    public void Guideline_citations(string line, GuidelineSource source, string? topic, string? pages)
    {
        var citation = Assert.Single(GuidelineCitationParser.Parse(line));

        Assert.Equal(new GuidelineCitation(source, topic, pages), citation);
    }

    [Fact]
    public void Guideline_line_with_two_citations_and_one_with_none()
    {
        var two = GuidelineCitationParser.Parse("Decision based on MTUS Chronic Pain Treatment Guidelines TOPICAL ANALGESICS Page(s): 111-113. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Topical Analgesics");

        Assert.Equal([GuidelineSource.Mtus, GuidelineSource.Odg], two.Select(c => c.Source));
        Assert.Equal("111-113", two[0].Pages);
        Assert.Empty(GuidelineCitationParser.Parse("The Claims Administrator did not cite any medical evidence for its decision."));
        Assert.Empty(GuidelineCitationParser.Parse(null));
    }
}
