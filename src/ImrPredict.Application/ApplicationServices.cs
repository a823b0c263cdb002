using ImrPredict.Application.Cases;
using ImrPredict.Application.Determinations;
using ImrPredict.Application.Letters;
using ImrPredict.Application.Models;
using ImrPredict.Application.Precedents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application;

/// <summary>Registers the use cases, the limits they check and the model host they read.</summary>
public static class ApplicationServices
{
    /// <summary>
    /// Adds the limits (section <c>ImrPredict</c>, validated on start), the model host serving <paramref name="bundleDirectory"/>
    /// and every use case.
    /// </summary>
    public static IServiceCollection AddImrPredictApplication(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> bundleDirectory)
    {
        services.AddOptions<ServiceLimits>()
            .Bind(configuration.GetSection(ServiceLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new ModelHost(bundleDirectory(provider), provider.GetRequiredService<IOptions<ServiceLimits>>().Value,
            provider.GetRequiredService<ILogger<ModelHost>>()));
        services.AddSingleton<IServingModels>(provider => provider.GetRequiredService<ModelHost>());
        services.AddSingleton<AssessCase>();
        services.AddSingleton<AssessLetter>();
        services.AddSingleton<RankCases>();
        services.AddSingleton<SearchPrecedents>();
        services.AddSingleton<AddDeterminations>();
        services.AddSingleton<ManageModel>();
        return services;
    }
}
