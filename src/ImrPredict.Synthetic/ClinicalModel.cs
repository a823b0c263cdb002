using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>
/// The explicit probabilistic model behind generated labels. Each item draws clinical facts the way
/// reviewers weigh them (opioids continue with documented pain relief, function, drug screens and
/// work; imaging needs red flags or neurological deficits; therapy within guideline counts; ...).
/// Every fact shifts the item's log-odds of Overturned by a stated weight; distractor facts shift
/// nothing. The probability is <c>Floor + (1 - 2 Floor) * sigmoid(Intercept + category base + SignalScale * (work + sum of fact weights))</c>,
/// and the label is drawn from it, so the corpus carries both signal and irreducible noise.
/// </summary>
internal static partial class ClinicalModel
{
    /// <summary>Probability kept away from 0 and 1: reviewers are never certain.</summary>
    public const double Floor = 0.02;

    /// <summary>How strongly the stated facts decide an item, against the base rate and the label draw.</summary>
    public const double SignalScale = 1.5;

    /// <summary>Overall intercept, set so that about 11% of items are overturned, as in real letters.</summary>
    public const double Intercept = -3.8;

    public static double Probability(double logit) => Floor + (1 - 2 * Floor) / (1 + Math.Exp(-logit));

    private static readonly (ItemCategory Category, double Weight)[] CategoryMix =
    [
        (ItemCategory.Imaging, 0.20), (ItemCategory.PhysicalTherapy, 0.19), (ItemCategory.Opioid, 0.10),
        (ItemCategory.MuscleRelaxant, 0.07), (ItemCategory.Nsaid, 0.05), (ItemCategory.TopicalCompound, 0.06),
        (ItemCategory.OtherDrug, 0.07), (ItemCategory.Electrodiagnostics, 0.06), (ItemCategory.Injection, 0.05),
        (ItemCategory.Surgery, 0.05), (ItemCategory.Dme, 0.05), (ItemCategory.ConsultVisit, 0.03), (ItemCategory.Other, 0.02),
    ];

    public static ItemCategory DrawCategory(Rng rng)
    {
        var u = rng.NextDouble();
        foreach (var (category, weight) in CategoryMix)
        {
            u -= weight;
            if (u < 0)
            {
                return category;
            }
        }

        return ItemCategory.Other;
    }

    /// <summary>Builds one item's scenario: the request as written and the facts that decide it.</summary>
    public static Scenario Build(ItemCategory category, Patient patient, Rng rng)
    {
        var s = new ScenarioBuilder(category, patient, rng);
        switch (category)
        {
            case ItemCategory.Opioid: Opioid(s); break;
            case ItemCategory.MuscleRelaxant: MuscleRelaxant(s); break;
            case ItemCategory.Nsaid: Nsaid(s); break;
            case ItemCategory.TopicalCompound: Topical(s); break;
            case ItemCategory.OtherDrug: OtherDrug(s); break;
            case ItemCategory.PhysicalTherapy: Therapy(s); break;
            case ItemCategory.Imaging: Imaging(s); break;
            case ItemCategory.Electrodiagnostics: Electrodiagnostics(s); break;
            case ItemCategory.Injection: Injection(s); break;
            case ItemCategory.Surgery: Surgery(s); break;
            case ItemCategory.Dme: Dme(s); break;
            case ItemCategory.ConsultVisit: Consult(s); break;
            default: OtherItem(s); break;
        }

        return s.Build();
    }
}
