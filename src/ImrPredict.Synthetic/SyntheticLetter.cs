using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>One generated letter, before rendering into a form.</summary>
/// <param name="Index">The letter's position in the corpus.</param>
/// <param name="Header">Header fields (always known to the generator; a rendering may leave them out).</param>
/// <param name="Reviewer">The reviewer's credentials.</param>
/// <param name="BoardCertifiedPhrasing">Whether the credentials are written as "Board Certified in X and is licensed to practice in Y".</param>
/// <param name="ClinicalSummary">The clinical case summary.</param>
/// <param name="Items">The disputed items.</param>
public sealed record SyntheticLetter(
    long Index,
    LetterHeader Header,
    ReviewerCredentials Reviewer,
    bool BoardCertifiedPhrasing,
    string ClinicalSummary,
    IReadOnlyList<SyntheticItem> Items);
