namespace ImrPredict.ML.Bundles;

/// <summary>Why a bundle could not be loaded or written.</summary>
public enum BundleErrorCode
{
    /// <summary>The folder or one of its files is missing.</summary>
    Missing,

    /// <summary>manifest.json is not a valid manifest.</summary>
    ManifestInvalid,

    /// <summary>model.zip does not match the manifest's hash.</summary>
    ManifestMismatch,

    /// <summary>model.zip cannot be loaded as an ML.NET model.</summary>
    ModelCorrupt,

    /// <summary>The model does not read the columns its corpus kind needs.</summary>
    SchemaMismatch,

    /// <summary>The destination already holds a bundle.</summary>
    AlreadyExists,

    /// <summary>The history holds no such version, or nothing to roll back to.</summary>
    NotInHistory,

    /// <summary>The serving bundle is damaged and could not be kept in the history before being replaced.</summary>
    IncumbentNotKept,

    /// <summary>Another promotion or rollback holds the history's lock.</summary>
    Busy,
}
