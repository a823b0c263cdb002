using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

// The medication scenarios: what reviewers weigh for opioids, muscle relaxants, NSAIDs, topicals and other drugs. Each scenario is its facts and weights written as calls, so the scenarios share their shape on purpose.
internal static partial class ClinicalModel
{
    private static void Opioid(ScenarioBuilder s)
    {
        var (drug, strength) = s.Rng.Pick(Vocabulary.Opioids);
        var count = s.Rng.Pick(new[] { 30, 60, 60, 90, 90, 120, 120, 150, 180, 240 });
        s.Drug = drug;
        s.Request(n => $"{drug} {strength} #{n}", count);
        s.Base = 0.2;
        s.Guideline("Opioids, criteria for use", "76-80", "When to Continue Opioids", "80");
        s.Intro(
            "The MTUS Chronic Pain Medical Treatment Guidelines support continuing opioids when there is documented pain relief, improved function and a return to work, with ongoing monitoring for aberrant drug-taking behavior.",
            "As noted on page 80 of the MTUS Chronic Pain Medical Treatment Guidelines, the cardinal criteria for continuation of opioid therapy include successful return to work, improved functioning and reduced pain achieved as a result of the same.",
            "Per the MTUS, the four domains of ongoing opioid monitoring are analgesia, activities of daily living, adverse side effects and aberrant drug-taking behaviors.");
        var from = s.Rng.Between(7, 10);
        var to = s.Rng.Between(2, Math.Max(3, from - 3));
        s.Maybe(0.45, 1.3,
            [$"Pain was rated {from}/10 without medications and {to}/10 with {{drug}}.", $"{{He}} reported that {{drug}} reduced {{his}} pain from {from}/10 to {to}/10.", $"With medications the pain decreased from {from}/10 to {to}/10, the provider noted."],
            "the treating provider documented a meaningful reduction in pain scores with the medication",
            0.6, -0.6, ["Pain remained {pain}/10 despite ongoing {drug} use.", "{He} continued to report {pain}/10 pain while taking {drug}."], "pain scores remained high despite ongoing use");
        s.Maybe(0.4, 1.1,
            ["{He} was able to walk longer distances and perform household chores with the medication.", "The provider documented improved ability to perform activities of daily living such as dressing, cooking and shopping with {drug}.", "Function improved with medications: {he} could now sit for an hour and walk for 30 minutes."],
            "specific functional gains attributable to the medication were documented",
            0.6, -0.6, ["There was no documentation of objective functional improvement with {drug}.", "Activities of daily living remained limited despite the medication, and no functional gains were described."], "there was no documentation of objective functional improvement");
        s.Maybe(0.5, 0.7,
            ["A urine drug screen on {date} was consistent with the prescribed medications.", "Urine drug testing has been appropriate and a CURES report was reviewed.", "Toxicology screening was consistent with prescribed medications."],
            "urine drug testing was consistent with the prescribed regimen");
        s.Maybe(0.12, -1.6,
            ["A urine drug screen on {date} was positive for non-prescribed benzodiazepines.", "The most recent toxicology screen was inconsistent, with no detectable hydrocodone.", "{He} reported obtaining pain medication from more than one prescriber."],
            "there were aberrant drug-related findings that were not addressed");
        s.Maybe(0.3, 0.4, ["{He} has signed an opioid agreement.", "A signed narcotic contract is on file."], "an opioid agreement was on file");
        s.Maybe(0.12, -1.0, ["The total daily morphine equivalent dose exceeded 120 mg.", "{His} combined opioid regimen exceeded 120 morphine milligram equivalents per day."],
            "the total opioid dose exceeded the recommended morphine equivalent limit");
        s.Maybe(0.15, 0.4, ["The provider documented a plan to taper the medication over the coming months.", "A weaning schedule was being discussed."], "a tapering plan was in place");
        if (count >= 180)
        {
            s.Weight(-0.4, "the requested quantity was large without a clear plan");
        }
    }

