using Grpc.Net.Client;

namespace ImrPredict.Server.Tests;

public sealed class AdminTests(ServiceFixture fixture) : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly Metadata Key = new() { { "x-api-key", ServiceFixture.ApiKey } };

    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_determinations_needs_the_key_reports_bad_letters_and_is_idempotent()
    {
        await using var app = await CopyOfServedBundle();
        var client = Client(app, out var channel);
        using var _ = channel;
        var generator = new LetterGenerator(seed: 4242);
        var request = new AddDeterminationsRequest();
        request.Letters.Add(new LetterContent { Text = LetterRenderer.Markdown(generator.Generate(1)), Source = "a.md" });
        request.Letters.Add(new LetterContent { Text = "not a letter", Source = "junk.txt" });
        request.Letters.Add(new LetterContent { Pdf = Google.Protobuf.ByteString.CopyFrom(LetterRenderer.Pdf(generator.Generate(2))), Source = "b.pdf" });

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.AddDeterminationsAsync(request, cancellationToken: Token).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => client.AddDeterminationsAsync(request, new Metadata { { "x-api-key", "nope" } }, cancellationToken: Token).ResponseAsync);
        var first = await client.AddDeterminationsAsync(request, Key, cancellationToken: Token);
        var again = await client.AddDeterminationsAsync(request, Key, cancellationToken: Token);

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal(2, first.LettersAdded);
        var error = Assert.Single(first.Errors);
        Assert.Equal(("junk.txt", 1, "NotAnImrLetter"), (error.Source, error.Index, error.Code));
        Assert.Equal(first.Precedents, again.Precedents);
        var found = await client.GetPrecedentAsync(new GetPrecedentRequest { Id = $"{generator.Generate(1).Header.CaseNumber}#0" }, cancellationToken: Token);
        Assert.False(string.IsNullOrEmpty(found.Rationale));
    }

    [Fact]
    public async Task Reload_under_concurrent_calls_never_fails_a_request_and_a_damaged_bundle_is_refused()
    {
        await using var app = await CopyOfServedBundle();
        var client = Client(app, out var channel);
        using var _ = channel;
        var predict = new PredictRequest { ClinicalSummary = "Low back pain after a fall." };
        predict.Items.Add(new ItemRequest { RequestedItem = "MRI of the lumbar spine" });
        var before = await client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var calls = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await client.PredictAsync(predict, cancellationToken: Token);
                    Interlocked.Increment(ref calls);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, Token)).ToList();
        for (var i = 0; i < 5; i++)
        {
            await client.ReloadModelAsync(new ReloadModelRequest(), Key, cancellationToken: Token);
        }

        // A damaged bundle published beside it is refused; the served one carries on.
        var models = Path.GetDirectoryName(ModelDirectory(app))!;
        var damaged = Path.Combine(models, "damaged");
        FolderCopy.Copy(ModelDirectory(app), damaged);
        var zip = Path.Combine(damaged, "model.zip");
        File.WriteAllBytes(zip, File.ReadAllBytes(zip)[..500]);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ReloadModelAsync(new ReloadModelRequest { Bundle = "damaged" }, Key, cancellationToken: Token).ResponseAsync);
        await Task.Delay(200, Token);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var after = await client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);

        Assert.Equal(0, failures);
        Assert.True(calls > 10, $"{calls} calls ran during the reloads");
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("ManifestMismatch", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before.BundleVersion, after.BundleVersion);
        Assert.Contains("ManifestMismatch", after.LastLoadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_published_into_the_models_folder_is_picked_up()
    {
        var models = fixture.CopyOfModels();
        _folders.Add(models);
        await using var app = await ServiceFixture.Start(models, buildDefault: false, reloadPollSeconds: 0.2);
        var client = Client(app, out var channel);
        using var _ = channel;
        var host = app.Host;
        for (var i = 0; i < 100 && host.Current is null; i++)
        {
            await Task.Delay(100, Token);
        }

        // Publish as imr train does: a complete folder moved into place.
        var staged = Path.Combine(models, ".staged");
        FolderCopy.Copy(Path.Combine(models, "default"), staged);
        var manifestPath = Path.Combine(staged, "manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("letters-default-", "letters-republished-", StringComparison.Ordinal));
        var old = Path.Combine(models, ".old");
        Directory.Move(Path.Combine(models, "default"), old);
        Directory.Move(staged, Path.Combine(models, "default"));

        string version = string.Empty;
        for (var i = 0; i < 100 && !version.StartsWith("letters-republished-", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Token);
            version = (await client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token)).BundleVersion;
        }

        Assert.StartsWith("letters-republished-", version, StringComparison.Ordinal);
    }

    private async Task<ImrPredictFactory> CopyOfServedBundle()
    {
        var models = fixture.CopyOfModels();
        _folders.Add(models);
        var app = await ServiceFixture.Start(models, buildDefault: false);
        var host = app.Host;
        for (var i = 0; i < 100 && host.Current is null; i++)
        {
            await Task.Delay(100, Token);
        }

        Assert.NotNull(host.Current);
        return app;
    }

    private static string ModelDirectory(ImrPredictFactory app) => (app.Host).BundleDirectory;

    private static ImrPredictService.ImrPredictServiceClient Client(ImrPredictFactory app, out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = app.Server.CreateHandler() });
        return new ImrPredictService.ImrPredictServiceClient(channel);
    }
}
