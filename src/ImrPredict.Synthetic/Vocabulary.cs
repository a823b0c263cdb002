namespace ImrPredict.Synthetic;

/// <summary>The words generated letters are made of: drugs, studies, procedures, devices and distractors.</summary>
internal static class Vocabulary
{
    public static readonly (string Name, string Strength)[] Opioids =
    [
        ("Norco", "10/325mg"), ("Norco", "5/325mg"), ("Percocet", "10/325mg"), ("Percocet", "5/325mg"), ("Tramadol", "50mg"),
        ("Tramadol ER", "150mg"), ("Oxycodone", "15mg"), ("OxyContin", "20mg"), ("Nucynta", "50mg"), ("Hydrocodone/APAP", "10/325mg"),
        ("Ultram", "50mg"), ("Methadone", "10mg"),
    ];

    public static readonly (string Name, string Strength)[] MuscleRelaxants =
    [
        ("Baclofen", "10mg"), ("Baclofen", "20mg"), ("Cyclobenzaprine", "7.5mg"), ("Cyclobenzaprine", "10mg"), ("Flexeril", "10mg"),
        ("Tizanidine", "4mg"), ("Methocarbamol", "750mg"), ("Carisoprodol", "350mg"), ("Soma", "350mg"), ("Orphenadrine ER", "100mg"),
    ];

    public static readonly (string Name, string Strength)[] Nsaids =
    [
        ("Naproxen", "550mg"), ("Naproxen sodium", "550mg"), ("Mobic", "15mg"), ("Meloxicam", "7.5mg"), ("Ibuprofen", "800mg"),
        ("Celebrex", "200mg"), ("Diclofenac sodium ER", "100mg"), ("Etodolac", "400mg"), ("Nabumetone", "750mg"),
    ];

    public sealed record TopicalProduct(string Name, bool NonRecommendedIngredient);

    public static readonly TopicalProduct[] Topicals =
    [
        new("Compound cream: Flurbiprofen 20%, Baclofen 5%, Lidocaine 5% 180gm", true),
        new("Gabapentin 10%, Amitriptyline 10%, Capsaicin 0.025% cream 240gm", true),
        new("Cyclobenzaprine 2%, Flurbiprofen 25% cream 120gm", true),
        new("Ketoprofen 20% cream 120gm", true),
        new("Baclofen cream 120gm", true),
        new("Lidoderm 5% patch #30", false),
        new("Lidocaine 5% patches #30", false),
        new("Voltaren 1% gel 100gm", false),
        new("Diclofenac sodium 1% gel 100gm", false),
        new("Capsaicin 0.025% cream 60gm", false),
        new("Terocin patch #20", true),
    ];

    public static readonly (string Name, string Strength)[] Anticonvulsants =
        [("Gabapentin", "600mg"), ("Gabapentin", "300mg"), ("Neurontin", "600mg"), ("Lyrica", "75mg"), ("Pregabalin", "50mg"), ("Topamax", "50mg")];

    public static readonly (string Name, string Strength)[] ProtonPumpInhibitors =
        [("Omeprazole", "20mg"), ("Prilosec", "20mg"), ("Pantoprazole", "40mg"), ("Protonix", "40mg")];

    public static readonly (string Name, string Strength)[] SleepAids =
        [("Ambien", "10mg"), ("Zolpidem", "10mg"), ("Lunesta", "3mg"), ("Trazodone", "50mg")];

    public static readonly (string Name, string Strength)[] Antidepressants =
        [("Cymbalta", "60mg"), ("Duloxetine", "30mg"), ("Zoloft", "100mg"), ("Amitriptyline", "25mg"), ("Wellbutrin XL", "150mg")];

    public sealed record TherapyModality(string Name, string Topic, string Pages, int GuidelineVisits, int[] Counts);

    public static readonly TherapyModality[] TherapyModalities =
    [
        new("Physical therapy", "Physical Medicine", "98-99", 10, [6, 6, 8, 8, 10, 12, 12, 16, 18, 24]),
        new("Chiropractic treatment", "Manual therapy & manipulation", "58-60", 6, [4, 6, 6, 8, 12, 18]),
        new("Acupuncture", "Acupuncture Treatment Guidelines", "8-9", 6, [4, 6, 6, 8, 12]),
        new("Aquatic therapy", "Aquatic therapy", "22", 10, [6, 8, 12, 12, 16]),
        new("Occupational therapy", "Physical Medicine", "98-99", 10, [6, 8, 12, 16]),
    ];

    public static readonly string[] ImagingStudies = ["MRI", "MRI", "MRI", "CT scan", "X-rays", "Repeat MRI"];

    public static readonly string[] Injections =
    [
        "Lumbar epidural steroid injection at L4-L5", "Transforaminal epidural steroid injection at L5-S1",
        "Cervical epidural steroid injection at C5-C6", "Cortisone injection of the {0}", "Trigger point injections for the {0}",
        "Bilateral L4-L5 and L5-S1 facet medial branch blocks", "Synvisc injection of the {0}", "Radiofrequency ablation at L3-L5",
    ];

    public static readonly string[] Surgeries =
    [
        "{0} shoulder arthroscopy with subacromial decompression", "{0} knee arthroscopic partial meniscectomy",
        "{0} carpal tunnel release", "L4-L5 microdiscectomy", "L5-S1 anterior lumbar interbody fusion",
        "C5-C6 anterior cervical discectomy and fusion", "{0} rotator cuff repair", "Spinal cord stimulator trial",
    ];

