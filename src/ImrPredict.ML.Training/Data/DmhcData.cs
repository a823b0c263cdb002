namespace ImrPredict.ML.Data;

/// <summary>The rows of a DMHC export and what was skipped.</summary>
/// <param name="Rows">Decisions read.</param>
/// <param name="HasFindings">Whether any row has Findings text.</param>
/// <param name="SkippedRows">Rows without a recognizable determination.</param>
public sealed record DmhcData(IReadOnlyList<DmhcRow> Rows, bool HasFindings, int SkippedRows);
