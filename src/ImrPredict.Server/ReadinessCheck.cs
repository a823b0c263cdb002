using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImrPredict.Server;

/// <summary>
/// Whether this replica should get traffic (<c>/readyz</c>): a model is served, the precedent index has caught up with
/// the store, and the process is not shutting down. A refused newer bundle does not make it unready: the previous one serves.
/// </summary>
public sealed class ReadinessCheck(IServingModels models, PrecedentView precedents, IHostApplicationLifetime lifetime, ReadinessTransitions transitions)
    : IHealthCheck
{
    /// <summary>The tag of the checks <c>/readyz</c> runs.</summary>
    public const string Tag = "ready";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = Evaluate();
        transitions.Record(result);
        return Task.FromResult(result);
    }

    private HealthCheckResult Evaluate() =>
        lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("shutting down: finishing the calls in flight")
            : models.Current is not { } model
                ? HealthCheckResult.Unhealthy($"no model loaded: {models.LastError ?? "loading"}")
                : precedents.Unavailable is { } catchingUp
                    ? HealthCheckResult.Unhealthy($"serving {model.Manifest.BundleVersion}; precedents not ready: {catchingUp}")
                    : HealthCheckResult.Healthy($"serving {model.Manifest.BundleVersion}; {precedents.Count} precedents");
}
