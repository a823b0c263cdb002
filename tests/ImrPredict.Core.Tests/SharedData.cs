using ImrPredict.TestSupport;

namespace ImrPredict.Core.Tests;

/// <summary>
/// Locates <c>../shared</c> beside the repository (or <c>IMR_SHARED_DIR</c>). Tests that need it call
/// <see cref="RequireDirectory"/>, which skips with a reason when it is absent, as on a user's fresh clone.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(SharedDataLocation.Find);

    public static string? RootDirectory => Root.Value;

    public static string LettersPdf => Path.Combine(RequireRoot(), "data", "letters", "pdf");

    public static string Seeds => Path.Combine(RequireRoot(), "data", "letters", "seeds");

    /// <summary>The path under shared/, or a skip with the reason when shared/ or that path is absent.</summary>
    public static string RequireDirectory(params string[] parts)
    {
        var path = Path.Combine([RequireRoot(), .. parts]);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"shared data '{path}' is absent; this test reads the real letters in place and is skipped without them");
        }

        return path;
    }

    private static string RequireRoot()
    {
        var root = Root.Value;
        if (root is null)
        {
            Assert.Skip("../shared is absent (set IMR_SHARED_DIR to point elsewhere); this test reads the real letters in place and is skipped without them");
        }

        return root;
    }
}
