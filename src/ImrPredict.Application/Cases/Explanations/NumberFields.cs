using ImrPredict.Core.Letters;

namespace ImrPredict.Application.Cases.Explanations;

/// <summary>
/// Which item numbers mean something for which kind of request: sessions for therapy, quantity and strength for drugs. A
/// tree may use "no sessions stated" to tell an MRI from therapy, and the contribution stays in the explanation's
/// contributions; as a reason a reader sees, it says nothing about an MRI.
/// </summary>
public static class NumberFields
{
    private static readonly HashSet<ItemCategory> Drugs =
        [ItemCategory.Opioid, ItemCategory.MuscleRelaxant, ItemCategory.Nsaid, ItemCategory.TopicalCompound, ItemCategory.OtherDrug];

    /// <summary>Whether the number <paramref name="field"/> (an <c>ItemRow</c> field name) speaks of items of <paramref name="category"/>.</summary>
    public static bool Applies(string field, ItemCategory category) => field switch
    {
        "Sessions" => category == ItemCategory.PhysicalTherapy,
        "SessionsCompleted" => category == ItemCategory.PhysicalTherapy,
        "Quantity" or "Strength" => Drugs.Contains(category),
        "PainWithMedication" or "PainWithoutMedication" => Drugs.Contains(category),
        _ => true,
    };
}
