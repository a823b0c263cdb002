namespace ImrPredict.Core.Letters;

/// <summary>
/// The parts of a partial authorization: the original request, the part the claims administrator
/// authorized and the remainder that went to IMR.
/// </summary>
/// <param name="OriginalRequest">The request as first made.</param>
/// <param name="AuthorizedPortion">What the claims administrator authorized, when stated.</param>
/// <param name="DisputedRemainder">The IMR-eligible remainder that was decided.</param>
public sealed record PartialAuthorization(string OriginalRequest, string? AuthorizedPortion, string DisputedRemainder);
