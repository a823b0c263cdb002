namespace ImrPredict.Store;

/// <summary>
/// How the store marks a generated (demo) letter: it is kept under a source name starting with <see cref="SourcePrefix"/>,
/// which only the demo bootstrap writes, so every view derived from the store (precedent hits, the web app) can say so.
/// </summary>
public static class GeneratedLetters
{
    /// <summary>The source-name prefix of generated letters ("generated-000042.md").</summary>
    public const string SourcePrefix = "generated-";

    /// <summary>Whether a letter kept under <paramref name="source"/> is generated.</summary>
    public static bool IsGenerated(string source) => source.StartsWith(SourcePrefix, StringComparison.Ordinal);
}
