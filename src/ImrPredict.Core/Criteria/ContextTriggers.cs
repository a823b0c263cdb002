namespace ImrPredict.Core.Criteria;

/// <summary>The trigger phrases of <see cref="ClinicalContext"/>, after NegEx's and ConText's lists, each with its kind.</summary>
internal static class ContextTriggers
{
    private static readonly string[] Negations =
    [
        "no", "not", "without", "denies", "denied", "deny", "negative for", "free of", "absence of", "absent", "lack of", "lacks", "lacking",
        "never", "none", "nor", "neither", "failed to", "fails to", "did not", "does not", "do not", "has not", "have not", "had not", "was not",
        "were not", "is not", "are not", "unable to", "ruled out", "rules out",
    ];

    private static readonly string[] PseudoNegations =
    [
        "no change", "no significant change", "no substantial change", "no further", "no increase", "no new", "not only", "not necessarily",
        "no longer than", "without difficulty", "without any change", "gram-negative", "gram negative",
    ];

    private static readonly string[] PostNegationVerbs = ["", "was ", "were ", "is ", "are ", "has been ", "have been ", "remained ", "remains "];

    private static readonly string[] PostNegationStates =
    [
        "negative", "not documented", "not noted", "not provided", "not present", "not seen", "not found", "not reported", "not demonstrated",
        "not evident", "ruled out", "absent", "unremarkable", "normal", "resolved", "unlikely",
    ];

    private static readonly string[] Uncertainties =
    [
        "rule out", "to rule out", "r/o", "possible", "possibly", "probable", "suspected", "suspect", "suspicion of", "concern for",
        "concerning for", "question of", "questionable", "evaluate for", "to evaluate", "assess for", "whether", "if",
    ];

    private static readonly string[] Histories = ["history of", "h/o", "previous", "previously", "prior", "in the past", "remote"];

    private static readonly string[] ScopeBreakers =
        ["but", "however", "although", "though", "except", "apart from", "aside from", "yet", "which", "who", "whereas", ":", "("];

    /// <summary>Words by which a sentence narrates the earlier utilization review or the request for authorization.</summary>
    private static readonly string[] PriorReviews =
    [
        "utilization review", "UR", "non-certifi*", "noncertifi*", "modified request", "modified to", "modified the request", "modified the to",
        "was denied", "were denied", "was previously denied", "were previously denied", "denied request", "denied the request",
        "denied certification", "denied the certification", "not necessary", "not medically necessary", "claims administrator",
        "prior determination", "previous determination", "prior review", "previous review", "original review", "request for authorization",
        "RFA", "peer review", "reviewer",
    ];

    /// <summary>Every trigger phrase with its kind.</summary>
    public static TermMatcher<ContextTrigger> Matcher { get; } = new(
        Negations.Select(p => (p, ContextTrigger.Negation))
            .Concat(PseudoNegations.Select(p => (p, ContextTrigger.PseudoNegation)))
            .Concat(PostNegationVerbs.SelectMany(v => PostNegationStates.Select(s => (v + s, ContextTrigger.PostNegation))))
            .Concat(Uncertainties.Select(p => (p, ContextTrigger.Uncertainty)))
            .Concat(Histories.Select(p => (p, ContextTrigger.History)))
            .Concat(ScopeBreakers.Select(p => (p, ContextTrigger.ScopeBreaker))));

    /// <summary>The phrases that mark a sentence as narrating the earlier review.</summary>
    public static TermMatcher<bool> PriorReview { get; } = new(PriorReviews.Select(p => (p, true)));
}
