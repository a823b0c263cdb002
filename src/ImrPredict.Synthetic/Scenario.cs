using System.Globalization;
using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>A body region a case is about; it decides imaging, therapy and surgery wording.</summary>
internal enum BodyRegion
{
    LowBack,
    Neck,
    Shoulder,
    Knee,
    Wrist,
}

/// <summary>The injured worker of one letter.</summary>
internal sealed class Patient
{
    public required int Age { get; init; }
    public required bool Male { get; init; }
    public required BodyRegion Region { get; init; }
    public required string Side { get; init; }
    public required int Pain { get; init; }
    public required DateOnly Injury { get; init; }

    public string PartName => Region switch
    {
        BodyRegion.LowBack => "lumbar spine",
        BodyRegion.Neck => "cervical spine",
        BodyRegion.Shoulder => $"{Side} shoulder",
        BodyRegion.Knee => $"{Side} knee",
        _ => $"{Side} wrist",
    };

    public string ComplaintsChapter => Region switch
    {
        BodyRegion.LowBack => "Low Back Complaints 2004",
        BodyRegion.Neck => "Neck and Upper Back Complaints 2004",
        BodyRegion.Shoulder => "Shoulder Complaints 2004",
        BodyRegion.Knee => "Knee Complaints 2004",
        _ => "Forearm, Wrist, and Hand Complaints 2004",
    };
}

/// <summary>A stated clinical fact and how it moves the log-odds of Overturned.</summary>
/// <param name="Sentence">The sentence in the summary; null for a fact carried by the request itself.</param>
/// <param name="Weight">Its log-odds weight.</param>
/// <param name="Reason">How a rationale states it.</param>
internal sealed record Fact(string? Sentence, double Weight, string Reason);

/// <summary>
/// One item's request (with its drug, or a placeholder for requests that are not drugs) and the facts that decide it.
/// Its kind is what the guidelines judge it as: its category, or for other drugs their class (an anticonvulsant and a
/// proton pump inhibitor are weighed on different facts).
/// </summary>
internal sealed record Scenario(
    ItemCategory Category,
    string Kind,
    string Drug,
    Func<int, string> RequestFormat,
    int? Count,
    double Base,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<string> Intros,
    string ClaimsAdministratorGuideline,
    string MaximusGuideline)
{
    public double Logit(double letterWeight) =>
        ClinicalModel.Intercept + Base + ClinicalModel.SignalScale * (letterWeight + Facts.Sum(f => f.Weight));
}

/// <summary>Collects a scenario's parts; category builders in <see cref="ClinicalModel"/> call it.</summary>
internal sealed class ScenarioBuilder(ItemCategory category, Patient patient, Rng rng)
{
    private readonly List<Fact> _facts = [];
    private readonly List<string> _intros = [];
    private Func<int, string> _format = _ => "Unspecified request";
    private int? _count;
    private string _claimsAdministrator = string.Empty;
    private string _maximus = string.Empty;

    public Rng Rng { get; } = rng;
    public Patient Patient { get; } = patient;
    public string Drug { get; set; } = "the medication";

    /// <summary>The kind the request is judged as, when finer than its category (the class of an "other" drug).</summary>
    public string? Kind { get; set; }
    public double Base { get; set; }

    public void Request(Func<int, string> format, int? count)
    {
        _format = format;
        _count = count;
    }

    public void Intro(params string[] variants) => _intros.AddRange(variants);

    /// <summary>A fact the request itself carries (an ingredient, a quantity): no summary sentence.</summary>
    public void Weight(double weight, string reason) => _facts.Add(new Fact(null, weight, reason));

    /// <summary>
    /// States a fact with probability <paramref name="prevalence"/>; otherwise, with probability
    /// <paramref name="absentProbability"/>, states its absence, which carries <paramref name="absentWeight"/>.
    /// </summary>
    public void Maybe(double prevalence, double weight, string[] present, string reason,
        double absentProbability = 0, double absentWeight = 0, string[]? absent = null, string? absentReason = null)
    {
        if (Rng.Chance(prevalence))
        {
            _facts.Add(new Fact(Expand(Rng.Pick(present)), weight, reason));
        }
        else if (absent is not null && Rng.Chance(absentProbability))
        {
            _facts.Add(new Fact(Expand(Rng.Pick(absent)), absentWeight, absentReason ?? reason));
        }
    }

    public void Guideline(string claimsTopic, string claimsPages, string maximusTopic, string maximusPages, bool odg = false)
    {
        _claimsAdministrator = Rng.Chance(0.08)
            ? "The Claims Administrator did not cite any medical evidence for its decision."
            : Citation(claimsTopic, claimsPages, odg || Rng.Chance(0.15));
        _maximus = Citation(maximusTopic, maximusPages, odg);
        if (!odg && Rng.Chance(0.2))
        {
            _maximus += " " + Citation(maximusTopic, string.Empty, odg: true);
        }
    }

    /// <summary>The category the parser gives the request when it is not the one drawn (an "other" service that is a lab test).</summary>
    public ItemCategory? ParsedCategory { get; set; }

    public Scenario Build() => new(ParsedCategory ?? category, Kind ?? category.ToString(), Drug, _format, _count, Base, _facts, _intros, _claimsAdministrator, _maximus);

    private string Citation(string topic, string pages, bool odg)
    {
        if (odg)
        {
            var chapter = Patient.Region switch
            {
                BodyRegion.LowBack => "Low Back Chapter",
                BodyRegion.Neck => "Neck and Upper Back Chapter",
                BodyRegion.Shoulder => "Shoulder Chapter",
                BodyRegion.Knee => "Knee and Leg Chapter",
                _ => "Forearm, Wrist, and Hand Chapter",
            };
            return $"Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), {chapter}, {topic}.";
        }

        var document = topic.Contains("Complaints", StringComparison.Ordinal) ? "MTUS" : "MTUS Chronic Pain Medical Treatment 2016, Section(s):";
        return pages.Length > 0
            ? $"Decision based on {document} {topic} Page(s): {pages}."
            : $"Decision based on {document} {topic}.";
    }

    private string Expand(string sentence) => Expand(sentence, Patient, Drug, Rng);

    internal static string Expand(string sentence, Patient patient, string drug, Rng rng)
    {
        if (!sentence.Contains('{'))
        {
            return sentence;
        }

        return sentence
            .Replace("{He}", patient.Male ? "He" : "She", StringComparison.Ordinal)
            .Replace("{he}", patient.Male ? "he" : "she", StringComparison.Ordinal)
            .Replace("{His}", patient.Male ? "His" : "Her", StringComparison.Ordinal)
            .Replace("{his}", patient.Male ? "his" : "her", StringComparison.Ordinal)
            .Replace("{him}", patient.Male ? "him" : "her", StringComparison.Ordinal)
            .Replace("{drug}", drug, StringComparison.Ordinal)
            .Replace("{part}", patient.PartName, StringComparison.Ordinal)
            .Replace("{pain}", patient.Pain.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", (patient.Injury.Year + rng.Between(0, 2)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{date}", patient.Injury.AddDays(rng.Between(200, 900)).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
