namespace ImrPredict.Core.Criteria;

/// <summary>What a trigger phrase of <see cref="ClinicalContext"/> does to the terms near it.</summary>
internal enum ContextTrigger
{
    /// <summary>Denies a term that follows ("no", "without", "negative for").</summary>
    Negation,

    /// <summary>Looks like a negation and is not one ("no change in", "not only").</summary>
    PseudoNegation,

    /// <summary>Denies the term just before it ("was negative", "was not documented").</summary>
    PostNegation,

    /// <summary>Makes a term that follows a possibility ("to rule out", "possible").</summary>
    Uncertainty,

    /// <summary>Puts a term that follows in the past ("history of").</summary>
    History,

    /// <summary>Ends a trigger's reach ("but", "however", "which", a colon).</summary>
    ScopeBreaker,
}
