using ImrPredict.Core.Results;
using ImrPredict.Store;

namespace ImrPredict.Application.Storage;

/// <summary>
/// Opens a store once and keeps trying while it cannot (PostgreSQL not up yet, a folder not writable), answering from
/// memory between attempts: a connection attempt can take seconds, and callers must not each wait for one.
/// </summary>
/// <param name="open">Opens the store.</param>
/// <param name="opened">Called once when it opens.</param>
/// <param name="unavailable">Called when the reason it cannot open changes (not on every retry).</param>
internal sealed class Opener<T>(Func<Result<T, StoreErrorCode>> open, Action<T> opened, Action<string> unavailable) : IDisposable
    where T : class, IDisposable
{
    private readonly object _gate = new();
    private T? _value;
    private Error<StoreErrorCode>? _lastFailure;
    private DateTime _retryAfter = DateTime.MinValue;

    /// <summary>How long a failed open is answered from memory before it is tried again.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>What is open, if anything.</summary>
    public T? Current => _value;

    /// <summary>The open store, opening it first when it is not open; the reason when it cannot be.</summary>
    public Result<T, StoreErrorCode> Get()
    {
        if (_value is { } current)
        {
            return Result<T, StoreErrorCode>.Ok(current);
        }

        lock (_gate)
        {
            if (_value is { } openedMeanwhile)
            {
                return Result<T, StoreErrorCode>.Ok(openedMeanwhile);
            }

            if (_lastFailure is { } recent && DateTime.UtcNow < _retryAfter)
            {
                return Result<T, StoreErrorCode>.Fail(recent);
            }

            var result = open();
            if (result.TryGetValue(out var value))
            {
                _value = value;
                _lastFailure = null;
                opened(value);
            }
            else
            {
                if (_lastFailure?.Message != result.Error.Message)
                {
                    unavailable(result.Error.ToString());
                }

                _lastFailure = result.Error;
                _retryAfter = DateTime.UtcNow + RetryInterval;
            }

            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _value?.Dispose();
}
