namespace ImrPredict.Store;

/// <summary>What the store holds.</summary>
/// <param name="Letters">Parsed letters (not deleted).</param>
/// <param name="Refused">Letters the parser refused (kept with their errors).</param>
/// <param name="Deleted">Tombstones.</param>
/// <param name="LastSequence">The last change's sequence (0 for an empty store).</param>
public sealed record StoreCounts(int Letters, int Refused, int Deleted, long LastSequence);
