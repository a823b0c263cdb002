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

    /// <summary>The serving bundle has no precedent index.</summary>
    NoPrecedentIndex,

    /// <summary>The precedent asked for does not exist.</summary>
    NotFound,

    /// <summary>A bundle was refused; the previous one keeps serving.</summary>
    BundleRefused,

    /// <summary>The precedent index failed while answering.</summary>
    IndexUnavailable,
}
