using ImrPredict.Core.Letters;

namespace ImrPredict.Store;

/// <summary>One change in sequence order, as derived views (the precedent index) apply it.</summary>
/// <param name="Sequence">The change's sequence number; later changes have larger ones.</param>
/// <param name="LetterId">The letter changed.</param>
/// <param name="Letter">The letter as it now is; null when it was deleted or the parser refused it.</param>
/// <param name="Generated">Whether it is a generated demo letter (<see cref="GeneratedLetters"/>).</param>
public sealed record StoreChange(long Sequence, string LetterId, ImrLetter? Letter, bool Generated = false);
