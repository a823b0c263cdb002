using ImrPredict.ML;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Data;
using ImrPredict.ML.Prediction;
using ImrPredict.ML.Training;
using Microsoft.ML;

namespace ImrPredict.Bench;

/// <summary>
/// <c>train [items=200000]</c>: wall time and peak memory of training (validation folds and the final fit) on
/// generated items. <c>predict [items=20000]</c>: single-item latency and batch throughput of a bundle.
/// </summary>
internal static class ModelBenchmark
{
    public static int Train(string[] args)
    {
        var items = BenchArgs.At(args, 0, 200_000);
        var folds = BenchArgs.At(args, 1, 3);
        var rows = GeneratedRows(items, seed: 5);
        var options = PipelineOptions.ForSmallCorpus(rows.Count);
        var ml = new MLContext(seed: 1);
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var peak = new PeakMemory();
        var trained = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, options, folds, includeLogistic: false,
            new Progress<string>(m => Console.WriteLine($"  [{stopwatch.Elapsed.TotalSeconds,6:N0} s] {m}"))).Value;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        peak.Stop();
        Console.WriteLine($"train benchmark: {rows.Count:N0} items, {folds} validation folds + final fit, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  wall {seconds:N0} s ({seconds / 60:N1} min; target <= 10 min), peak working set {peak.PeakBytes / 1073741824.0:N2} GB (target <= 8 GB)");
        Console.WriteLine($"  validation ROC-AUC {trained.ValidationMetrics.RocAuc:F3}");
        return 0;
    }

    public static int Predict(string[] args)
    {
        var items = BenchArgs.At(args, 0, 20_000);
        var rows = GeneratedRows(items, seed: 6);
        var ml = new MLContext(seed: 1);
        var trained = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, PipelineOptions.ForSmallCorpus(rows.Count), 2, includeLogistic: false).Value;
        var directory = Directory.CreateTempSubdirectory("imr-bench-predict-");
        try
        {
            var path = Path.Combine(directory.FullName, "bundle");
            var description = new BundleDescription("bench", "letters", PipelineOptions.ForSmallCorpus(rows.Count), [], ModelBundle.LetterInputColumns, []);
            var saved = BundleBuilder.Save(ml, path, trained, description, overwrite: false);
            var loaded = ModelBundle.Load(ml, saved.Success ? path : throw new InvalidOperationException(saved.Error.ToString()));
            var predictor = ItemPredictor.Create(ml, loaded.Success ? loaded.Value : throw new InvalidOperationException(loaded.Error.ToString())).Value;
            var test = GeneratedRows(5_000, seed: 7);

            foreach (var row in test.Take(200))
            {
                predictor!.Predict(row);
            }

            var latencies = new List<double>(test.Count);
            foreach (var row in test)
            {
                var start = Stopwatch.GetTimestamp();
                predictor!.Predict(row);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var explained = new List<double>(1000);
            foreach (var row in test.Take(1000))
            {
                var start = Stopwatch.GetTimestamp();
                predictor!.Predict(row, contributions: 5);
                explained.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            // What Predict serves per item, from the case's text: the criteria read from the summary (features and checklist),
            // the row built from them, and the probability.
            var detected = new List<double>(1000);
            foreach (var row in test.Take(1000))
            {
                var start = Stopwatch.GetTimestamp();
                var criteria = Core.Criteria.CriteriaDetector.Detect(row.ClinicalSummary, [row.RequestedItem]);
                var fresh = ItemRows.From(row.LetterId, 0, row.ClinicalSummary, row.RequestedItem, Core.Parsing.ItemAttributeExtractor.Extract(row.RequestedItem),
                    false, float.IsNaN(row.DaysFromInjuryToUrDenial) ? null : (int)row.DaysFromInjuryToUrDenial, 1, criteria[0]);
                predictor!.Predict(fresh);
                detected.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var batchSeconds = BenchSupport.MedianSeconds(5, () => predictor!.PredictBatch(test));
            var parallelSeconds = BenchSupport.MedianSeconds(3, () => Parallel.ForEach(test, row => predictor!.Predict(row)));
            Console.WriteLine($"predict benchmark: model trained on {rows.Count:N0} generated items; {test.Count:N0} held-out items");
            Console.WriteLine($"  one item in process: median {BenchSupport.Median(latencies):F3} ms, p99 {BenchSupport.Percentile(latencies, 0.99):F3} ms (target median <= 0.5 ms)");
            Console.WriteLine($"  one item with 5 contributions: median {BenchSupport.Median(explained):F3} ms, p99 {BenchSupport.Percentile(explained, 0.99):F3} ms");
            Console.WriteLine($"  one item from text (criteria detection, row, prediction): median {BenchSupport.Median(detected):F3} ms, p99 {BenchSupport.Percentile(detected, 0.99):F3} ms (target median <= 0.5 ms)");
            Console.WriteLine($"  batch (one Transform over {test.Count:N0}): {test.Count / batchSeconds:N0} items/s (target >= 5,000)");
            Console.WriteLine($"  pooled engines on {Environment.ProcessorCount} threads: {test.Count / parallelSeconds:N0} items/s");
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static List<ItemRow> GeneratedRows(int items, long seed)
    {
        var generator = new LetterGenerator(seed);
        var rows = new List<ItemRow>(items + 32);
        for (var i = 0; rows.Count < items; i++)
        {
            // A generated letter the parser refuses is left out (and counted by the parse benchmark, not here).
            if (LetterTextParser.Parse(LetterRenderer.Text(generator.Generate(i))) is { Success: true } parsed)
            {
                rows.AddRange(ItemRows.From(parsed.Value));
            }
        }

        return rows.Take(items).ToList();
    }

    private sealed class PeakMemory
    {
        private readonly Timer _timer;

        public PeakMemory() => _timer = new Timer(_ => Sample(), null, 0, 500);

        public long PeakBytes { get; private set; }

        public void Stop()
        {
            _timer.Dispose();
            Sample();
        }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            PeakBytes = Math.Max(PeakBytes, Math.Max(process.WorkingSet64, process.PeakWorkingSet64));
        }
    }
}
