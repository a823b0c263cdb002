using System.Collections.Concurrent;
using ImrPredict.TestSupport;

namespace ImrPredict.Search.Tests;

/// <summary>
/// The 134 real letters of <c>../shared</c>, parsed once per test run and read in place; a test that needs them is skipped,
/// saying why, when the folder is absent (a user's fresh clone).
/// </summary>
public static class SharedLetters
{
    private static readonly Lazy<IReadOnlyList<ImrLetter>?> Parsed = new(Parse);

    /// <summary>The parsed letters, in file order, or a skip.</summary>
    public static IReadOnlyList<ImrLetter> All()
    {
        var letters = Parsed.Value;
        if (letters is null)
        {
            Assert.Skip("../shared/data/letters/pdf is absent: this test reads the real letters in place and is skipped without them");
        }

        return letters;
    }

    private static IReadOnlyList<ImrLetter>? Parse()
    {
        var root = SharedDataLocation.Find();
        var folder = root is null ? null : Path.Combine(root, "data", "letters", "pdf");
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }

        var parsed = new ConcurrentDictionary<string, ImrLetter>();
        Parallel.ForEach(Directory.GetFiles(folder, "*.pdf"), file =>
        {
            if (LetterReader.ReadFile(file).TryGetValue(out var letter))
            {
                parsed[Path.GetFileName(file)] = letter;
            }
        });
        return parsed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
    }
}
