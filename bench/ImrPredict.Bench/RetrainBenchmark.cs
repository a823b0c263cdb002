using System.Text;
using ImrPredict.Store;

namespace ImrPredict.Bench;

/// <summary>
/// <c>retrain [letters]</c>: <c>imr retrain</c> on a store of generated letters (88,000 letters, about 200,000 items, by
/// default), against a champion trained on the earlier 60% of decisions; wall time and peak memory of the process
/// (targets 15 min and 8 GB), and the comparison it printed.
/// </summary>
internal static class RetrainBenchmark
{
    public static int Run(string[] args)
    {
        var count = BenchArgs.At(args, 0, 88_000);
        var tool = Path.Combine(SharedDataLocation.RepositoryRoot(), "training", "ImrPredict.Training", "bin", "Release", "net10.0", "imr.dll");
        if (!File.Exists(tool))
        {
            Console.Error.WriteLine($"retrain benchmark: build imr first (dotnet build -c Release): '{tool}' is missing");
            return 1;
        }

        Console.WriteLine($"retrain benchmark: {count:N0} generated letters in a SQLite store, {Environment.ProcessorCount} cores");
        var folder = Directory.CreateTempSubdirectory("imr-bench-retrain-");
        try
        {
            var generator = new LetterGenerator(seed: 4242);
            var dates = new DateOnly[count];
            var items = 0;
            var stopwatch = Stopwatch.StartNew();
            var data = Path.Combine(folder.FullName, "data");
            Directory.CreateDirectory(data);
            using (var store = SqlLetterStore.OpenSqlite(Path.Combine(data, StoreLocation.SqliteFile)).Value)
            {
                foreach (var chunk in Enumerable.Range(0, count).Chunk(2_000))
                {
                    var letters = new LetterSubmission[chunk.Length];
                    Parallel.For(0, chunk.Length, k =>
                    {
                        var letter = generator.Generate(chunk[k]);
                        dates[chunk[k]] = letter.Header.DecisionDate!.Value;
                        Interlocked.Add(ref items, letter.Items.Count);
                        letters[k] = new LetterSubmission(Encoding.UTF8.GetBytes(LetterRenderer.Markdown(letter)), $"bench-{chunk[k]}.md");
                    });
                    var added = store.Add(letters);
                    if (!added.Success)
                    {
                        throw new InvalidOperationException(added.Error.ToString());
                    }
                }
            }

            Console.WriteLine($"  store of {count:N0} letters, {items:N0} items, made in {stopwatch.Elapsed.TotalSeconds:N0} s");
            var before = dates.Order().ElementAt((int)(count * 0.6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var models = Path.Combine(folder.FullName, "models");
            var champion = Measure(tool, ["train", "--store", "--data-dir", data, "--decided-before", before, "-o", Path.Combine(models, "default"), "--no-baseline", "-q"]);
            Console.WriteLine($"  champion: imr train on decisions before {before}: exit {champion.ExitCode}, {champion.Seconds / 60:N1} min, peak {champion.PeakBytes / 1e9:N2} GB");
            if (champion.ExitCode != 0)
            {
                Console.WriteLine(string.Join(Environment.NewLine, champion.Steps.Select(s => s.Line)));
            }
            // Not quiet: its progress lines, timed as they arrive, say where the time goes.
            var retrain = Measure(tool, ["retrain", "--data-dir", data, "--models", models]);
            Console.WriteLine($"  imr retrain: exit {retrain.ExitCode}, {retrain.Seconds / 60:N1} min (target <= 15), peak {retrain.PeakBytes / 1e9:N2} GB (target <= 8)");
            Console.WriteLine("  where the time went (each step from its progress line to the next):");
            for (var i = 0; i < retrain.Steps.Count; i++)
            {
                var end = i + 1 < retrain.Steps.Count ? retrain.Steps[i + 1].At : retrain.Seconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {end - retrain.Steps[i].At,7:F1} s  {retrain.Steps[i].Line}"));
            }

            Console.WriteLine(retrain.Output);
            return champion.ExitCode == 0 && retrain.ExitCode is 0 or 3 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Runs <c>imr</c> and samples its peak resident memory (VmHWM) until it exits; each line it writes on standard error
    /// (its progress) with the second it arrived.
    /// </summary>
    private static (int ExitCode, double Seconds, long PeakBytes, string Output, List<(double At, string Line)> Steps) Measure(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var steps = new List<(double At, string Line)> { (0, "start: the runtime, reading the store") };
        var error = Task.Run(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (steps)
                {
                    steps.Add((stopwatch.Elapsed.TotalSeconds, line));
                }
            }
        });
        long peak = 0;
        while (!process.WaitForExit(250))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
        }

        error.Wait();
        return (process.ExitCode, stopwatch.Elapsed.TotalSeconds, peak, output.Result, steps);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
