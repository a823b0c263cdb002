using ImrPredict.Core.Results;
using ImrPredict.Store;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Storage;

/// <summary>
/// Opens the configured store and keeps trying while it cannot (PostgreSQL not up yet, a folder not writable): the service
/// serves predictions meanwhile, and every store call answers with why the store is unavailable instead of crashing.
/// </summary>
public sealed partial class DeterminationStoreHost(StorageOptions options, string dataDirectory, ILogger<DeterminationStoreHost> logger) : IDisposable
{
    private readonly object _gate = new();
    private IDeterminationStore? _store;
    private Error<StoreErrorCode>? _lastFailure;
    private DateTime _retryAfter = DateTime.MinValue;

    /// <summary>How long a failed open is answered from memory before it is tried again (a connection attempt can take seconds).</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The data folder of the SQLite store (resolved against the content root), also the default home of the index.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The open store, opening it first when it is not open; the reason when it cannot be.</summary>
    public Result<IDeterminationStore, StoreErrorCode> Store()
    {
        if (_store is { } open)
        {
            return Result<IDeterminationStore, StoreErrorCode>.Ok(open);
        }

        lock (_gate)
        {
            if (_store is { } opened)
            {
                return Result<IDeterminationStore, StoreErrorCode>.Ok(opened);
            }

            if (_lastFailure is { } recent && DateTime.UtcNow < _retryAfter)
            {
                return Result<IDeterminationStore, StoreErrorCode>.Fail(recent);
            }

            var result = StoreLocation.Open(DataDirectory, options.ConnectionString ?? string.Empty);
            if (result.TryGetValue(out var store))
            {
                _store = store;
                _lastFailure = null;
                LogOpened(logger, store.Description);
            }
            else
            {
                // Logged when the reason changes, not on every retry.
                if (_lastFailure?.Message != result.Error.Message)
                {
                    LogUnavailable(logger, result.Error.ToString());
                }

                _lastFailure = result.Error;
                _retryAfter = DateTime.UtcNow + RetryInterval;
            }

            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_store is { } store)
        {
            store.Dispose();
            LogClosed(logger, store.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Store} is closed")]
    private static partial void LogClosed(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decided letters are kept in the {Store}")]
    private static partial void LogOpened(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "The determination store cannot be opened; predictions are served, precedents and adds wait for it: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
