using System.Globalization;
using System.Security.Cryptography;

namespace ImrPredict.Server.Tests;

/// <summary>
/// A fresh machine's models folder as an operator finds it after <c>imr bootstrap</c> (300 generated letters in the
/// store, the default bundle serving), and two candidate bundles trained on that store with <c>imr train</c>: the
/// starting point of every bundle replacement an operator may want to undo.
/// </summary>
public sealed class FreshBundlesFixture : IDisposable
{
    /// <summary>The collection of the tests that share one bootstrap.</summary>
    public const string Collection = "fresh bundles";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("imr-fresh-bundles-");

    public FreshBundlesFixture()
    {
        Models = Path.Combine(_root.FullName, "models");
        Data = Path.Combine(_root.FullName, "data");
        Expect(Imr.Invoke(["bootstrap", "--out", Path.Combine(Models, "default"), "--letters", "300", "--data-dir", Data], Timeout));
        CandidateA = Train("a", seed: 2, trees: 5);
        CandidateB = Train("b", seed: 3, trees: 3);
    }

    /// <summary>The bootstrapped models folder (copy it before changing it: <see cref="CopyOfModels"/>).</summary>
    public string Models { get; }

    /// <summary>The store's data folder.</summary>
    public string Data { get; }

    /// <summary>A bundle folder written by <c>imr train --out</c>.</summary>
    public string CandidateA { get; }

    /// <summary>Another one, of other trees.</summary>
    public string CandidateB { get; }

    /// <summary>The default bundle's files as bootstrap wrote them.</summary>
    public IReadOnlyDictionary<string, string> Bootstrapped => Hashes(Path.Combine(Models, "default"));

    /// <summary>A copy of the bootstrapped models folder, default bundle and history, for one test to change.</summary>
    public string CopyOfModels()
    {
        var copy = Path.Combine(_root.FullName, $"models-{Guid.NewGuid():N}");
        FolderCopy.Copy(Models, copy);
        return copy;
    }

    /// <summary>Each file's SHA-256 by its path relative to <paramref name="folder"/>.</summary>
    public static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>The bundle version a folder's manifest names.</summary>
    public static string VersionOf(string folder)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("bundleVersion").GetString()!;
    }

    public static Imr.Run Expect(Imr.Run run, int exitCode = 0)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode} (expected {exitCode}): {run.All}");
        return run;
    }

    private string Train(string name, int seed, int trees)
    {
        var output = Path.Combine(_root.FullName, name);
        Expect(Imr.Invoke(["train", "--store", "--data-dir", Data, "--out", output, "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--trees", trees.ToString(CultureInfo.InvariantCulture), "--quiet"], Timeout));
        return output;
    }

    public void Dispose() => _root.Delete(recursive: true);
}

/// <summary>The tests that start from one fresh bootstrap.</summary>
[CollectionDefinition(FreshBundlesFixture.Collection)]
public sealed class FreshBundlesCollection : ICollectionFixture<FreshBundlesFixture>;
