namespace ImrPredict.Store;

/// <summary>Why the store could not do what was asked. Stable names: they appear in API errors.</summary>
public enum StoreErrorCode
{
    /// <summary>The database cannot be reached or opened (connection refused, wrong password, missing folder).</summary>
    Unavailable,

    /// <summary>The database was written by a newer schema version than this build reads.</summary>
    SchemaTooNew,

    /// <summary>A write failed (read-only folder, full disk, lost connection); nothing of the batch was kept.</summary>
    WriteFailed,

    /// <summary>A request to the store is invalid; the error's field names it.</summary>
    InvalidArgument,
}
