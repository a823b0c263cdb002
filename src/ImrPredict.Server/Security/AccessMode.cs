namespace ImrPredict.Server.Security;

/// <summary>What a caller without a credential may do, decided once at start from where the service listens and what is configured.</summary>
public enum AccessMode
{
    /// <summary>
    /// Every endpoint on loopback and no identity provider: anonymous callers read (search, precedents, predict, rank) as
    /// before; the admin calls still need an admin key. The README's quick start runs so.
    /// </summary>
    LoopbackOpen,

    /// <summary>Every call but <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the gRPC health service needs a credential.</summary>
    CredentialRequired,
}
