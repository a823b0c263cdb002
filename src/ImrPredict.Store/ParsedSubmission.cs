using ImrPredict.Core.Letters;

namespace ImrPredict.Store;

/// <summary>A letter known only in parsed form (recovered from an index made before the store), to keep in the store.</summary>
/// <param name="Letter">The letter as recovered.</param>
/// <param name="Source">Where it came from; <see cref="ImportedPrefix"/> is put before it.</param>
public sealed record ParsedSubmission(ImrLetter Letter, string Source)
{
    /// <summary>The source prefix of imported letters: their stored bytes are JSON, not a letter the parser reads.</summary>
    public const string ImportedPrefix = "imported:";
}
