using System.Diagnostics;
using System.Reflection;

namespace ImrPredict.TestSupport;

/// <summary>The built <c>imr</c> command, run as a user or a scheduler runs it: its own process, exit code and output.</summary>
public static class Imr
{
    /// <summary>What a run gave.</summary>
    public sealed record Run(int ExitCode, string Output, string Error, TimeSpan Elapsed)
    {
        public string All => Error + Output;
    }

    /// <summary>Runs <c>imr</c> with <paramref name="arguments"/> to the end (failing the test after <paramref name="timeout"/>).</summary>
    public static Run Invoke(IReadOnlyList<string> arguments, TimeSpan timeout) => InvokeAndKill(arguments, timeout, killWhen: null, killAfter: TimeSpan.Zero);

    /// <summary>
    /// Runs <c>imr</c> and, once a line containing <paramref name="killWhen"/> appears on its standard error, waits
    /// <paramref name="killAfter"/> and kills it as kill -9 would. Exit code -1 when it was killed.
    /// </summary>
    public static Run InvokeAndKill(IReadOnlyList<string> arguments, TimeSpan timeout, string? killWhen, TimeSpan killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        var killed = false;
        while (process.StandardError.ReadLine() is { } line)
        {
            error.AppendLine(line);
            if (killWhen is not null && line.Contains(killWhen, StringComparison.Ordinal))
            {
                Thread.Sleep(killAfter);
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }

            if (stopwatch.Elapsed > timeout)
            {
                break;
            }
        }

        if (!process.WaitForExit(timeout - stopwatch.Elapsed < TimeSpan.Zero ? TimeSpan.Zero : timeout - stopwatch.Elapsed))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"imr {string.Join(' ', arguments)} did not finish in {timeout}: {error}");
        }

        process.WaitForExit();
        return new Run(killed ? -1 : process.ExitCode, output.Result, error.ToString(), stopwatch.Elapsed);
    }

    private static string Tool => typeof(Imr).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ImrTool").Value!;
}
