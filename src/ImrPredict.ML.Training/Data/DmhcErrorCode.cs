namespace ImrPredict.ML.Data;

/// <summary>Why a DMHC export could not be read at all.</summary>
public enum DmhcErrorCode
{
    /// <summary>No file at the path.</summary>
    Missing,

    /// <summary>The file cannot be read as CSV or JSON Lines.</summary>
    Unreadable,

    /// <summary>The file holds no rows.</summary>
    Empty,

    /// <summary>The rows lack the columns a DMHC export has.</summary>
    MissingColumns,
}
