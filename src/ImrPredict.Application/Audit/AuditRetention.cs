using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Audit;

/// <summary>
/// The one job that deletes audit records: at start and then every <see cref="AuditOptions.RetentionCheckMinutes"/>, the
/// records older than <see cref="AuditOptions.RetentionDays"/> go. Replicas sharing a database each run it; deleting by
/// age twice deletes nothing more.
/// </summary>
public sealed partial class AuditRetention(AuditTrail trail, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.RetentionCheckMinutes), clock);
        do
        {
            var cutoff = clock.GetUtcNow().AddDays(-settings.RetentionDays);
            var log = trail.Log();
            var purged = log.TryGetValue(out var open) ? open.PurgeBefore(cutoff) : Core.Results.Result<int, Store.StoreErrorCode>.Fail(log.Error);
            if (!purged.TryGetValue(out var count))
            {
                LogFailed(logger, purged.Error.Message);
            }
            else if (count > 0)
            {
                LogPurged(logger, count, settings.RetentionDays);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} audit records older than {Days} days were deleted")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit retention job could not run; it tries again at its next check: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
