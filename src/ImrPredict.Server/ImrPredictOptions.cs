using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Server;

/// <summary>Settings of the service (section <c>ImrPredict</c>), validated at start.</summary>
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

    /// <summary>The key AddDeterminations and ReloadModel require in the <c>x-api-key</c> header; unset, they are refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How often the bundle folder is checked for a newly published bundle; 0 turns hot reload off.</summary>
    [Range(0, 3600)]
    public double ReloadPollSeconds { get; set; } = 2;

    /// <summary>The most letters in one AddDeterminations call.</summary>
    [Range(1, 10_000)]
    public int MaxLettersPerAdd { get; set; } = 1000;

    /// <summary>Build the default bundle from a generated corpus when it is absent.</summary>
    public bool BuildDefaultBundle { get; set; } = true;

    /// <summary>Letters generated for the default bundle.</summary>
    [Range(500, 200_000)]
    public int DefaultCorpusLetters { get; set; } = 5000;

    /// <summary>The most items in one case.</summary>
    [Range(1, 500)]
    public int MaxItemsPerCase { get; set; } = 50;

    /// <summary>The longest clinical summary accepted.</summary>
    [Range(100, 1_000_000)]
    public int MaxSummaryChars { get; set; } = 50_000;

    /// <summary>The longest requested item accepted.</summary>
    [Range(10, 10_000)]
    public int MaxItemChars { get; set; } = 500;

    /// <summary>The most cases in one ranking.</summary>
    [Range(1, 1_000_000)]
    public int MaxCasesPerRanking { get; set; } = 10_000;

    /// <summary>The largest gRPC message accepted, in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;
}
