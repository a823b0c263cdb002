using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using ImrPredict.Server.V1;

namespace ImrPredict.TestSupport;

/// <summary>
/// The service as operators run it: its own process (<c>dotnet ImrPredict.Server.dll</c>) on loopback ports, configured by
/// command-line settings, that a test or a benchmark can restart, stop with SIGTERM or kill -9. Failures are exceptions
/// (no test framework here: the benchmarks use it too).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly Dictionary<string, string> _environment;
    private Process? _process;
    private GrpcChannel? _channel;

    /// <summary>The admin key these processes are started with.</summary>
    public const string ApiKey = "test-key-123";

    public ServerProcess(string modelsDirectory, string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        Port = FreePort();
        JsonPort = FreePort();
        _settings = new Dictionary<string, string>
        {
            ["ImrPredict:ModelsDirectory"] = modelsDirectory,
            ["ImrPredict:DataDirectory"] = dataDirectory,
            ["ImrPredict:BuildDefaultBundle"] = "false",
            // A test that builds the default bundle builds it (on its own corpus size); only the seed tests copy the ready-made one.
            ["ImrPredict:SeedBundleDirectory"] = string.Empty,
            ["ImrPredict:ApiKey"] = ApiKey,
            ["ImrPredict:ReloadPollSeconds"] = "0.5",
            ["ImrPredict:IndexPollSeconds"] = "0.5",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{Port}",
            ["Kestrel:Endpoints:Json:Url"] = $"http://127.0.0.1:{JsonPort}",
            ["Logging:LogLevel:Default"] = "Warning",
            // Embedding every precedent takes a core for a while: only the tests of search by meaning turn it on.
            ["ImrPredict:Semantic:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        _environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
    }

    /// <summary>The gRPC port.</summary>
    public int Port { get; }

    /// <summary>The JSON (HTTP/1.1) port, where the web app is.</summary>
    public int JsonPort { get; }

    /// <summary>The web app's and JSON API's address.</summary>
    public Uri JsonAddress => new($"http://127.0.0.1:{JsonPort}/");

    /// <summary>How long <see cref="StartAsync"/> waits for a model (a first start that builds the default bundle takes minutes).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The credential <see cref="StartAsync"/> asks with whether a model is served (none: a loopback service answers anonymous reads).</summary>
    public Metadata? StartCredentials { get; init; }

    /// <summary>What the process wrote, for failure messages.</summary>
    public List<string> Output { get; } = [];

    /// <summary>The client of the running process.</summary>
    public ImrPredictService.ImrPredictServiceClient Client { get; private set; } = null!;

    /// <summary>The admin key header.</summary>
    public static Metadata Key { get; } = new() { { "x-api-key", ApiKey } };

    /// <summary>Starts the process and waits until it serves a model.</summary>
    public async Task StartAsync(CancellationToken token)
    {
        var server = ServerAssembly();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(server)! };
        start.ArgumentList.Add(server);
        foreach (var (key, value) in _settings)
        {
            // {port} and {json-port} stand for this process's ports (to listen on another interface with them, say).
            var set = value.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{json-port}", JsonPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            start.ArgumentList.Add($"--{key}={set}");
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}");
        Client = new ImrPredictService.ImrPredictServiceClient(_channel);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}: {string.Join(Environment.NewLine, Output)}");
            }

            try
            {
                await Client.GetModelInfoAsync(new GetModelInfoRequest(), StartCredentials, deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: token);
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.FailedPrecondition or StatusCode.DeadlineExceeded)
            {
                await Task.Delay(200, token);
            }
        }

        throw new TimeoutException($"the server served no model within {StartTimeout.TotalSeconds:N0} s: {string.Join(Environment.NewLine, Output)}");
    }

    /// <summary>Starts the process again, on the same ports and settings, after it exited or was killed.</summary>
    public Task RestartAsync(CancellationToken token)
    {
        _process?.Dispose();
        _channel?.Dispose();
        return StartAsync(token);
    }

    /// <summary>Waits until a search for <paramref name="query"/> finds the letter <paramref name="letterId"/> (or the time is up).</summary>
    public async Task<bool> FindsAsync(string query, string letterId, TimeSpan timeout, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            try
            {
                var found = await Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = query, PageSize = 50 }, cancellationToken: token);
                if (found.Hits.Any(h => h.LetterId == letterId))
                {
                    return true;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
            }

            await Task.Delay(100, token);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping the replica does.</summary>
    public void Terminate()
    {
        if (SendSignal(_process!.Id, 15) != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent to process {_process.Id}");
        }
    }

    /// <summary>The process id (to read its memory, say).</summary>
    public int ProcessId => _process!.Id;

    /// <summary>Waits for the process to exit by itself; its exit code, or null when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process!.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>Stops the process as kill -9 would: no shutdown, no flush.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _channel?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _channel?.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (Output)
            {
                Output.Add(line);
            }
        }
    }

    /// <summary>The server's own build output (its runtimeconfig and deps beside it), in this test run's configuration.</summary>
    private static string ServerAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(SharedDataLocation.RepositoryRoot(), "src", "ImrPredict.Server", "bin", configuration, "net10.0", "ImrPredict.Server.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the server is not built at '{path}'", path);
        }

        return path;
    }

    /// <summary>The next port to try: below Linux's ephemeral range (32768-60999), so no outgoing connection takes it between
    /// the check and the server's bind (a port the OS handed out as free was taken so, once in CI).</summary>
    private static int _nextPort = 20000 + Random.Shared.Next(0, 10000);

    /// <summary>A loopback port nothing listens on, below the ephemeral range.</summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _nextPort);
            if (port > 32000)
            {
                Interlocked.CompareExchange(ref _nextPort, 20000, port);
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
