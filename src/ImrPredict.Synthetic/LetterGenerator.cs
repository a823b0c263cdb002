using System.Globalization;
using System.Text;
using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>
/// Generates letters deterministically: letter <c>i</c> of seed <c>s</c> depends on nothing else, so
/// letters can be made in any order or in parallel and the corpus is still byte-identical.
/// </summary>
public sealed class LetterGenerator(long seed)
{
    private static readonly string[] WorkFull = ["{He} continues to work full duty.", "{He} has returned to regular work.", "{He} is working without restrictions."];
    private static readonly string[] WorkModified = ["{He} is working modified duty with a 20-pound lifting restriction.", "{He} returned to light duty.", "Work restrictions were continued and {he} is working part time."];
    private static readonly string[] WorkOff = ["{He} remains off work.", "{He} has been temporarily totally disabled since the injury.", "{He} has not worked since {year}."];

    /// <summary>
    /// Bumped whenever a seed's letters change: 2 made facts patient-level for repeated requests of one kind; 3 did the
    /// same for different drugs of one kind, except the sentences that name a drug; 4 narrates the earlier review as real
    /// summaries do (its stated reason, a modified request) and writes retrospective requests, with effects measured on the
    /// shared letters (<see cref="ReviewNarration"/>).
    /// Recorded in <c>corpus.json</c>, so a corpus says which generator made it.
    /// </summary>
    public const int Version = 4;

    /// <summary>The corpus seed.</summary>
    public long Seed { get; } = seed;

    /// <summary>Generates letter number <paramref name="index"/>.</summary>
    public SyntheticLetter Generate(long index)
    {
        var rng = new Rng(Seed, index);
        var patient = DrawPatient(rng);
        var itemCount = DrawItemCount(rng);

        var work = rng.Next(3);
        var workWeight = work switch { 0 => 0.35, 1 => 0.0, _ => -0.35 };
        var workSentence = rng.Pick(work switch { 0 => WorkFull, 1 => WorkModified, _ => WorkOff });

        var review = ReviewNarration.Draw(rng);
        var scenarios = new List<Scenario>(itemCount);
        for (var i = 0; i < itemCount; i++)
        {
            var scenario = ClinicalModel.Build(ClinicalModel.DrawCategory(rng), patient, rng);

            // The summary is the patient's, so a second request of a kind already in the letter (two imaging studies, two
            // opioids) is judged on the same stated facts: a letter cannot say which of two MRI requests a "no red flags"
            // sentence belongs to, nor which of two opioids a "urine drug screen was consistent" sentence is about, and the
            // truth must not depend on what no reader could tell. What names its drug ("Norco reduced the pain") and what
            // the request itself carries (quantity, ingredient, visits) stays the request's own.
            if (scenarios.Find(s => s.Kind == scenario.Kind) is { } first)
            {
                var sameDrug = scenarios.Find(s => s.Kind == scenario.Kind && s.Drug == scenario.Drug);
                scenario = scenario with { Facts = SharedFacts(first, sameDrug ?? scenario, scenario) };
            }

            scenarios.Add(scenario);
        }

        var items = new List<SyntheticItem>(itemCount);
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            var retrospective = rng.Chance(ReviewNarration.RetrospectiveShare);
            var p = ClinicalModel.Probability(scenario.Logit(workWeight) + review.LogitShift + (retrospective ? ReviewNarration.RetrospectiveShift : 0));
            var decision = rng.Chance(p) ? Decision.Overturned : Decision.Upheld;
            var (requested, partial) = RequestWithPartial(scenario, rng);
            if (retrospective && partial is null)
            {
                requested = ReviewNarration.Retrospective(requested, rng);
            }

            if (!requests.Add(requested))
            {
                requested = $"{requested} (second request)";
            }

            items.Add(new SyntheticItem(
                requested, partial, scenario.Category, p, decision,
                scenario.ClaimsAdministratorGuideline, scenario.MaximusGuideline,
                Rationale(scenario, requested, decision, patient, rng)));
        }

