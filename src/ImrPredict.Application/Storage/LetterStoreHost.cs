using ImrPredict.Core.Results;
using ImrPredict.Store;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Storage;

/// <summary>
/// Opens the configured store and keeps trying while it cannot (PostgreSQL not up yet, a folder not writable): the service
/// serves predictions meanwhile, and every store call answers with why the store is unavailable instead of crashing.
/// </summary>
public sealed partial class LetterStoreHost(StorageOptions options, string dataDirectory, ILogger<LetterStoreHost> logger) : IDisposable
{
    private readonly Opener<ILetterStore> _opener = new(
        () => StoreLocation.Open(dataDirectory, options.ConnectionString ?? string.Empty),
        store => LogOpened(logger, store.Description),
        reason => LogUnavailable(logger, reason));

    /// <summary>How long a failed open is answered from memory before it is tried again (a connection attempt can take seconds).</summary>
    public static TimeSpan RetryInterval => Opener<ILetterStore>.RetryInterval;

    /// <summary>The data folder of the SQLite store (resolved against the content root), also the default home of the index.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The open store, opening it first when it is not open; the reason when it cannot be.</summary>
    public Result<ILetterStore, StoreErrorCode> Store() => _opener.Get();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_opener.Current is { } store)
        {
            store.Dispose();
            LogClosed(logger, store.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Store} is closed")]
    private static partial void LogClosed(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decided letters are kept in the {Store}")]
    private static partial void LogOpened(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "The letter store cannot be opened; predictions are served, precedents and adds wait for it: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
