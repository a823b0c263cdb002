using ImrPredict.Synthetic;

namespace ImrPredict.Web.Tests;

/// <summary>Generated letters written to files a test drops into a page (a seed of their own: not the store's letters).</summary>
public static class Letters
{
    private static readonly LetterGenerator Generator = new(seed: 77);

    public static SyntheticLetter Letter(int index) => Generator.Generate(index);

    /// <summary>Writes <paramref name="count"/> letters, every <paramref name="pdfEvery"/>th as a PDF, the rest as text; returns their paths.</summary>
    public static IReadOnlyList<string> Write(DirectoryInfo folder, int first, int count, int pdfEvery = 4)
    {
        var paths = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var letter = Letter(i);
            var path = Path.Combine(folder.FullName, $"letter-{i:D3}" + ((i - first) % pdfEvery == pdfEvery - 1 ? ".pdf" : ".txt"));
            if (path.EndsWith(".pdf", StringComparison.Ordinal))
            {
                File.WriteAllBytes(path, LetterRenderer.Pdf(letter));
            }
            else
            {
                File.WriteAllText(path, LetterRenderer.Text(letter));
            }

            paths.Add(path);
        }

        return paths;
    }
}