        var summary = Summary(patient, workSentence, scenarios, items, review, rng);
        return new SyntheticLetter(index, Header(patient, index, rng), Reviewer(rng), rng.Chance(0.35), summary, items);
    }

    /// <summary>
    /// The facts of a later request of a kind already in the letter: its own request-borne facts, the first request's
    /// stated facts that name no drug, and the sentences naming its drug from the first request of that drug (itself if
    /// none came before), so two requests of one drug never hold different sentences about it.
    /// </summary>
    private static List<Fact> SharedFacts(Scenario first, Scenario firstOfDrug, Scenario later) =>
    [
        .. later.Facts.Where(f => f.Sentence is null),
        .. first.Facts.Where(f => f.Sentence is not null && !Names(f, first.Drug)),
        .. firstOfDrug.Facts.Where(f => f.Sentence is not null && Names(f, later.Drug)),
    ];

    private static bool Names(Fact fact, string drug) => fact.Sentence!.Contains(drug, StringComparison.OrdinalIgnoreCase);

    private Patient DrawPatient(Rng rng) => new()
    {
        Age = rng.Between(22, 68),
        Male = rng.Chance(0.55),
        Region = (BodyRegion)rng.Next(5),
        Side = rng.Chance(0.5) ? "right" : "left",
        Pain = rng.Between(4, 9),
        Injury = new DateOnly(2006, 1, 1).AddDays(rng.Between(0, 365 * 10)),
    };

    private static int DrawItemCount(Rng rng)
    {
        var u = rng.NextDouble();
        return u switch
        {
            < 0.46 => 1,
            < 0.74 => 2,
            < 0.88 => 3,
            < 0.97 => rng.Between(4, 6),
            _ => rng.Between(7, 20),
        };
    }

    private static (string Requested, PartialAuthorization? Partial) RequestWithPartial(Scenario scenario, Rng rng)
    {
        if (scenario.Count is not { } count)
        {
            return (scenario.RequestFormat(0), null);
        }

        if (count >= 4 && rng.Chance(0.07))
        {
            var authorized = Math.Max(1, (int)Math.Round(count * (0.3 + 0.4 * rng.NextDouble())));
            var remainder = count - authorized;
            if (remainder > 0)
            {
                var requested = scenario.RequestFormat(remainder);
                return (requested, new PartialAuthorization(scenario.RequestFormat(count), scenario.RequestFormat(authorized), requested));
            }
        }

        return (scenario.RequestFormat(count), null);
    }

    private static LetterHeader Header(Patient patient, long index, Rng rng)
    {
        var urDenial = patient.Injury.AddDays(rng.Between(30, 365 * 4));
        if (urDenial.Year < 2013)
        {
            // IMR began in 2013: earlier injuries reach it years later.
            urDenial = new DateOnly(2013, 1, 1).AddDays(rng.Between(0, 365 * 4));
        }

        var received = urDenial.AddDays(rng.Between(3, 40));
        var assigned = received.AddDays(rng.Between(1, 12));
        var decided = assigned.AddDays(rng.Between(10, 75));
        var caseNumber = string.Create(CultureInfo.InvariantCulture, $"CM{decided.Year % 100:D2}-{index % 10_000_000:D7}");
        return new LetterHeader(caseNumber, assigned, patient.Injury, decided, urDenial, rng.Chance(0.97) ? "Standard" : "Expedited", received);
    }

    private static ReviewerCredentials Reviewer(Rng rng)
    {
        var states = new List<string> { "California" };
        for (var i = rng.Between(0, 2); i > 0; i--)
        {
            var state = rng.Pick(Vocabulary.States);
            if (!states.Contains(state))
            {
                states.Add(state);
            }
        }

        rng.Shuffle(states);
        var specialties = new List<string> { rng.Pick(Vocabulary.Specialties) };
        if (rng.Chance(0.4))
        {
            var second = rng.Pick(Vocabulary.Specialties);
            if (!specialties.Contains(second))
            {
                specialties.Add(second);
            }
        }

        return new ReviewerCredentials(states, specialties);
    }

    private static string Summary(Patient patient, string workSentence, List<Scenario> scenarios, List<SyntheticItem> items, ReviewNarration review, Rng rng)
    {
        var he = patient.Male ? "He" : "She";
        var sex = patient.Male ? "male" : "female";
        var injury = FormatDate(patient.Injury, rng);
        var opening = rng.Next(3) switch
        {
            0 => $"The injured worker is a {patient.Age} year old {sex} who sustained an industrial injury on {injury}.",
            1 => $"This {patient.Age}-year-old {sex} {rng.Pick(Vocabulary.Occupations)} was injured at work on {injury} after {rng.Pick(Vocabulary.Mechanisms)}.",
            _ => $"The applicant is a {patient.Age}-year-old {sex} who has filed a claim for chronic {patient.PartName} pain reportedly associated with an industrial injury of {injury}.",
        };

        var diagnoses = Vocabulary.Diagnoses[patient.Region].ToList();
        rng.Shuffle(diagnoses);
        var treatments = Vocabulary.PriorTreatments.ToList();
        rng.Shuffle(treatments);

        var body = new List<string>
        {
            $"Diagnoses included {diagnoses[0]} and {diagnoses[1]}.",
            $"Treatment to date has included {treatments[0]}, {treatments[1]} and {treatments[2]}.",
            ScenarioBuilder.Expand(workSentence, patient, string.Empty, rng),
        };
        foreach (var scenario in scenarios)
        {
            body.AddRange(scenario.Facts.Where(f => f.Sentence is not null).Select(f => f.Sentence!));
        }

        for (var i = rng.Between(1, 4); i > 0; i--)
        {
            body.Add(ScenarioBuilder.Expand(rng.Pick(Vocabulary.Distractors), patient, string.Empty, rng));
        }

        rng.Shuffle(body);
        var requested = string.Join(", ", items.Select(i => i.Partial?.OriginalRequest ?? i.RequestedItem));
        var closing = review.Closing(requested, items[0].RequestedItem, rng);

        var builder = new StringBuilder(opening);
        foreach (var sentence in body.Distinct())
        {
            builder.Append(' ').Append(sentence);
        }

        return builder.Append(' ').Append(closing).Append(' ').Append(he).Append(" appealed the denial.").ToString();
    }

    private static string Rationale(Scenario scenario, string requested, Decision decision, Patient patient, Rng rng)
    {
        var builder = new StringBuilder(scenario.Intros.Count > 0 ? rng.Pick(scenario.Intros) : "The request was reviewed against the guidelines.");
        var supporting = scenario.Facts
            .Where(f => decision == Decision.Overturned ? f.Weight > 0 : f.Weight < 0)
            .Select(f => f.Reason)
            .Distinct()
            .Take(3)
            .ToList();
        var lead = rng.Pick(new[] { "In this case,", "Here,", "In this instance,", "Per the records reviewed," });
        if (supporting.Count > 0)
        {
            builder.Append(' ').Append(lead).Append(' ').Append(string.Join("; ", supporting)).Append('.');
        }
        else
        {
            builder.Append(' ').Append(lead).Append(' ').Append(decision == Decision.Overturned
                ? "the documentation submitted satisfies the criteria."
                : "the documentation does not establish that the criteria were met.");
        }

        var outcome = decision == Decision.Overturned ? "is medically necessary" : "is not medically necessary";
        builder.Append(' ').Append(rng.Chance(0.5)
            ? $"Therefore, the request for {requested} {outcome}."
            : $"As such, the request {outcome}.");
        return ScenarioBuilder.Expand(builder.ToString(), patient, string.Empty, rng);
    }

    private static string FormatDate(DateOnly date, Rng rng) => rng.Next(3) switch
    {
        0 => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        1 => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("M-d-yy", CultureInfo.InvariantCulture),
    };
}
