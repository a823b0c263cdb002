using System.Globalization;
using ImrPredict.Synthetic;

namespace ImrPredict.Training.Tests;

/// <summary>
/// One generated corpus in a store, and two champions trained on its earlier decisions only (so the held-out period is
/// new to them, as it is for a bundle trained last month): a good one and a weak one (a single tree).
/// </summary>
public sealed class RetrainCorpusFixture : IDisposable
{
    public const int Letters = 800;
    private const int Seed = 31;

    public RetrainCorpusFixture()
    {
        Root = Directory.CreateTempSubdirectory("imr-retrain-");
        var letters = Path.Combine(Root.FullName, "letters");
        DataDirectory = Path.Combine(Root.FullName, "data");
        Expect(Imr.Invoke(["generate", "-n", Letters.ToString(CultureInfo.InvariantCulture), "-s", Seed.ToString(CultureInfo.InvariantCulture), "-o", letters, "-f", "markdown", "-q"], TimeSpan.FromMinutes(2)));
        Expect(Imr.Invoke(["ingest", letters, "--data-dir", DataDirectory, "-q"], TimeSpan.FromMinutes(2)));

        var generator = new LetterGenerator(Seed);
        var dates = Enumerable.Range(0, Letters).Select(i => generator.Generate(i)).Select(l => (l.Header.DecisionDate!.Value, l.Items.Count)).OrderBy(d => d.Value).ToList();
        Items = dates.Sum(d => d.Count);
        LatestDecision = dates[^1].Value;
        // Champions know the first 60% of decisions; the retrain holds out about the latest 20%.
        ChampionsDecidedBefore = dates[(int)(Letters * 0.6)].Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        GoodChampion = Train("good", []);
        WeakChampion = Train("weak", ["--trees", "1"]);
    }

    public DirectoryInfo Root { get; }

    /// <summary>The store's data folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Items in the store.</summary>
    public int Items { get; }

    /// <summary>The latest decision date in the store.</summary>
    public DateOnly LatestDecision { get; }

    /// <summary>The champions are trained on letters decided before this date.</summary>
    public string ChampionsDecidedBefore { get; }

    /// <summary>A champion with the default trainer settings.</summary>
    public string GoodChampion { get; }

    /// <summary>A champion of one tree.</summary>
    public string WeakChampion { get; }

    /// <summary>A new models folder serving a copy of <paramref name="champion"/> (none: an empty folder).</summary>
    public string ModelsServing(string? champion)
    {
        var models = Path.Combine(Root.FullName, $"models-{Guid.NewGuid():N}");
        Directory.CreateDirectory(models);
        if (champion is not null)
        {
            FolderCopy.Copy(champion, Path.Combine(models, "default"));
        }

        return models;
    }

    /// <summary>The retrain arguments every test shares (small folds for speed), for a models folder.</summary>
    /// <summary>
    /// <c>imr retrain</c> over this store. The held-out period of 800 letters is about 360 items (40 overturned), where a
    /// challenger's ECE has a 95% interval some 0.06 wide, so the ECE margin is 0.1 here: these tests are about the flow
    /// (exit codes, history, kills); the gate's margins are the ROC-AUC drop the shuffled-label control trips.
    /// </summary>
    public List<string> Retrain(string models, params string[] more) =>
        ["retrain", "--data-dir", DataDirectory, "--models", models, "--folds", "2", "--max-ece-rise", "0.1", "--report", Path.Combine(models, "..", $"report-{Guid.NewGuid():N}"), .. more];

    public static void Expect(Imr.Run run, int exitCode = 0) =>
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}, expected {exitCode}: {run.All}");

    /// <summary>SHA-256 of every file under a folder, by relative path.</summary>
    public static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private string Train(string name, string[] more)
    {
        var output = Path.Combine(Root.FullName, "champions", name);
        Expect(Imr.Invoke(["train", "--store", "--data-dir", DataDirectory, "--decided-before", ChampionsDecidedBefore, "-o", output, "--folds", "2", "--no-baseline", "-q", .. more],
            TimeSpan.FromMinutes(5)));
        return output;
    }

    public void Dispose() => Root.Delete(recursive: true);
}
