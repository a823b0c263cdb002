using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ImrPredict.Core.Letters;
using ImrPredict.Synthetic;

namespace ImrPredict.Training.Tests;

/// <summary>
/// 2,000 mutated letters (truncations, dropped and duplicated lines, control bytes, 300,000-character lines,
/// swapped section names, furniture) in one <c>imr parse</c> run: one JSON line per file, no crash, no hang.
/// </summary>
public sealed class ParseFuzzTests : IDisposable
{
    private const int Letters = 2000;
    private static readonly string[] Sections =
    [
        "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES",
        "Decision rationale:", "Claims Administrator guideline:", "MAXIMUS guideline:", "ISSUE AT DISPUTE:", "Case Summary:",
    ];

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("imr-fuzz-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Imr_parse_answers_every_mutated_letter_with_one_json_line()
    {
        var generator = new LetterGenerator(seed: 97);
        var random = new Random(97);
        var layouts = Enum.GetValues<LetterLayout>();
        for (var i = 0; i < Letters; i++)
        {
            var layout = layouts[i % layouts.Length];
            var text = LetterRenderer.Text(generator.Generate(i), layout);
            File.WriteAllText(Path.Combine(_directory.FullName, $"letter-{i:D4}.txt"), Mutate(text, random, i), new UTF8Encoding(false));
        }

        var output = Path.Combine(_directory.FullName, "parsed.jsonl");
        var run = Imr.Invoke(["parse", _directory.FullName, "--out", output], TimeSpan.FromMinutes(5));
        var (exitCode, error, elapsed) = (run.ExitCode, run.All, run.Elapsed);

        var lines = File.ReadAllLines(output);
        Assert.True(exitCode is 0 or 1, $"imr parse crashed with exit code {exitCode}: {error}");
        Assert.Equal(Letters, lines.Length);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        int parsed = 0, refused = 0;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.True(sources.Add(root.GetProperty("source").GetString()!), "each file has one line");
            if (root.TryGetProperty("error", out var failure))
            {
                refused++;
                Assert.True(Enum.TryParse<ParseErrorCode>(failure.GetProperty("code").GetString(), out _), line[..Math.Min(300, line.Length)]);
                Assert.False(string.IsNullOrWhiteSpace(failure.GetProperty("message").GetString()));
            }
            else
            {
                parsed++;
                Assert.True(root.GetProperty("items").GetArrayLength() > 0);
            }
        }

        // Most mutations leave a readable letter: the parser must neither refuse everything nor accept everything.
        Assert.InRange(parsed, Letters / 4, Letters - 1);
        Assert.InRange(refused, 1, Letters * 3 / 4);
        Assert.True(elapsed < TimeSpan.FromMinutes(5), $"the run took {elapsed}");
    }

    private static string Mutate(string text, Random random, int index)
    {
        var lines = text.Split('\n').ToList();
        switch (index % 8)
        {
            case 0:
                return text[..random.Next(text.Length)];
            case 1:
                for (var k = 0; k < 1 + random.Next(5); k++)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                break;
            case 2:
                for (var k = 0; k < 1 + random.Next(5); k++)
                {
                    var at = random.Next(lines.Count);
                    lines.Insert(at, lines[at]);
                }

                break;
            case 3:
                var bytes = text.ToCharArray();
                for (var k = 0; k < 20; k++)
                {
                    bytes[random.Next(bytes.Length)] = (char)random.Next(1, 32);
                }

                return new string(bytes);
            case 4:
                lines.Insert(random.Next(lines.Count), new string('x', 150_000) + " Upheld " + string.Concat(Enumerable.Repeat("Decision rationale: is ", 6_000)));
                break;
            case 5:
                var from = lines.FindIndex(l => Sections.Any(s => l.StartsWith(s, StringComparison.Ordinal)));
                if (from >= 0)
                {
                    lines[from] = Sections[random.Next(Sections.Length)] + lines[from][Math.Min(lines[from].Length, lines[from].IndexOf(':', StringComparison.Ordinal) + 1)..];
                }

                lines.Insert(random.Next(lines.Count), Sections[random.Next(Sections.Length)]);
                break;
            case 6:
                lines.Insert(random.Next(lines.Count), $"CM16-0{index:D6}    Page {random.Next(1, 5)} of 4");
                lines.Insert(random.Next(lines.Count), "\f");
                break;
            default:
                lines.Reverse(random.Next(lines.Count / 2), Math.Min(10, lines.Count / 2));
                break;
        }

        return string.Join('\n', lines);
    }
}
