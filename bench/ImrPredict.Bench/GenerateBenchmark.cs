namespace ImrPredict.Bench;

/// <summary>
/// Corpus generation rate per form and peak memory at two corpus sizes (memory should stay flat in N).
/// Usage: <c>generate [letters=100000] [pdfLetters=5000]</c>. Writes under a temporary folder and deletes it.
/// </summary>
internal static class GenerateBenchmark
{
    public static int Run(string[] args)
    {
        var letters = BenchArgs.At(args, 0, 100_000L);
        var pdfLetters = BenchArgs.At(args, 1, 5_000L);
        Console.WriteLine($"generate benchmark: {Environment.ProcessorCount} cores");
        foreach (var (format, count) in new[] { (GeneratedFormat.Text, letters / 10), (GeneratedFormat.Text, letters), (GeneratedFormat.Markdown, letters), (GeneratedFormat.Pdf, pdfLetters) })
        {
            var folder = Directory.CreateTempSubdirectory("imr-bench-generate-");
            try
            {
                GC.Collect();
                var before = Process.GetCurrentProcess().PrivateMemorySize64;
                var stopwatch = Stopwatch.StartNew();
                var peak = 0L;
                var summary = CorpusWriter.Write(folder.FullName, count, seed: 1, format, new InlineProgress(() =>
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                }));
                var seconds = stopwatch.Elapsed.TotalSeconds;
                Console.WriteLine(
                    $"  {format,-9} {count,9:N0} letters ({summary.Items:N0} items): {seconds,7:N1} s, {count / seconds,8:N0} letters/s, {summary.Items / seconds,8:N0} items/s, " +
                    $"peak managed heap {peak / 1048576.0:N0} MB, process private {Process.GetCurrentProcess().PrivateMemorySize64 / 1048576.0:N0} MB (start {before / 1048576.0:N0} MB)");
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        Console.WriteLine("  target: 100,000 text letters in <= 60 s on 2 cores, memory flat in N");
        return 0;
    }

    private sealed class InlineProgress(Action onReport) : IProgress<long>
    {
        public void Report(long value) => onReport();
    }
}
