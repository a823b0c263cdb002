namespace ImrPredict.Application.Cases.Explanations;

/// <summary>What a reason a reader sees is about.</summary>
public enum ReasonKind
{
    /// <summary>A guideline criterion with its status ("functional improvement on opioids not documented").</summary>
    Criterion,

    /// <summary>A clinical term of the summary or the item, a whole word or phrase as written.</summary>
    Term,

    /// <summary>The item's category.</summary>
    Category,

    /// <summary>A stated number, named in words.</summary>
    Number,
}
