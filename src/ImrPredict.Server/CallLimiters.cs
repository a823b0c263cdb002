using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>
/// The limiters of the limited calls (System.Threading.RateLimiting, the library ASP.NET Core's rate limiting middleware is
/// built on), shared by gRPC and JSON callers of the same call. The rate is kept per caller (the signed-in subject or the
/// key's name, not the address: callers behind one proxy or NAT share an address), so one busy job does not use up
/// everyone's; the concurrency protects the replica and is shared. Applied in <see cref="CallLimits"/> rather than by the
/// middleware because the middleware runs before the message is read: it cannot tell a PDF letter from a text one.
/// </summary>
public sealed class CallLimiters : IDisposable
{
    private readonly Dictionary<string, (PartitionedRateLimiter<string>? Rate, ConcurrencyLimiter? Concurrency)> _limiters = new(StringComparer.Ordinal);

    /// <summary>One pair of limiters per configured call.</summary>
    public CallLimiters(IOptions<CallLimitOptions> options)
    {
        foreach (var (name, limit) in options.Value.ByName())
        {
            PartitionedRateLimiter<string>? rate = limit.PermitsPerSecond > 0
                ? PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetTokenBucketLimiter(subject, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, limit.Burst),
                    // From 10 a second refilled every 100 ms (evenly, not in once-a-second bursts); below, one token at a time.
                    ReplenishmentPeriod = limit.PermitsPerSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / limit.PermitsPerSecond),
                    TokensPerPeriod = limit.PermitsPerSecond >= 10 ? (int)Math.Round(limit.PermitsPerSecond / 10) : 1,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }))
                : null;
            var concurrency = limit.Concurrency > 0
                ? new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limit.Concurrency, QueueLimit = limit.QueueLength, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                : null;
            _limiters[name] = (rate, concurrency);
        }
    }

    /// <summary>
    /// Admits a call of <paramref name="name"/> by <paramref name="subject"/> (waiting in the queue when the call is at its
    /// concurrency), or says how long to wait before trying again. Dispose the lease when the call ends.
    /// </summary>
    public async ValueTask<(IDisposable? Lease, TimeSpan? RetryAfter)> AdmitAsync(string name, string subject, CancellationToken cancellationToken)
    {
        if (!_limiters.TryGetValue(name, out var limiters))
        {
            return (null, null);
        }

        if (limiters.Rate is { } rate)
        {
            using var token = rate.AttemptAcquire(subject);
            if (!token.IsAcquired)
            {
                return (null, token.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));
            }
        }

        if (limiters.Concurrency is not { } concurrency)
        {
            return (null, null);
        }

        var lease = await concurrency.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return (lease, null);
        }

        lease.Dispose();
        // Running and queue full: the calls ahead take seconds; a second is the shortest useful wait.
        return (null, TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (rate, concurrency) in _limiters.Values)
        {
            rate?.Dispose();
            concurrency?.Dispose();
        }
    }
}
