using System.Text.Json;

namespace ImrPredict.Training.Tests;

/// <summary>
/// <c>imr retrain</c> as a scheduler runs it: exit 0 promoted, 3 kept, 1 error; the gate refuses a worse challenger,
/// promotes a better one refitted on every item, keeps history, and a kill -9 at any point loses neither the serving
/// bundle nor the history.
/// </summary>
public sealed class RetrainTests(RetrainCorpusFixture corpus) : IClassFixture<RetrainCorpusFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_challenger_trained_on_shuffled_labels_is_refused_with_exit_3_and_nothing_changes()
    {
        var models = corpus.ModelsServing(corpus.GoodChampion);
        var before = RetrainCorpusFixture.Hashes(Path.Combine(models, "default"));

        var run = Imr.Invoke(corpus.Retrain(models, "--shuffle-labels"), Timeout);

        RetrainCorpusFixture.Expect(run, 3);
        // Refused either way: the champion is kept, or (when its calibration drifted on the held-out period) the gate would only
        // refit its calibrator; a negative control publishes nothing.
        Assert.True(run.Output.Contains("KEEP the champion", StringComparison.Ordinal) || run.Output.Contains("would RECALIBRATE the champion", StringComparison.Ordinal), run.Output);
        Assert.DoesNotContain("PROMOTE", run.Output, StringComparison.Ordinal);
        Assert.Contains("challenger (shuffled labels)", run.Output, StringComparison.Ordinal);
        // Letters ingested from files are not demo letters: the challenger reads the summaries' words as well.
        Assert.DoesNotContain("generated demo letters", run.All, StringComparison.Ordinal);
        Assert.Equal(before, RetrainCorpusFixture.Hashes(Path.Combine(models, "default")));
        Assert.False(Directory.Exists(Path.Combine(models, "history", "promotions.jsonl")));
        Assert.True(AucOf(run.Output, "challenger (shuffled labels)") < AucOf(run.Output, "champion") - 0.02, run.Output);
    }

    [Fact]
    public void A_better_challenger_is_promoted_refitted_on_every_item_kept_in_history_and_rolled_back_byte_for_byte()
    {
        var models = corpus.ModelsServing(corpus.WeakChampion);
        var weak = RetrainCorpusFixture.Hashes(Path.Combine(models, "default"));

        var run = Imr.Invoke(corpus.Retrain(models), Timeout);
        var served = Manifest(Path.Combine(models, "default"));
        var reportTravelled = File.Exists(Path.Combine(models, "default", "retrain", "report.md"));
        var listed = Imr.Invoke(["bundles", "--models", models, "--json"], Timeout);
        var again = Imr.Invoke(corpus.Retrain(models), Timeout);
        var rollback = Imr.Invoke(["rollback", "--models", models], Timeout);

        RetrainCorpusFixture.Expect(run, 0);
        Assert.Contains("PROMOTE the challenger", run.Output, StringComparison.Ordinal);
        Assert.True(AucOf(run.Output, "challenger") > AucOf(run.Output, "champion"), run.Output);
        Assert.Equal(corpus.Items, served.GetProperty("rows").GetInt32());
        Assert.Equal(corpus.LatestDecision.ToString("yyyy-MM-dd"), served.GetProperty("trainedThrough").GetString());
        Assert.NotEqual(JsonValueKind.Null, served.GetProperty("calibration").ValueKind);
        Assert.True(reportTravelled, "the comparison report did not travel with the bundle");
        var bundles = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, bundles.Count);
        Assert.Single(bundles, b => b.GetProperty("serving").GetBoolean() && b.GetProperty("version").GetString() == served.GetProperty("bundleVersion").GetString());

        // The promoted model saw every decision: nothing new to judge a challenger on, so the nightly run keeps it.
        RetrainCorpusFixture.Expect(again, 3);
        Assert.Contains("too few to judge", again.Output, StringComparison.Ordinal);

        RetrainCorpusFixture.Expect(rollback, 0);
        var restored = RetrainCorpusFixture.Hashes(Path.Combine(models, "default"));
        Assert.True(restored.Remove("promotion.json"), "a rollback records its promotion");
        Assert.Equal(weak, restored);
    }

    [Fact]
    public void Exit_codes_tell_a_scheduler_what_happened()
    {
        var empty = corpus.ModelsServing(null);
        var weak = corpus.ModelsServing(corpus.WeakChampion);
        var weakBefore = RetrainCorpusFixture.Hashes(Path.Combine(weak, "default"));

        var noData = Imr.Invoke(["retrain", "--data", Path.Combine(corpus.Root.FullName, "no-such-folder"), "--models", empty], Timeout);
        var badHoldout = Imr.Invoke(corpus.Retrain(empty, "--holdout", "0.9"), Timeout);
        var badStore = Imr.Invoke(["retrain", "--data-dir", Path.Combine(corpus.Root.FullName, "letters", "corpus.json"), "--models", empty], Timeout);
        var dryFirst = Imr.Invoke(corpus.Retrain(empty, "--dry-run"), Timeout);
        var dryWeak = Imr.Invoke(corpus.Retrain(weak, "--dry-run"), Timeout);

        RetrainCorpusFixture.Expect(noData, 1);
        Assert.Contains("no such data folder", noData.Error, StringComparison.Ordinal);
        RetrainCorpusFixture.Expect(badHoldout, 1);
        Assert.Contains("--holdout", badHoldout.Error, StringComparison.Ordinal);
        RetrainCorpusFixture.Expect(badStore, 1);
        RetrainCorpusFixture.Expect(dryFirst, 0);
        Assert.Contains("dry run, nothing published: would PROMOTE", dryFirst.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(empty, "default")), "a dry run published a bundle");
        RetrainCorpusFixture.Expect(dryWeak, 0);
        Assert.Equal(weakBefore, RetrainCorpusFixture.Hashes(Path.Combine(weak, "default")));
        Assert.False(Directory.Exists(Path.Combine(weak, "history")), "a dry run wrote history");
    }

    public static TheoryData<string, int> KillPoints => new()
    {
        // While the challenger trains, and at the end of the refit, just before the bundle is kept and published.
        { "training the challenger", 500 },
        { "refitting: final fit on all", 300 },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void A_kill_at_any_point_leaves_the_serving_bundle_and_the_history_whole(string killWhen, int afterMilliseconds)
    {
        var models = corpus.ModelsServing(corpus.WeakChampion);
        // A history with the weak champion promoted in it, as a nightly job finds it.
        RetrainCorpusFixture.Expect(Imr.Invoke(["promote", Path.Combine(models, "default"), "--models", models], Timeout));
        var serving = RetrainCorpusFixture.Hashes(Path.Combine(models, "default"));
        var history = RetrainCorpusFixture.Hashes(Path.Combine(models, "history"));

        var killed = Imr.InvokeAndKill(corpus.Retrain(models), Timeout, killWhen, TimeSpan.FromMilliseconds(afterMilliseconds));

        Assert.True(killed.ExitCode == -1, $"the run was not killed at '{killWhen}': {killed.All}");
        var servingAfter = RetrainCorpusFixture.Hashes(Path.Combine(models, "default"));
        Assert.Equal(serving, servingAfter);
        foreach (var kept in Directory.EnumerateDirectories(Path.Combine(models, "history")).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            AssertWhole(kept);
        }

        var historyAfter = RetrainCorpusFixture.Hashes(Path.Combine(models, "history"));
        Assert.All(history, entry => Assert.Equal(entry.Value, historyAfter.GetValueOrDefault(entry.Key)));

        // The next run cleans up after the killed one and publishes.
        var next = Imr.Invoke(corpus.Retrain(models), Timeout);
        RetrainCorpusFixture.Expect(next, 0);
        AssertWhole(Path.Combine(models, "default"));
        Assert.Empty(Directory.EnumerateDirectories(models, ".*"));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(models, "history"), ".*"));
    }

    private static void AssertWhole(string bundle)
    {
        var manifest = Manifest(bundle);
        var model = Path.Combine(bundle, "model.zip");
        Assert.True(File.Exists(model), $"{bundle} has no model.zip");
        Assert.Equal(manifest.GetProperty("modelSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model))));
    }

    private static JsonElement Manifest(string bundle) => JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json"))).RootElement;

    /// <summary>The ROC-AUC printed for <paramref name="name"/> in the run's comparison lines.</summary>
    private static double AucOf(string output, string name)
    {
        // The name, then only spaces before its figures: "champion" is not "champion recalibrated".
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(name + " ", StringComparison.Ordinal)
            && l.TrimStart()[name.Length..].TrimStart().StartsWith("ROC-AUC", StringComparison.Ordinal));
        var value = line[(line.IndexOf("ROC-AUC", StringComparison.Ordinal) + 8)..].Split(' ')[0];
        return double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
