namespace ImrPredict.Search;

/// <summary>Why a search or an index operation failed.</summary>
public enum SearchErrorCode
{
    /// <summary>A request field is invalid; the error's field names it.</summary>
    InvalidArgument,

    /// <summary>The index folder is damaged and is not served.</summary>
    IndexDamaged,

    /// <summary>Another process holds the index's write lock.</summary>
    IndexLocked,

    /// <summary>The precedent asked for does not exist.</summary>
    NotFound,

    /// <summary>The sentence embedding model cannot be loaded or run; lexical search still answers.</summary>
    EmbedderUnavailable,
}
