using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>What a layout's parser reads from a letter; <see cref="LetterTextParser"/> makes the letter of it.</summary>
internal sealed record LetterParts(LetterHeader Header, ReviewerCredentials Reviewer, string ClinicalSummary, IReadOnlyList<DisputedItem> Items);
