using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Server;

/// <summary>
/// Settings of the host (section <c>ImrPredict</c>), validated at start. The request limits, in the same section,
/// are the application's <c>ServiceLimits</c>.
/// </summary>
public sealed class ImrPredictOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict";

    /// <summary>The folder that holds model bundles.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>The bundle folder name inside <see cref="ModelsDirectory"/> to serve.</summary>
    [Required]
    public string BundleName { get; set; } = "default";

    /// <summary>
    /// One admin API key, in clear (the older setting, kept working): callers send it in the <c>x-api-key</c> header.
    /// Prefer <c>ImrPredict:Auth:ApiKeys</c>, which keeps only hashes and gives each key a name and a role.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>How often the bundle folder is checked for a newly published bundle; 0 turns hot reload off.</summary>
    [Range(0, 3600)]
    public double ReloadPollSeconds { get; set; } = 2;

    /// <summary>Build the default bundle from a generated corpus when it is absent.</summary>
    public bool BuildDefaultBundle { get; set; } = true;

    /// <summary>
    /// A ready-made default bundle (the repository's <c>models/seed/default</c>, made by <c>imr bootstrap</c> from the same
    /// generated letters) copied into place when the served folder is empty, so a fresh clone answers without training first;
    /// the generated letters still go into an empty store in the background. Unset, or absent on disk: the bundle is built.
    /// A relative folder is relative to the content root.
    /// </summary>
    public string? SeedBundleDirectory { get; set; }

    /// <summary>
    /// The <c>imr</c> tool (its <c>imr.dll</c>, or an executable) that builds the default bundle; unset, the one built beside
    /// this server in the same configuration.
    /// </summary>
    public string? BootstrapTool { get; set; }

    /// <summary>Letters generated for the default bundle.</summary>
    [Range(500, 200_000)]
    public int DefaultCorpusLetters { get; set; } = 5000;

    /// <summary>
    /// On SIGTERM, how long calls in flight may take to finish after the replica stops accepting new ones; then the index
    /// and the store are closed. Keep it under the orchestrator's grace period (Kubernetes: 30 s by default).
    /// </summary>
    [Range(1, 600)]
    public double ShutdownSeconds { get; set; } = 25;

    /// <summary>An OTLP collector (<c>http://collector:4317</c>) that receives traces and metrics; unset, only <c>/metrics</c>.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol: <c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$")]
    public string? OtlpProtocol { get; set; }

    /// <summary>The largest gRPC message accepted, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;
}
