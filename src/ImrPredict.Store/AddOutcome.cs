namespace ImrPredict.Store;

/// <summary>What adding one letter did.</summary>
public enum AddOutcome
{
    /// <summary>A letter id the store did not hold.</summary>
    Added,

    /// <summary>A letter id the store held with other content (or deleted): replaced, with a new sequence.</summary>
    Replaced,

    /// <summary>The same letter with the same content: nothing changed.</summary>
    Unchanged,

    /// <summary>The parser refused it; it is kept with its error (and its bytes) so nothing sent is lost.</summary>
    Refused,
}
