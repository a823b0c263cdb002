namespace ImrPredict.Application;

/// <summary>Why a use case could not answer. Stable names: transports map them to statuses in one table.</summary>
public enum ApplicationErrorCode
{
    /// <summary>An input field is invalid; the error's field names it.</summary>
    InvalidArgument,

    /// <summary>A letter given could not be read; the message carries the parser's code.</summary>
    LetterUnreadable,

    /// <summary>No model is loaded (yet, or every bundle was refused).</summary>
    NoModel,

    /// <summary>The letter store cannot be reached or read.</summary>
    StoreUnavailable,

    /// <summary>The store refused a write (read-only folder, full disk, lost connection); nothing of it was kept.</summary>
    StoreWriteFailed,

    /// <summary>The precedent asked for does not exist.</summary>
    NotFound,

    /// <summary>A bundle was refused; the previous one keeps serving.</summary>
    BundleRefused,

    /// <summary>The precedent index cannot answer now (being rebuilt from the store, or failed).</summary>
    IndexUnavailable,
}
