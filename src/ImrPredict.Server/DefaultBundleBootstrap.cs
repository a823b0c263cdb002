using System.Diagnostics;
using System.Reflection;
using ImrPredict.Application.Storage;
using ImrPredict.Store;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>
/// Builds the default bundle of a fresh clone by running <c>imr bootstrap</c> as a child process, its output forwarded
/// to the log: the server itself carries neither the trainer nor the letter generator. The same step puts the generated
/// letters into an empty store, so a fresh clone has precedents to search.
/// </summary>
public sealed partial class DefaultBundleBootstrap(IOptions<ImrPredictOptions> options, StorageOptions storage, LetterStoreHost stores,
    ILogger<DefaultBundleBootstrap> logger)
{
    /// <summary>The build-time location of <c>imr.dll</c>, written into this assembly by the project file.</summary>
    public static string? BuiltTool => Metadata("ImrBootstrapTool");

    /// <summary>Runs the bootstrap into <paramref name="bundleDirectory"/>; null on success, else why it failed.</summary>
    public async Task<string?> BuildAsync(string bundleDirectory, CancellationToken cancellationToken)
    {
        var configured = options.Value.BootstrapTool is { Length: > 0 };
        if ((configured ? options.Value.BootstrapTool : BuiltTool) is not { } tool)
        {
            return "where the imr tool that builds the default bundle is is not known: set ImrPredict:BootstrapTool";
        }

        if (!File.Exists(tool))
        {
            // In a source checkout the tool is built on first need, in the background: building it with the server would
            // delay a fresh clone's first answer by the trainer's and the generator's build.
            var notBuilt = configured ? "the configured path" : await BuildToolAsync(cancellationToken);
            if (notBuilt is not null)
            {
                return $"the imr tool that builds the default bundle is not at '{tool}' ({notBuilt}): build it (dotnet build training/ImrPredict.Training) or set ImrPredict:BootstrapTool";
            }
        }

        var letters = options.Value.DefaultCorpusLetters;
        if (!File.Exists(Path.Combine(bundleDirectory, ML.Bundles.ModelBundle.ManifestFile)))
        {
            LogBuilding(logger, bundleDirectory, letters);
        }

        var start = tool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(DotnetHost()) { ArgumentList = { tool } }
            : new ProcessStartInfo(tool);
        foreach (var argument in new[] { "bootstrap", "--out", bundleDirectory, "--letters", letters.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", stores.DataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        // The PostgreSQL store's connection string travels in the environment, not on a command line others can read.
        start.Environment[StoreLocation.ConnectionStringVariable] = storage.ConnectionString ?? string.Empty;
        var (exitCode, errors) = await RunAsync(start, forward: true, cancellationToken);
        return exitCode switch
        {
            0 => null,
            null => $"the imr tool '{tool}' could not be started: {errors}",
            _ => $"imr bootstrap exited with {exitCode}: {errors}",
        };
    }

    /// <summary>Builds the imr tool from the checkout this server was built in (same configuration); null when built, else why not.</summary>
    private async Task<string?> BuildToolAsync(CancellationToken cancellationToken)
    {
        if (Metadata("ImrProject") is not { } project || !File.Exists(project))
        {
            return "not a source checkout";
        }

        LogBuildingTool(logger, project);
        var start = new ProcessStartInfo(DotnetHost()) { ArgumentList = { "build", project, "-c", Metadata("ImrConfiguration") ?? "Debug", "--nologo", "-v", "q" } };
        var (exitCode, errors) = await RunAsync(start, forward: false, cancellationToken);
        return exitCode == 0 && BuiltTool is { } built && File.Exists(built) ? null : $"dotnet build {project} failed: {errors}";
    }

    /// <summary>Runs a child process to its end (killed if the host stops); its exit code (null when it did not start) and last error lines.</summary>
    private async Task<(int? ExitCode, string Errors)> RunAsync(ProcessStartInfo start, bool forward, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        var errors = new List<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (forward && line.Data is { Length: > 0 } text)
            {
                LogProgress(logger, text);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                lock (errors)
                {
                    errors.Add(text);
                }

                if (forward)
                {
                    LogProgress(logger, text);
                }
            }
        };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, e.Message);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the bundle is written to a temporary folder first, so killing leaves nothing half-made.
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (errors)
        {
            return (process.ExitCode, string.Join(" / ", errors.TakeLast(3)));
        }
    }

    private static string? Metadata(string key) =>
        typeof(DefaultBundleBootstrap).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>The dotnet host that runs this process (set by the SDK for dotnet run and test), else dotnet on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    [LoggerMessage(Level = LogLevel.Information, Message = "No bundle at {Directory}: building the default bundle from {Letters} generated letters (imr bootstrap)")]
    private static partial void LogBuilding(ILogger logger, string directory, int letters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the imr tool the demo letters are generated with ({Project}), once; the service answers meanwhile")]
    private static partial void LogBuildingTool(ILogger logger, string project);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default bundle: {Message}")]
    private static partial void LogProgress(ILogger logger, string message);
}
