using ImrPredict.Store.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Audit;

/// <summary>
/// Appends the audit trail's queued records in batches, off the request path. Registered before the web server, it
/// stops after it: by then every call in flight has queued its record, and <see cref="StopAsync"/> drains the queue
/// before the store closes. A batch the store refuses is retried, never dropped.
/// </summary>
public sealed partial class AuditWriter(AuditTrail trail, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;

    /// <summary>
    /// How long records gather after the first one arrives before they are appended: one transaction (one fsync) per
    /// interval instead of one per call under load. Shutdown appends what waits at once.
    /// </summary>
    private static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(200);
    private readonly List<AuditRecord> _batch = new(BatchSize);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!trail.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            while (await trail.Queue.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(GatherTime, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync drains what is left.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        trail.Complete();
        var drained = await FlushAsync(cancellationToken, untilEmpty: true);
        if (trail.Pending > 0)
        {
            LogLost(logger, trail.Pending);
        }
        else if (drained > 0)
        {
            LogDrained(logger, drained);
        }
    }

    /// <summary>Appends queued records (one batch, or all with <paramref name="untilEmpty"/>), retrying a refused batch until cancelled; how many were appended.</summary>
    private async Task<int> FlushAsync(CancellationToken cancellationToken, bool untilEmpty = false)
    {
        var appended = 0;
        do
        {
            while (_batch.Count < BatchSize && trail.Queue.TryRead(out var record))
            {
                _batch.Add(record);
            }

            if (_batch.Count == 0)
            {
                return appended;
            }

            while (true)
            {
                var log = trail.Log();
                var result = log.TryGetValue(out var open) ? open.Append(_batch) : Core.Results.Result<int, Store.StoreErrorCode>.Fail(log.Error);
                if (result.TryGetValue(out var count))
                {
                    trail.Written(count);
                    appended += count;
                    _batch.Clear();
                    break;
                }

                LogRetry(logger, _batch.Count, result.Error.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return appended;
                }
            }
        }
        while (untilEmpty || trail.Queue.TryPeek(out _));
        return appended;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit trail is off (ImrPredict:Audit:Enabled=false): calls on this replica leave no audit records")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit records could not be appended and are retried: {Reason}")]
    private static partial void LogRetry(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} audit records queued at shutdown were appended")]
    private static partial void LogDrained(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Count} audit records were not appended before the shutdown time ran out")]
    private static partial void LogLost(ILogger logger, long count);
}
