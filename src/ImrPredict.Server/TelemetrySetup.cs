using ImrPredict.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImrPredict.Server;

/// <summary>
/// OpenTelemetry for the service: metrics (the service's meter, ASP.NET Core's and Kestrel's) scraped by Prometheus at
/// <c>/metrics</c>, traces (the server span of each call and the service's parse, featurize, predict, search and store
/// spans), and both sent over OTLP when <c>ImrPredict:OtlpEndpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set, over
/// gRPC or, with <c>ImrPredict:OtlpProtocol</c> (or <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>) <c>http/protobuf</c>, over HTTP.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The Prometheus scraping path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the providers and exporters.</summary>
    public static void AddImrTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ImrPredictOptions.Section);
        var otlp = section[nameof(ImrPredictOptions.OtlpEndpoint)] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var protocol = (section[nameof(ImrPredictOptions.OtlpProtocol)] ?? builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) == "http/protobuf"
            ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
            : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
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
            // Over HTTP the signal paths (/v1/traces, /v1/metrics) are appended to the base address.
            telemetry.UseOtlpExporter(protocol, new Uri(otlp));
        }
    }
}