    private static void MuscleRelaxant(ScenarioBuilder s)
    {
        var (drug, strength) = s.Rng.Pick(Vocabulary.MuscleRelaxants);
        var count = s.Rng.Pick(new[] { 20, 30, 30, 60, 60, 90, 90, 120 });
        s.Drug = drug;
        s.Request(n => $"{drug} {strength} #{n}", count);
        s.Base = -0.1;
        s.Guideline("Muscle relaxants (for pain)", "63-66", "Antispasmodics", "64-65");
        s.Intro(
            "The MTUS recommends non-sedating muscle relaxants with caution as a second-line option for short-term treatment of acute exacerbations of chronic low back pain.",
            "Muscle relaxants are recommended for short courses of treatment of acute spasm; efficacy appears to diminish over time and prolonged use may lead to dependence.",
            "Per the MTUS Chronic Pain Medical Treatment Guidelines, antispasmodics are intended for brief use in acute exacerbations, not for chronic daily use.");
        s.Maybe(0.35, 1.2,
            ["Examination on {date} showed palpable paraspinal muscle spasm after a recent flare.", "{He} reported an acute exacerbation of spasm two weeks ago.", "There was a new flare-up with muscle spasm documented on examination."],
            "an acute exacerbation with documented spasm was present");
        s.Maybe(0.45, -1.0,
            ["{He} has been taking {drug} daily for more than a year.", "{drug} has been prescribed continuously since {year}.", "The medication list shows long-term daily use of {drug}."],
            "the medication had been used well beyond the short course the guidelines support");
        s.Maybe(0.3, 0.6, ["The provider requested a short two-week course.", "The prescription was for a brief course for the current flare."], "the request was for a short course");
        if (drug == "Baclofen")
        {
            s.Maybe(0.25, 2.6,
                ["{He} has a history of spinal cord injury with lower extremity spasticity.", "Past history includes multiple sclerosis with spasticity.", "{He} has spasticity related to a prior spinal cord injury."],
                "baclofen is recommended for spasticity from multiple sclerosis or spinal cord injury, which was documented");
        }

        if (drug == "Carisoprodol" || drug == "Soma")
        {
            s.Weight(-1.5, "carisoprodol is not recommended for long-term use");
        }
    }

    private static void Nsaid(ScenarioBuilder s)
    {
        var (drug, strength) = s.Rng.Pick(Vocabulary.Nsaids);
        var count = s.Rng.Pick(new[] { 30, 60, 60, 90, 90, 120 });
        s.Drug = drug;
        s.Request(n => $"{drug} {strength} #{n}", count);
        s.Base = 0.4;
        s.Guideline("NSAIDs (non-steroidal anti-inflammatory drugs)", "67-73", "NSAIDs, specific drug list & adverse effects", "70-73");
        s.Intro(
            "The MTUS recommends NSAIDs at the lowest dose for the shortest period in patients with moderate to severe pain from osteoarthritis and for acute exacerbations of chronic back pain.",
            "NSAIDs are recommended as an option for short-term symptomatic relief; long-term use requires monitoring and documentation of benefit.",
            "Per the guidelines, anti-inflammatory medications are first-line for osteoarthritis and acute flares but carry gastrointestinal, renal and cardiovascular risks.");
        s.Maybe(0.35, 0.9, ["Imaging showed degenerative osteoarthritis of the {part}.", "{He} carries a diagnosis of osteoarthritis of the {part}."], "osteoarthritis was documented");
        s.Maybe(0.35, 0.7, ["{He} reported that {drug} decreased pain by about 40 percent and allowed {him} to keep working.", "The anti-inflammatory was noted to provide good relief with improved activity tolerance."], "the medication provided documented relief and improved activity");
        s.Maybe(0.15, -0.9, ["{He} has a history of gastrointestinal bleeding and is not on a proton pump inhibitor.", "Past history is notable for stage 3 chronic kidney disease."], "gastrointestinal or renal risk factors were present without mitigation");
        s.Maybe(0.3, -0.6, ["{He} has used {drug} for several years without any documented benefit.", "There was no discussion of the efficacy of {drug} despite long-term use."], "long-term use lacked documented benefit");
    }

    private static void Topical(ScenarioBuilder s)
    {
        var product = s.Rng.Pick(Vocabulary.Topicals);
        s.Drug = product.Name;
        s.Request(_ => product.Name, null);
        s.Base = 0.3;
        s.Guideline("Topical Analgesics", "111-113", "Topical Analgesics; Lidoderm (lidocaine patch)", "56-57, 111-113");
        s.Intro(
            "The MTUS states that topical analgesics are largely experimental, primarily recommended for neuropathic pain when trials of antidepressants and anticonvulsants have failed, and that any compounded product containing at least one drug that is not recommended is not recommended.",
            "Per the MTUS Chronic Pain Medical Treatment Guidelines, topical analgesics are an option for localized neuropathic pain after failure of first-line oral therapy; compounds with any non-recommended ingredient are not recommended.");
        if (product.NonRecommendedIngredient)
        {
            s.Weight(-2.4, "the compound contains at least one ingredient that is not recommended for topical use, so the whole compound is not recommended");
        }

        s.Maybe(0.4, 0.9, ["{He} previously failed trials of gabapentin and amitriptyline.", "First-line oral agents including an antidepressant and an anticonvulsant were tried without benefit."], "first-line antidepressants and anticonvulsants had failed");
        s.Maybe(0.4, 0.8, ["{He} has localized neuropathic pain with burning and allodynia over the {part}.", "Examination showed a localized area of dysesthesia consistent with neuropathic pain."], "localized neuropathic pain was documented");
        s.Maybe(0.2, 0.6, ["{He} cannot tolerate oral medications because of gastritis.", "Oral anti-inflammatories caused dyspepsia."], "oral medications were not tolerated");
    }

