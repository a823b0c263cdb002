using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>Service registration and endpoint mapping, keeping Program.cs short.</summary>
public static class HostExtensions
{
    /// <summary>Registers options, the model host, gRPC with JSON transcoding, reflection and health.</summary>
    public static WebApplicationBuilder AddImrPredict(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImrPredictOptions>()
            .Bind(builder.Configuration.GetSection(ImrPredictOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ModelHost>();
        builder.Services.AddHostedService<ModelLoader>();
        builder.Services.AddGrpc(grpc =>
        {
            var limit = builder.Configuration.GetSection(ImrPredictOptions.Section).GetValue<int?>(nameof(ImrPredictOptions.MaxMessageBytes)) ?? 16 * 1024 * 1024;
            grpc.MaxReceiveMessageSize = limit;
            grpc.MaxSendMessageSize = limit;
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<RequestLogging>();
        }).AddJsonTranscoding(transcoding =>
        {
            // Error details (field violations) are packed as Any: JSON needs their descriptors to write them.
            transcoding.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor);
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<ModelHealthCheck>("model");
        return builder;
    }

    /// <summary>Maps the API, health and reflection.</summary>
    public static WebApplication MapImrPredict(this WebApplication app)
    {
        app.MapGrpcService<ImrPredictGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}

/// <summary>Healthy while a model is served; says why not otherwise.</summary>
public sealed class ModelHealthCheck(ModelHost host) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Current is { } model
            ? host.LastError is { } refused
                ? HealthCheckResult.Degraded($"serving {model.Manifest.BundleVersion}; a newer bundle was refused: {refused}")
                : HealthCheckResult.Healthy($"serving {model.Manifest.BundleVersion}")
            : HealthCheckResult.Unhealthy(host.LastError ?? "no model loaded yet"));
}
