using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>The store's answer for one letter of an add.</summary>
/// <param name="Index">The letter's position in the add.</param>
/// <param name="LetterId">Its id: the parser's (case number or text hash), or <c>refused-</c> and a content hash.</param>
/// <param name="Sequence">The sequence of the change (for <see cref="AddOutcome.Unchanged"/>, the letter's current one).</param>
/// <param name="Outcome">What the add did.</param>
/// <param name="ParseError">Why the parser refused it, for <see cref="AddOutcome.Refused"/>.</param>
/// <param name="Items">The letter's disputed items (0 when refused).</param>
/// <param name="Warnings">What looked odd in a letter that parsed (empty when refused or clean).</param>
public sealed record StoredAdd(int Index, string LetterId, long Sequence, AddOutcome Outcome, Error<ParseErrorCode>? ParseError, int Items,
    IReadOnlyList<ParseWarning> Warnings);
