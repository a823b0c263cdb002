using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImrPredict.Server;

/// <summary>
/// Logs when readiness changes (one line per change, not one per probe: an unready replica at start is not an error
/// each time a probe asks). A singleton: checks are created per probe.
/// </summary>
public sealed partial class ReadinessTransitions(ILogger<ReadinessCheck> logger)
{
    private HealthStatus? _last;

    /// <summary>Logs <paramref name="result"/> when its status differs from the last one.</summary>
    public void Record(HealthCheckResult result)
    {
        if (_last == result.Status)
        {
            return;
        }

        _last = result.Status;
        if (result.Status == HealthStatus.Healthy)
        {
            LogReady(logger, result.Description ?? string.Empty);
        }
        else
        {
            LogNotReady(logger, result.Description ?? string.Empty);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Reason}")]
    private static partial void LogReady(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Reason}")]
    private static partial void LogNotReady(ILogger logger, string reason);
}
