using System.Diagnostics;
using System.Reflection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The client examples of docs/examples, C# and Python, make the README's three calls against a real server process:
/// a prediction with its reasons, a search, and an add with the admin key whose letter the search then finds.
/// </summary>
public sealed class ClientExampleTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_csharp_client_predicts_searches_and_adds()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = Server();
        await server.StartAsync(token);
        var letter = LetterFile(seed: 4242);

        var run = Run("dotnet", [Metadata("ClientExample"), $"http://127.0.0.1:{server.Port}", letter.Path]);

        AssertThreeCalls(run, letter.Id);
    }

    [Fact]
    public async Task The_python_client_predicts_searches_and_adds()
    {
        var token = TestContext.Current.CancellationToken;
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || Run(python, ["-c", "import grpc, google.protobuf"]).ExitCode != 0 || !OnPath("protoc"))
        {
            Assert.Skip("Debian's python3-grpcio, python3-protobuf and protobuf-compiler are not installed (.ci/run installs them): the Python client cannot run");
        }

        var generated = Folder("python-messages");
        var protos = Path.Combine(SharedDataLocation.RepositoryRoot(), "protos");
        var google = Metadata("GoogleApiProtos");
        var protoc = Run("protoc", ["-I", protos, "-I", google, $"--python_out={generated}", Path.Combine(protos, "imrpredict", "v1", "imrpredict.proto"),
            .. new[] { "annotations", "http", "httpbody" }.Select(name => Path.Combine(google, "google", "api", $"{name}.proto"))]);
        Assert.True(protoc.ExitCode == 0, protoc.Output);
        await using var server = Server();
        await server.StartAsync(token);
        var letter = LetterFile(seed: 4343);

        var client = Path.Combine(SharedDataLocation.RepositoryRoot(), "docs", "examples", "python", "client.py");
        var run = Run(python, [client, $"127.0.0.1:{server.Port}", letter.Path], ("PYTHONPATH", generated));

        AssertThreeCalls(run, letter.Id);
    }

    private static void AssertThreeCalls((int ExitCode, string Output) run, string letterId)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"predict: MRI of the lumbar spine: p\(overturned\) 0\.\d{3}, (Upheld|Overturned) \(model letters-", run.Output);
        Assert.Contains("  reason: ", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"search: \d+ matches \(lexical\)", run.Output);
        Assert.Matches($@"add: 1 letter\(s\), \d+ item\(s\), searchable (True|true|False|false): {letterId}", run.Output);
    }

    private (string Path, string Id) LetterFile(int seed)
    {
        var letter = StoreLetters.Letter(seed, index: 1);
        var path = Path.Combine(Folder("letters"), letter.Content.Source);
        File.WriteAllText(path, letter.Content.Text);
        return (path, letter.LetterId);
    }

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["IMRPREDICT_ADMIN_KEY"] = ServerProcess.ApiKey;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private static string Metadata(string key) =>
        typeof(ClientExampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
