using ImrPredict.Application.Models;
using ImrPredict.Application.Precedents;
using ImrPredict.Application.Storage;

namespace ImrPredict.Server;

/// <summary>
/// Fills this replica's precedent vectors in the background, once the service is ready (a model served and the index caught
/// up), so a first start is never slowed by embedding; then follows the store's changes.
/// </summary>
public sealed partial class EmbeddingSync(PrecedentVectors vectors, PrecedentView view, IServingModels models, StorageOptions options, ILogger<EmbeddingSync> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ready = models.Current is not null && view.Unavailable is null;
            var more = false;
            try
            {
                more = ready && vectors.FillNext(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A batch the model or the store failed on is tried again; searches stay lexical meanwhile.
                LogFillFailed(logger, e.Message);
            }

            if (!more)
            {
                await Task.Delay(TimeSpan.FromSeconds(ready ? options.IndexPollSeconds : 0.5), stoppingToken);
            }
        }
    }, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding precedents failed; retried: {Reason}")]
    private static partial void LogFillFailed(ILogger logger, string reason);
}
