using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Application.Precedents;

/// <summary>Semantic precedent search (section <c>ImrPredict:Semantic</c>), validated at start.</summary>
public sealed class SemanticOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict:Semantic";

    /// <summary>Whether items are embedded and searched by meaning. Off, every search is lexical and the model is never loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The mode of a search that names none: <c>lexical</c>, <c>semantic</c> or <c>hybrid</c> (what won the evaluation, docs/search.md).</summary>
    [RegularExpression("^(lexical|semantic|hybrid)$", ErrorMessage = "DefaultMode must be lexical, semantic or hybrid")]
    public string DefaultMode { get; set; } = "hybrid";

    /// <summary>Items embedded per batch in the background.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = 16;

    /// <summary>ONNX Runtime threads of the embedding model. One leaves the other core of a small machine to requests.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    /// <summary>Above this many items a replica searches an approximate HNSW graph instead of every vector (decided when the vectors are loaded).</summary>
    [Range(1, int.MaxValue)]
    public int ApproximateAbove { get; set; } = 200_000;
}