    private static void OtherDrug(ScenarioBuilder s)
    {
        var kind = s.Rng.Next(4);
        var count = s.Rng.Pick(new[] { 30, 30, 60, 90, 90, 120 });
        switch (kind)
        {
            case 0:
                var (anticonvulsant, strength) = s.Rng.Pick(Vocabulary.Anticonvulsants);
                s.Drug = anticonvulsant;
                s.Kind = "Anticonvulsant";
                s.Request(n => $"{anticonvulsant} {strength} #{n}", count);
                s.Guideline("Antiepilepsy drugs (AEDs)", "16-22", "Anti-epilepsy drugs (AEDs) for pain", "16-18");
                s.Intro("Antiepilepsy drugs are recommended for neuropathic pain; continued use depends on documented improvement in pain and function of at least 30 percent.",
                    "The MTUS recommends gabapentin and pregabalin as first-line options for neuropathic pain, with reassessment of benefit.");
                s.Maybe(0.5, 1.1, ["Examination showed decreased sensation in a dermatomal distribution with radicular pain.", "{He} has radicular pain with numbness down the leg consistent with radiculopathy."], "neuropathic pain was documented");
                s.Maybe(0.4, 0.8, ["{drug} reduced {his} burning pain by roughly half.", "The neuropathic symptoms improved with {drug}, allowing better sleep."], "the medication's benefit for neuropathic symptoms was documented");
                s.Maybe(0.3, -0.8, ["No neuropathic findings were described on examination.", "The pain was described as purely mechanical without radiating symptoms."], "no neuropathic pain was documented");
                break;
            case 1:
                var (ppi, ppiStrength) = s.Rng.Pick(Vocabulary.ProtonPumpInhibitors);
                s.Drug = ppi;
                s.Kind = "ProtonPumpInhibitor";
                s.Request(n => $"{ppi} {ppiStrength} #{n}", count);
                s.Guideline("NSAIDs, GI symptoms & cardiovascular risk", "68-69", "NSAIDs, GI symptoms & cardiovascular risk", "68-69");
                s.Intro("Proton pump inhibitors are recommended for patients on NSAIDs who are at intermediate or high risk of gastrointestinal events: age over 65, a history of peptic ulcer or bleeding, or concurrent aspirin, corticosteroid or anticoagulant use.");
                s.Maybe(0.35, 1.4, ["{He} has a history of peptic ulcer disease and takes naproxen daily.", "{He} reported dyspepsia on an NSAID and has a prior GI bleed.", "{He} takes low-dose aspirin along with an anti-inflammatory."], "gastrointestinal risk factors with NSAID use were documented");
                s.Maybe(0.4, -0.8, ["{He} was not taking any NSAID.", "No gastrointestinal complaints were reported."], "no gastrointestinal risk factors or NSAID use were documented");
                break;
            case 2:
                var (sleep, sleepStrength) = s.Rng.Pick(Vocabulary.SleepAids);
                s.Drug = sleep;
                s.Kind = "SleepAid";
                s.Request(n => $"{sleep} {sleepStrength} #{n}", count);
                s.Guideline("Insomnia treatment", string.Empty, "Pain Chapter, Insomnia treatment", string.Empty, odg: true);
                s.Intro("The ODG recommends short-term use, usually two to six weeks, of sleep medications after evaluation of the causes of sleep disturbance and sleep hygiene measures.");
                s.Maybe(0.5, -1.1, ["{He} has taken {drug} nightly for over two years.", "{drug} has been prescribed continuously since {year}."], "the medication had been used long term, beyond the short course recommended");
                s.Maybe(0.3, 0.6, ["Sleep hygiene measures were tried without success.", "A sleep evaluation was completed and behavioral measures failed."], "sleep hygiene measures had failed");
                s.Base = -0.3;
                break;
            default:
                var (antidepressant, adStrength) = s.Rng.Pick(Vocabulary.Antidepressants);
                s.Drug = antidepressant;
                s.Kind = "Antidepressant";
                s.Request(n => $"{antidepressant} {adStrength} #{n}", count);
                s.Guideline("Antidepressants for chronic pain", "13-16", "Antidepressants for chronic pain", "13-16");
                s.Intro("Antidepressants are recommended as a first-line option for neuropathic pain and as a possibility for non-neuropathic pain, and for major depression.");
                s.Maybe(0.4, 1.0, ["{He} was diagnosed with major depressive disorder by a psychologist.", "A psychiatric evaluation confirmed major depression."], "major depression was diagnosed");
                s.Maybe(0.35, 0.6, ["Mood and sleep improved on {drug}.", "{He} reported less pain and better mood with {drug}."], "improvement on the medication was documented");
                s.Maybe(0.3, -0.5, ["Mood was described as normal at the last visit.", "No depressive symptoms were documented."], "no depressive disorder or benefit was documented");
                break;
        }
    }
}
