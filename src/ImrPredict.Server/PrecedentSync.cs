using ImrPredict.Application.Storage;

namespace ImrPredict.Server;

/// <summary>Keeps this replica's precedent index caught up with the store: at start (rebuilding a missing or damaged index) and every few seconds.</summary>
public sealed class PrecedentSync(PrecedentView view, StorageOptions options) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            view.CatchUp(TimeSpan.FromSeconds(1), stoppingToken);
            await Task.Delay(TimeSpan.FromSeconds(options.IndexPollSeconds), stoppingToken);
        }
    }, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
}
