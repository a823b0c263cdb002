using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImrPredict.Server;

/// <summary>
/// HTTP health beside <c>grpc.health.v1</c>, for load balancers and Kubernetes probes: <c>/healthz</c> answers 200 while
/// the process serves requests at all; <c>/readyz</c> 200 when <see cref="ReadinessCheck"/> passes, else 503, with the
/// reason as plain text.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The liveness path.</summary>
    public const string Live = "/healthz";

    /// <summary>The readiness path.</summary>
    public const string Ready = "/readyz";

    /// <summary>Maps both paths.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Liveness runs no check: a replica rebuilding its index or without a model must not be restarted for it.
        // Probes carry no credential, and these say nothing of any letter.
        app.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteText }).AllowAnonymous();
        app.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = registration => registration.Tags.Contains(ReadinessCheck.Tag), ResponseWriter = WriteText }).AllowAnonymous();
    }

    private static Task WriteText(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var reasons = report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d));
        return context.Response.WriteAsync($"{report.Status}{string.Concat(reasons.Select(r => $": {r}"))}\n");
    }
}
