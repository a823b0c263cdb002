using System.Diagnostics;

namespace ImrPredict.Core.Tests;

/// <summary>Runs the command-line extractors tests compare against; skips, saying how to install, when one is absent.</summary>
public static class ExternalTools
{
    /// <summary>The tool's path, or a skip naming its Debian package.</summary>
    public static string Require(string tool, string package)
    {
        var path = Core.Parsing.ExecutablePath.Find(tool);
        if (path is null)
        {
            Assert.Skip($"'{tool}' is not installed (Debian: apt-get install {package}; .ci/run installs it)");
        }

        return path;
    }

    /// <summary>Runs a tool to completion and fails the test if it does not succeed.</summary>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"{tool} did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
    }
}
