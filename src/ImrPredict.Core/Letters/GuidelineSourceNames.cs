namespace ImrPredict.Core.Letters;

/// <summary>What a person reads for each <see cref="GuidelineSource"/>: its abbreviation ("MTUS") and full name; the API keeps the code ("Mtus").</summary>
public static class GuidelineSourceNames
{
    private static readonly Dictionary<GuidelineSource, (string Label, string FullName)> Names = new()
    {
        [GuidelineSource.Mtus] = ("MTUS", "California Medical Treatment Utilization Schedule"),
        [GuidelineSource.Acoem] = ("ACOEM", "ACOEM Practice Guidelines"),
        [GuidelineSource.Odg] = ("ODG", "Official Disability Guidelines"),
        [GuidelineSource.Other] = ("Other", "Another cited source"),
    };

    /// <summary>The abbreviation of <paramref name="source"/>, as letters write it.</summary>
    public static string Label(GuidelineSource source) => Names[source].Label;

    /// <summary>The full name of <paramref name="source"/>.</summary>
    public static string FullName(GuidelineSource source) => Names[source].FullName;

    /// <summary>Every source with its abbreviation and full name, in the enum's order.</summary>
    public static IReadOnlyList<(GuidelineSource Source, string Label, string FullName)> All { get; } =
        Enum.GetValues<GuidelineSource>().Select(s => (s, Label(s), FullName(s))).ToList();
}
