using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImrPredict.Server;

/// <summary>
/// Healthy while a model is served and the precedent index is current; degraded (still serving) while a newer bundle was
/// refused or the index is catching up with the store; unhealthy without a model.
/// </summary>
public sealed class ModelHealthCheck(IServingModels models, PrecedentView precedents) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } model
            ? models.LastError is { } refused
                ? HealthCheckResult.Degraded($"serving {model.Manifest.BundleVersion}; a newer bundle was refused: {refused}")
                : precedents.Unavailable is { } catchingUp
                    ? HealthCheckResult.Degraded($"serving {model.Manifest.BundleVersion}; precedents catching up: {catchingUp}")
                    : HealthCheckResult.Healthy($"serving {model.Manifest.BundleVersion}")
            : HealthCheckResult.Unhealthy(models.LastError ?? "no model loaded yet"));
}
