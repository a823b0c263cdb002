using ImrPredict.ML.Training.Retraining;

namespace ImrPredict.ML.Tests;

/// <summary>The time split and the champion/challenger comparison behind <c>imr retrain</c>, on generated letters.</summary>
public sealed class RetrainJobTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("imr-champion-");

    public void Dispose() => _folder.Delete(recursive: true);

    public static TheoryData<double, int> Splits => new()
    {
        { 0.2, 10 },
        { 0.1, 10 },
        { 0.2, 150 },
        { 0.4, 1 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void The_latest_decisions_are_held_out_whole_days_at_a_time(double share, int minimumOverturned)
    {
        var letters = TestCorpus.Shared;
        var split = TimeSplit.Latest(letters, share, minimumOverturned);

        Assert.NotNull(split);
        var total = letters.Sum(l => l.Items.Count);
        Assert.Equal(letters.Count, split.Training.Count + split.Holdout.Count);
        Assert.True(split.HoldoutItems >= share * total || split.HoldoutItems + split.Training.Max(l => l.Items.Count) > total / 2, "held out too little");
        Assert.True(split.HoldoutOverturned >= minimumOverturned || split.HoldoutItems + split.Training.Max(l => l.Items.Count) > total / 2, "held out too few overturned");
        Assert.True(split.HoldoutItems <= total / 2, "held out more than half the items");
        // Every held-out letter is decided after every training letter, except on the boundary day, which is not split.
        Assert.All(split.Training.Where(l => l.Header.DecisionDate is not null), l => Assert.True(l.Header.DecisionDate < split.HoldoutFrom));
        Assert.All(split.Holdout, l => Assert.InRange(l.Header.DecisionDate!.Value, split.HoldoutFrom, split.HoldoutThrough));
    }

    [Fact]
    public void Letters_without_dates_cannot_be_split()
    {
        var undated = TestCorpus.Shared.Take(50).Select(l => l with { Header = l.Header with { DecisionDate = null } }).ToList();
        Assert.Null(TimeSplit.Latest(undated, 0.2, 10));
    }

    [Fact]
    public void A_champion_whose_calibration_drifted_is_recalibrated_or_replaced_never_kept()
    {
        var letters = TestCorpus.Letters(seed: 77, count: 1_400);
        var dates = letters.Select(l => l.Header.DecisionDate!.Value).Order().ToList();
        var championThrough = dates[(int)(dates.Count * 0.6)];
        var ml = new MLContext(seed: 3);
        var champion = ChampionTrainedThrough(ml, letters.Where(l => l.Header.DecisionDate <= championThrough).ToList(), championThrough);

        // After the champion's data, a third of the upheld items are overturned: the overturn rate rises as DMHC's did.
        var random = new Random(5);
        var drifted = letters.Select(l => l.Header.DecisionDate <= championThrough ? l : l with
        {
            Items = l.Items.Select(i => i.Decision == Decision.Upheld && random.NextDouble() < 0.33 ? i with { Decision = Decision.Overturned } : i).ToList(),
        }).ToList();

        var comparison = RetrainJob.Compare(ml, drifted, champion, new RetrainSettings { Folds = 2, Resamples = 200 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(comparison.Success, comparison.Error?.Message);
        var c = comparison.Value;
        Assert.True(c.Compared.All(l => l.Header.DecisionDate > championThrough), "the champion was scored on letters it trained on");
        Assert.True(c.Drifted, $"no drift found: champion ECE {c.Champion!.Metrics.Ece:F3}");
        Assert.NotNull(c.Recalibrated);
        Assert.True(c.Recalibrated.Metrics.Ece < c.Champion!.Metrics.Ece / 2, $"recalibration left ECE at {c.Recalibrated.Metrics.Ece:F3} from {c.Champion.Metrics.Ece:F3}");
        Assert.NotEqual(RetrainDecision.Keep, c.Decision);
        Assert.NotNull(c.Champion.Intervals);
        Assert.NotNull(c.Difference);
    }

    private LoadedBundle ChampionTrainedThrough(MLContext ml, IReadOnlyList<ImrLetter> letters, DateOnly through)
    {
        var rows = TimeSplit.RowsOf(letters);
        var options = PipelineOptions.ForSmallCorpus(rows.Count);
        var trained = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, options, 2, includeLogistic: false).Value;
        var folder = Path.Combine(_folder.FullName, "bundle");
        var description = new BundleDescription("letters", "letters", options, LetterCorpus.Instance.Features, ModelBundle.LetterInputColumns, ["test"], null, through);
        Assert.True(BundleBuilder.Save(ml, folder, trained, description, overwrite: false).Success);
        var loaded = ModelBundle.Load(ml, folder);
        Assert.True(loaded.Success, loaded.Error?.Message);
        return loaded.Value;
    }
}
