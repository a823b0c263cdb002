namespace ImrPredict.Training.Tests;

/// <summary>
/// A fresh clone's store holds generated demo letters: a retrain over it learns what transfers to real letters (criteria,
/// item and numbers) as the default bundle does, not the generator's wording; a store of other letters is trained as before.
/// </summary>
public sealed class DemoStoreRetrainTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("imr-demo-retrain-");

    [Fact]
    public void A_store_of_demo_letters_retrains_on_criteria_item_and_numbers()
    {
        var models = Path.Combine(_root.FullName, "models");
        var data = Path.Combine(_root.FullName, "data");
        RetrainCorpusFixture.Expect(Imr.Invoke(["bootstrap", "--out", Path.Combine(models, "default"), "--letters", "600", "--data-dir", data], Timeout));

        var run = Imr.Invoke(["retrain", "--data-dir", data, "--models", models, "--folds", "2", "--max-ece-rise", "0.1", "--dry-run"], Timeout);

        Assert.True(run.ExitCode is 0 or 3, run.All);
        Assert.Contains("600 of 600 letters are generated demo letters: the challenger reads criteria, item and numbers, not the summaries' words", run.All, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
