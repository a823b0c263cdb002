namespace ImrPredict.Core.Letters;

/// <summary>
/// What a person reads for each <see cref="ItemCategory"/> ("Muscle relaxant"); the API keeps the enum's name as the stable
/// code ("MuscleRelaxant") and gives the label beside it.
/// </summary>
public static class ItemCategoryNames
{
    private static readonly Dictionary<ItemCategory, string> Labels = new()
    {
        [ItemCategory.Opioid] = "Opioid",
        [ItemCategory.MuscleRelaxant] = "Muscle relaxant",
        [ItemCategory.Nsaid] = "NSAID",
        [ItemCategory.TopicalCompound] = "Topical compound",
        [ItemCategory.OtherDrug] = "Other drug",
        [ItemCategory.PhysicalTherapy] = "Physical therapy",
        [ItemCategory.Imaging] = "Imaging",
        [ItemCategory.Electrodiagnostics] = "Electrodiagnostics",
        [ItemCategory.Injection] = "Injection",
        [ItemCategory.Surgery] = "Surgery",
        [ItemCategory.Dme] = "Equipment (DME)",
        [ItemCategory.ConsultVisit] = "Consult or visit",
        [ItemCategory.Lab] = "Lab or test",
        [ItemCategory.Other] = "Other",
    };

    /// <summary>The label of <paramref name="category"/>.</summary>
    public static string Label(ItemCategory category) => Labels.TryGetValue(category, out var label) ? label : category.ToString();

    /// <summary>The label of a category code ("MuscleRelaxant", any case); the text itself when it is no code.</summary>
    public static string Label(string code) =>
        Enum.TryParse<ItemCategory>(code, ignoreCase: true, out var category) && !int.TryParse(code, out _) ? Label(category) : code;

    /// <summary>Every category with its label, in the enum's order.</summary>
    public static IReadOnlyList<(ItemCategory Category, string Label)> All { get; } = Enum.GetValues<ItemCategory>().Select(c => (c, Label(c))).ToList();
}