    public sealed record Device(string Name, string Topic, string Pages);

    public static readonly Device[] Devices =
    [
        new("TENS unit purchase", "Transcutaneous electrotherapy", "114-116"),
        new("TENS unit 30 day rental", "Transcutaneous electrotherapy", "114-116"),
        new("Cold therapy unit 7 day rental for the {0}", "Continuous-flow cryotherapy", string.Empty),
        new("Hot and cold therapy unit purchase", "Continuous-flow cryotherapy", string.Empty),
        new("Lumbar brace", "Lumbar supports", "301"),
        new("Front-wheeled walker", "Walking aids (canes, crutches, braces, orthoses & walkers)", string.Empty),
        new("H-wave unit home use", "H-wave stimulation (HWT)", "117-118"),
        new("Interferential unit", "Interferential Current Stimulation (ICS)", "118-120"),
        new("Knee brace for the {0}", "Knee brace", string.Empty),
    ];

    public static readonly string[] Consults =
    [
        "Orthopedic surgery consultation", "Pain management consultation", "Neurology consultation", "Psychological evaluation",
        "Follow-up office visit", "Spine surgeon consultation", "Hand surgeon consultation", "Internal medicine consultation",
    ];

    public sealed record OtherService(string Name, string Topic, double Base);

    public static readonly OtherService[] OtherItems =
    [
        new("Urine drug screen", "Drug testing", 0.4),
        new("Functional capacity evaluation", "Fitness for duty", -0.4),
        new("Gym membership", "Gym memberships", -1.5),
        new("Functional restoration program, 80 hours", "Functional restoration programs (FRPs)", 0.2),
        new("Home health care 4 hours a day", "Home health services", -0.6),
        new("Transportation to medical appointments", "Transportation (to & from appointments)", -0.8),
    ];

    public static readonly string[] Mechanisms =
    [
        "lifting a heavy box", "a fall from a ladder", "slipping on a wet floor", "repetitive keyboard work",
        "a motor vehicle accident while driving for work", "pulling a pallet jack", "restraining a patient", "stocking shelves",
    ];

    public static readonly string[] Occupations =
    [
        "warehouse worker", "truck driver", "nurse", "office clerk", "carpenter", "correctional officer", "cashier", "mechanic",
        "teacher", "farm worker", "custodian", "bus driver",
    ];

    public static readonly Dictionary<BodyRegion, string[]> Diagnoses = new()
    {
        [BodyRegion.LowBack] = ["lumbar radiculopathy", "lumbar disc protrusion", "lumbar sprain/strain", "degenerative disc disease of the lumbar spine"],
        [BodyRegion.Neck] = ["cervical radiculopathy", "cervical sprain/strain", "cervical disc herniation", "cervicalgia"],
        [BodyRegion.Shoulder] = ["rotator cuff tendinitis", "shoulder impingement syndrome", "partial rotator cuff tear", "adhesive capsulitis"],
        [BodyRegion.Knee] = ["internal derangement of the knee", "knee osteoarthritis", "medial meniscus tear", "patellofemoral syndrome"],
        [BodyRegion.Wrist] = ["carpal tunnel syndrome", "wrist sprain", "de Quervain's tenosynovitis", "triangular fibrocartilage tear"],
    };

    public static readonly string[] PriorTreatments =
    [
        "physical therapy", "chiropractic care", "acupuncture", "medications", "activity modification", "a home exercise program",
        "injections", "bracing", "modified duty", "diagnostic imaging",
    ];

    // Facts that carry no weight: realistic noise a model must learn to ignore.
    public static readonly string[] Distractors =
    [
        "Past medical history includes hypertension controlled with lisinopril.",
        "{He} has type 2 diabetes managed with metformin.",
        "{He} denied any allergies to medications.",
        "Body mass index was 31.",
        "{He} lives with {his} spouse and two children.",
        "{He} reported difficulty sleeping because of pain.",
        "Blood pressure was 138/86 at the visit.",
        "{He} underwent an appendectomy many years ago.",
        "The provider reviewed prior records from the primary treating physician.",
        "{He} walks with a normal gait.",
        "{He} reported stress related to the claim.",
        "A qualified medical evaluator report was referenced.",
        "The attorney requested a status update.",
        "{He} takes a daily multivitamin.",
        "Family history is notable for heart disease.",
        "{He} rated {his} pain {pain}/10 at the visit.",
        "Range of motion was mildly reduced.",
        "Tenderness to palpation was noted over the paraspinal muscles.",
    ];

    public static readonly string[] States =
    [
        "California", "Texas", "New York", "Florida", "Ohio", "Pennsylvania", "Illinois", "Washington", "Arizona", "Maryland",
        "New Jersey", "North Carolina", "Virginia", "Georgia", "Michigan", "Oregon", "Colorado", "Massachusetts",
    ];

    public static readonly string[] Specialties =
    [
        "Family Practice", "Internal Medicine", "Occupational Medicine", "Preventive Medicine", "Physical Medicine & Rehabilitation",
        "Pain Management", "Orthopedic Surgery", "Anesthesiology", "Neurology", "Emergency Medicine", "Chiropractic", "Acupuncture",
    ];

    private static readonly string[] NumberWords =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen",
        "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty",
    ];

    public static string NumberWord(int n) =>
        n >= 0 && n < NumberWords.Length ? NumberWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
