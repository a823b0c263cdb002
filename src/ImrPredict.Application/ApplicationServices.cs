using ImrPredict.Application.Cases;
using ImrPredict.Application.Letters;
using ImrPredict.Application.Models;
using ImrPredict.Application.Precedents;
using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application;

/// <summary>Registers the use cases, the limits they check and the model host they read.</summary>
public static class ApplicationServices
{
    /// <summary>
    /// Adds the limits and storage settings (section <c>ImrPredict</c>, validated on start; the PostgreSQL store from
    /// <c>ConnectionStrings:Determinations</c>), the model host serving <paramref name="bundleDirectory"/>, the store, this
    /// replica's precedent view and every use case. Relative folders resolve against <paramref name="resolve"/>.
    /// </summary>
    public static IServiceCollection AddImrPredictApplication(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, string> bundleDirectory, Func<IServiceProvider, string, string> resolve)
    {
        services.AddOptions<ServiceLimits>()
            .Bind(configuration.GetSection(ServiceLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(ServiceLimits.Section))
            .Configure(options => options.ConnectionString ??= configuration.GetConnectionString("Determinations"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddMetrics();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<ServiceGauges>();
        services.AddSingleton(provider => new ModelHost(bundleDirectory(provider), provider.GetRequiredService<ILogger<ModelHost>>(),
            provider.GetRequiredService<ServiceMetrics>()));
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<StorageOptions>();
            return new LetterStoreHost(storage, resolve(provider, storage.DataDirectory), provider.GetRequiredService<ILogger<LetterStoreHost>>());
        });
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<StorageOptions>();
            var index = storage.IndexDirectory is { Length: > 0 } folder ? folder : Path.Combine(storage.DataDirectory, "index");
            return new PrecedentView(provider.GetRequiredService<LetterStoreHost>(), resolve(provider, index),
                provider.GetRequiredService<IOptions<ServiceLimits>>().Value, provider.GetRequiredService<ILogger<PrecedentView>>());
        });
        services.AddOptions<Precedents.SemanticOptions>()
            .Bind(configuration.GetSection(Precedents.SemanticOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new Precedents.PrecedentVectors(provider.GetRequiredService<LetterStoreHost>(), provider.GetRequiredService<PrecedentView>(),
            provider.GetRequiredService<IOptions<Precedents.SemanticOptions>>().Value, provider.GetRequiredService<ILogger<Precedents.PrecedentVectors>>()));
        services.AddOptions<Audit.AuditOptions>()
            .Bind(configuration.GetSection(Audit.AuditOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton<IServingModels>(provider => provider.GetRequiredService<ModelHost>());
        services.AddSingleton<AssessCase>();
        services.AddSingleton<AssessLetter>();
        services.AddSingleton<RankCases>();
        services.AddSingleton<SearchPrecedents>();
        services.AddSingleton<AddLetters>();
        services.AddSingleton<DeleteLetter>();
        services.AddSingleton<ListLetters>();
        services.AddSingleton<ManageModel>();
        return services;
    }
}
