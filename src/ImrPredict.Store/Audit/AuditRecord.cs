namespace ImrPredict.Store.Audit;

/// <summary>
/// One call that read or changed clinical text: who (subject, name, role, how they signed in), what (the action and the ids
/// of the precedents and letters returned or changed), how it ended, and where from. It never holds clinical text, query
/// text or a credential.
/// </summary>
/// <param name="Sequence">The record's number in the trail, given by the store (0 before it is appended).</param>
/// <param name="Time">When the call ended, UTC.</param>
/// <param name="Subject">The caller's stable id: the token's <c>sub</c>, <c>key:{name}</c> for an API key, <c>anonymous</c> on loopback.</param>
/// <param name="Name">The caller's display name, when the credential carries one.</param>
/// <param name="Role">The highest role the caller held: <c>reader</c>, <c>triage</c>, <c>admin</c> or <c>none</c>.</param>
/// <param name="Scheme">How the caller signed in: <c>bearer</c>, <c>cookie</c>, <c>key:{name}</c> or <c>anonymous</c>.</param>
/// <param name="Action">The call, by its RPC name (<c>SearchPrecedents</c>, <c>AddDeterminations</c>).</param>
/// <param name="Outcome">The status: <c>OK</c>, a gRPC code name, or <c>Unauthenticated</c>/<c>PermissionDenied</c> when refused.</param>
/// <param name="PrecedentIds">The precedents (letter id and item) returned.</param>
/// <param name="LetterIds">The letters returned, added or deleted.</param>
/// <param name="RequestId">The request's trace id, to find its log lines.</param>
/// <param name="ClientAddress">The caller's IP address.</param>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset Time,
    string Subject,
    string? Name,
    string Role,
    string Scheme,
    string Action,
    string Outcome,
    IReadOnlyList<string> PrecedentIds,
    IReadOnlyList<string> LetterIds,
    string? RequestId,
    string? ClientAddress);
