using System.ComponentModel.DataAnnotations;

namespace ImrPredict.Server;

/// <summary>
/// The limits of one expensive call on this replica: a token bucket (<see cref="PermitsPerSecond"/> refilled, up to
/// <see cref="Burst"/> at once) and at most <see cref="Concurrency"/> running, <see cref="QueueLength"/> more waiting their
/// turn. A call over either answers <c>RESOURCE_EXHAUSTED</c> (HTTP 429) with <c>Retry-After</c>. Zero turns a limit off.
/// </summary>
public sealed class CallLimit
{
    /// <summary>Calls admitted per second on average; 0: no rate limit.</summary>
    [Range(0, 100_000)]
    public double PermitsPerSecond { get; set; }

    /// <summary>Calls admitted at once after a quiet spell (the bucket's size); at least 1 when a rate is set.</summary>
    [Range(0, 100_000)]
    public int Burst { get; set; }

    /// <summary>Calls running at once; 0: no concurrency limit.</summary>
    [Range(0, 10_000)]
    public int Concurrency { get; set; }

    /// <summary>Calls waiting for a running one to finish before more are refused.</summary>
    [Range(0, 100_000)]
    public int QueueLength { get; set; }
}
