namespace ImrPredict.Store.Audit;

/// <summary>Which audit records to read, newest first.</summary>
/// <param name="Since">Only records at or after this time.</param>
/// <param name="Subject">Only this caller's records.</param>
/// <param name="LetterId">Only records that returned or changed this letter (or one of its precedents).</param>
/// <param name="Max">At most this many records.</param>
public sealed record AuditQuery(DateTimeOffset? Since = null, string? Subject = null, string? LetterId = null, int Max = 1000);
