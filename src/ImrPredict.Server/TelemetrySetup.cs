using ImrPredict.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImrPredict.Server;

/// <summary>
/// OpenTelemetry for the service: metrics (the service's meter, ASP.NET Core's and Kestrel's) scraped by Prometheus at
/// <c>/metrics</c>, traces (the server span of each call and the service's parse, featurize, predict, search and store
/// spans), and both sent over OTLP when <c>ImrPredict:OtlpEndpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The Prometheus scraping path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the providers and exporters.</summary>
    public static void AddImrTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration.GetSection(ImrPredictOptions.Section)[nameof(ImrPredictOptions.OtlpEndpoint)]
            ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("imrpredict", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(ServiceActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(ServiceActivities.SourceName)
                // Probes and scrapes are not traced: they would drown the calls. Query strings are redacted by default.
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    context.Request.Path != MetricsPath && context.Request.Path != HealthEndpoints.Live && context.Request.Path != HealthEndpoints.Ready));
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlp));
        }
    }
}
