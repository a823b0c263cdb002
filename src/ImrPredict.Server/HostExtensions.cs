using ImrPredict.Application;
using ImrPredict.Server.Auditing;
using ImrPredict.Server.Security;
using ImrPredict.Web;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>Service registration and endpoint mapping, keeping Program.cs short.</summary>
public static class HostExtensions
{
    /// <summary>Registers options, the application's use cases, the model loader, gRPC with JSON transcoding, reflection and health.</summary>
    public static WebApplicationBuilder AddImrPredict(this WebApplicationBuilder builder)
    {
        // First: settings that must not start stop here, before anything is opened or built.
        builder.AddImrSecurity();
        builder.Services.AddOptions<ImrPredictOptions>()
            .Bind(builder.Configuration.GetSection(ImrPredictOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CallLimitOptions>()
            .Bind(builder.Configuration.GetSection(CallLimitOptions.Section))
            .Validate(options => options.ByName().Values.All(limit => System.ComponentModel.DataAnnotations.Validator.TryValidateObject(limit, new(limit), null, true)),
                "every ImrPredict:CallLimits entry needs PermitsPerSecond, Burst, Concurrency and QueueLength within their ranges")
            .ValidateOnStart();
        builder.Services.AddSingleton<CallLimiters>();
        builder.Services.AddSingleton<ReadinessTransitions>();
        // Kestrel stops accepting at once on SIGTERM; calls in flight get this long before the index and store close.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ImrPredictOptions>>((host, options) => host.ShutdownTimeout = TimeSpan.FromSeconds(options.Value.ShutdownSeconds));
        builder.AddImrTelemetry();
        // grpc-dotnet logs every error status with its description at Information ("Error status code 'InvalidArgument'
        // with detail ..."), and a description may quote the caller's letter; RequestLogging logs the code and fields instead.
        builder.Logging.AddFilter("Grpc.AspNetCore", LogLevel.Warning);
        builder.Services.AddImrPredictApplication(builder.Configuration, BundleDirectory,
            (services, folder) => Path.GetFullPath(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, folder)));
        builder.Services.AddSingleton<DefaultBundleBootstrap>();
        builder.Services.AddHostedService<ModelLoader>();
        builder.Services.AddHostedService<PrecedentSync>();
        builder.Services.AddHostedService<EmbeddingSync>();
        builder.Services.AddGrpc(grpc =>
        {
            var limit = builder.Configuration.GetSection(ImrPredictOptions.Section).GetValue<int?>(nameof(ImrPredictOptions.MaxMessageBytes)) ?? 16 * 1024 * 1024;
            grpc.MaxReceiveMessageSize = limit;
            grpc.MaxSendMessageSize = limit;
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<RequestLogging>();
            grpc.Interceptors.Add<AuditedCalls>();
            grpc.Interceptors.Add<CallLimits>();
        }).AddJsonTranscoding(transcoding =>
        {
            // Error details (field violations) are packed as Any: JSON needs their descriptors to write them.
            transcoding.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor);
        });
        builder.Services.AddGrpcReflection();
        // grpc.health.v1 reports the model check (degraded still serves); /readyz the stricter readiness check.
        builder.Services.AddGrpcHealthChecks(health => health.Services.Map(string.Empty, check => check.Name == "model"))
            .AddCheck<ModelHealthCheck>("model")
            .AddCheck<ReadinessCheck>("ready", tags: [ReadinessCheck.Tag]);
        return builder;
    }

    /// <summary>Maps authentication and authorization, the API, health, reflection and the web app.</summary>
    public static WebApplication MapImrPredict(this WebApplication app)
    {
        app.UseImrSecurity();
        app.MapGrpcService<ImrPredictGrpcService>();
        app.MapImrPredictWeb();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint(TelemetrySetup.MetricsPath).AllowAnonymous();
        // The gauges are observed from the first scrape on.
        app.Services.GetRequiredService<Application.Telemetry.ServiceGauges>();
        return app;
    }

    /// <summary>The bundle folder served; a relative models folder is relative to the content root.</summary>
    private static string BundleDirectory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ImrPredictOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.ModelsDirectory, options.BundleName));
    }
}
