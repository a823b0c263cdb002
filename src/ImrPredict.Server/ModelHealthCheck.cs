using ImrPredict.Application.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImrPredict.Server;

/// <summary>Healthy while a model is served; says why not otherwise.</summary>
public sealed class ModelHealthCheck(IServingModels models) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.Current is { } model
            ? models.LastError is { } refused
                ? HealthCheckResult.Degraded($"serving {model.Manifest.BundleVersion}; a newer bundle was refused: {refused}")
                : HealthCheckResult.Healthy($"serving {model.Manifest.BundleVersion}")
            : HealthCheckResult.Unhealthy(models.LastError ?? "no model loaded yet"));
}
