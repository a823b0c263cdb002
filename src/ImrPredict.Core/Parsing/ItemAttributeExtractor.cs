using System.Globalization;
using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>Derives category, quantity, strength and session count from a requested item's wording.</summary>
public static partial class ItemAttributeExtractor
{
    // Checked in order: the first category with a matching word wins, so procedures and therapy come
    // before drug names ("Toradol injection" is an injection; "Lidoderm patch" is topical before other drug).
    private static readonly (ItemCategory Category, Regex Pattern)[] Rules =
    [
        (ItemCategory.Electrodiagnostics, Words(@"emg|ncv|ncs|emg/ncv|emg/ncs|nerve conduction|electromyograph\w*|electrodiagnostic\w*|ssep|sseps|somatosensory evoked\w*")),
        // Before therapy: "PT/PTT" is a clotting test, not physical therapy.
        (ItemCategory.Lab, Words(@"labs?|laboratory|pt/ptt|ptt|pt/inr|inr|cbc|complete blood count|bmp|cmp|metabolic panel|blood (?:work|tests?|draw)|urine (?:drug )?(?:tests?|testing|screens?|screening|toxicology)|urinalysis|drug (?:tests?|testing|screens?|screening)|toxicology|ekg|ecg|electrocardiograms?|hba1c|a1c|lipid panel")),
        (ItemCategory.Imaging, Words(@"mri|mra|ct|ct scan|cat scan|x-rays?|xrays?|radiographs?|bone scan|imaging|arthrogram|myelogram|dexa|magnetic resonance|sonogram|diagnostic ultrasound|ultrasound of|ultrasound guided")),
        (ItemCategory.PhysicalTherapy, Words(@"physical therapy|physiotherapy|pt|chiropractic|chiropractor|chiro\w*|acupuncture|occupational therapy|manipulation|massage|aquatic therapy|aqua therapy|pool therapy|work hardening|work conditioning|therapeutic exercise|electrical stimulation|ultrasound \d+ times|myofascial release|traction|physical medicine")),
        (ItemCategory.ConsultVisit, Words(@"consult\w*|referral|refer|evaluation|evaluate|office visits?|follow[- ]up|visits?|physical exam|re-?examination|exam|second opinion|specialist")),
        (ItemCategory.Injection, Words(@"injections?|epidural|esi|blocks?|facet|radiofrequency|ablation|rhizotomy|trigger points?|synvisc|euflexxa|orthovisc|viscosupplementation|prp|platelet rich plasma|botox|cortisone|kenalog")),
        (ItemCategory.Surgery, Words(@"surgery|surgical|arthroscop\w*|fusion|laminectomy|laminotomy|discectomy|microdiscectomy|foraminotomy|repair|replacement|arthroplasty|decompression|release|orif|open reduction|\w+ectomy|\w+otomy|\w+plasty|implant\w*|removal of hardware|debridement|reconstruction|spinal cord stimulator")),
        (ItemCategory.Dme, Words(@"brace|wheelchair|walker|cane|commode|shower chair|chair|tens|tens unit|ems unit|interferential|h-wave|unit|cold therapy|cryotherapy|hot/cold|heat|pillow|mattress|bed|orthotics?|orthosis|splint|cpm|continuous passive motion|lumbar support|back support|support|scooter|crutches|sling|garment|stockings|dme|durable medical equipment|insoles|shoes|compression|vasopneumatic|kit|pad|machine|device")),
        (ItemCategory.TopicalCompound, Words(@"cream|gel|ointment|lotion|topical|transdermal|compound\w*|lidoderm|terocin|flector|patch(es)?|rub|spray|balm|liniment")),
        (ItemCategory.Opioid, Words(@"norco|hydrocodone|vicodin|lortab|percocet|oxycodone|oxycontin|roxicodone|endocet|tramadol|ultram|ultracet|nucynta|tapentadol|morphine|ms contin|kadian|avinza|fentanyl|duragesic|methadone|hydromorphone|dilaudid|exalgo|oxymorphone|opana|codeine|tylenol #3|tylenol no\.? 3|tylenol with codeine|buprenorphine|butrans|suboxone|belbuca|trezix|xartemis|zohydro|hysingla|embeda|meperidine|demerol|levorphanol|apap/codeine|opioids?|narcotics?")),
        (ItemCategory.MuscleRelaxant, Words(@"baclofen|lioresal|cyclobenzaprine|flexeril|fexmid|amrix|tizanidine|zanaflex|carisoprodol|soma|methocarbamol|robaxin|metaxalone|skelaxin|orphenadrine|norflex|chlorzoxazone|parafon|dantrolene|muscle relaxants?")),
        (ItemCategory.Nsaid, Words(@"ibuprofen|motrin|advil|naproxen|naprosyn|anaprox|aleve|mobic|meloxicam|celebrex|celecoxib|diclofenac|voltaren|etodolac|lodine|nabumetone|relafen|ketorolac|toradol|indomethacin|indocin|vimovo|duexis|piroxicam|feldene|ketoprofen|arthrotec|daypro|oxaprozin|sulindac|fenoprofen|nalfon|nsaids?")),
        (ItemCategory.OtherDrug, Words(@"gabapentin|neurontin|lyrica|pregabalin|cymbalta|duloxetine|zoloft|sertraline|prozac|fluoxetine|wellbutrin|trazodone|desyrel|elavil|amitriptyline|nortriptyline|ambien|zolpidem|lunesta|sonata|xanax|alprazolam|valium|diazepam|klonopin|clonazepam|ativan|lorazepam|omeprazole|prilosec|pantoprazole|protonix|nexium|ranitidine|zantac|prevacid|lansoprazole|topamax|topiramate|tylenol|acetaminophen|colace|senna|senokot|docusate|lactulose|amitiza|linzess|movantik|relistor|nuvigil|provigil|cialis|viagra|restoril|seroquel|abilify|effexor|venlafaxine|savella|imitrex|sumatriptan|fioricet|medrol|prednisone|dexilant|ondansetron|zofran|keppra|depakote|tegretol|lexapro|celexa|paxil|buspar|remeron|mirtazapine|lidocaine|capsaicin|supplement|vitamin|capsules?|tablets?|tabs?|caps|oral suspension|\d+(\.\d+)?\s*(mg|mcg|ml)|#\d+")),
    ];

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fourteen"] = 14,
        ["sixteen"] = 16, ["eighteen"] = 18, ["twenty"] = 20, ["twenty-four"] = 24, ["thirty"] = 30,
    };

    /// <summary>Derives the attributes of a requested item.</summary>
    public static ItemAttributes Extract(string requestedItem)
    {
        var category = Categorize(requestedItem);
        return new ItemAttributes(category, Quantity(requestedItem), Strength(requestedItem), Sessions(requestedItem, category));
    }

    /// <summary>The category of a requested item by its wording.</summary>
    public static ItemCategory Categorize(string requestedItem)
    {
        // A topical opioid or relaxant is still a topical product, but a transdermal opioid patch is an opioid.
        if (OpioidPatch().IsMatch(requestedItem))
        {
            return ItemCategory.Opioid;
        }

        // Several percentages are a compounded topical ("Flurbiprofen 10%, Cyclobenzaprine 3%, ...").
        if (Percentages().Count(requestedItem) >= 2)
        {
            return ItemCategory.TopicalCompound;
        }

        // A procedure named before a weak consult word is the procedure ("Right knee arthroscopy with evaluation of the ACL").
        if (requestedItem.Length <= 1000 && ProcedureBeforeEvaluation().IsMatch(requestedItem))
        {
            return ItemCategory.Surgery;
        }

        // Strengths like "10/325mg" are drugs whatever else the text says ("Norco 10/325mg for the low back").
        var drugFirst = DrugStrength().IsMatch(requestedItem);
        foreach (var (category, pattern) in Rules)
        {
            if (drugFirst && category is ItemCategory.ConsultVisit or ItemCategory.Dme or ItemCategory.Surgery or ItemCategory.PhysicalTherapy)
            {
                continue;
            }

            if (pattern.IsMatch(requestedItem))
            {
                return category;
            }
        }

        return ItemCategory.Other;
    }

    private static int? Quantity(string text)
    {
        var match = QuantityMark().Match(text);
        if (match.Success)
        {
            return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        match = QuantityWords().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? Strength(string text)
    {
        var match = StrengthPattern().Match(text);
        return match.Success ? match.Value.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
    }

    private static int? Sessions(string text, ItemCategory category)
    {
        var match = TimesPerWeek().Match(text);
        if (match.Success && Number(match.Groups["per"].Value) is { } per && Number(match.Groups["weeks"].Value) is { } weeks)
        {
            return per * weeks;
        }

        match = SessionCount().Match(text);
        if (match.Success && Number(match.Groups["n"].Value) is { } n)
        {
            return n;
        }

        if (category == ItemCategory.PhysicalTherapy || category == ItemCategory.ConsultVisit)
        {
            match = TimesShort().Match(text);
            if (match.Success && Number(match.Groups["b"].Value) is { } b)
            {
                // "2 times 6" is twelve visits; a bare "times 3" is three.
                return (Number(match.Groups["a"].Value) ?? 1) * b;
            }

            match = QuantityMark().Match(text);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static int? Number(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : NumberWords.TryGetValue(token, out var w) ? w
        : null;

    private static Regex Words(string alternatives) =>
        new($@"(?<![\w]){"(?:" + alternatives + ")"}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\d+(\.\d+)?\s*%")]
    private static partial Regex Percentages();

    [GeneratedRegex(@"\b(butrans|duragesic|fentanyl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpioidPatch();

    [GeneratedRegex(@"\d+(\.\d+)?(/\d+(\.\d+)?)*\s*(mg|mcg|ml)\b|\b\d+/\d{3}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DrugStrength();

    [GeneratedRegex(@"#\s*(\d{1,5})\b")]
    private static partial Regex QuantityMark();

    [GeneratedRegex(@"\b(?:qty|quantity)[:.]?\s*(\d{1,5})\b|\b(\d{1,4})\s+(?:tablets|capsules|pills|patches)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuantityWords();

    [GeneratedRegex(@"\d+(\.\d+)?(\s*/\s*\d+(\.\d+)?)*\s*(mg|mcg|ml|g|%)(?![a-z])|\b\d+/\d{3}\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrengthPattern();

    [GeneratedRegex(@"(?<per>\d+|one|two|three|four|five|six)\s*(?:times|x)\s*(?:a|per|/)\s*week\s*(?:for|x|times)\s*(?<weeks>\d+|one|two|three|four|five|six|eight|twelve)\s*weeks?", RegexOptions.IgnoreCase)]
    private static partial Regex TimesPerWeek();

    [GeneratedRegex(@"(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|sixteen|eighteen|twenty|twenty-four|thirty)\s+(?:[a-z/-]+\s+){0,3}?(?:sessions?|visits?|treatments?)\b|(?<n>\d+)(?:sessions?|visits?)\b|\((?<n>\d+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex SessionCount();

    [GeneratedRegex(@"\b(?:(?<a>\d+)\s*|(?<a>))(?:x|times)\s*(?<b>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimesShort();

    [GeneratedRegex(@"\b(?:arthroscop\w*|\w+ectomy|\w+otomy|\w+plasty|fusion|laminectomy|decompression|repair|reconstruction)\b[^;]{0,200}?\b(?:with|and|including) (?:an? )?(?:evaluation|exam\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureBeforeEvaluation();
}
