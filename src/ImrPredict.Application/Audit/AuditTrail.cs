using System.Threading.Channels;
using ImrPredict.Application.Storage;
using ImrPredict.Core.Results;
using ImrPredict.Store;
using ImrPredict.Store.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Audit;

/// <summary>
/// Where calls leave their audit records: <see cref="Record"/> queues a record without waiting for the database (the
/// request path never does), <see cref="AuditWriter"/> appends queued records in batches and, on shutdown, drains the
/// queue before the store closes. Records a failed append held are retried, never dropped.
/// </summary>
public sealed partial class AuditTrail(StorageOptions storage, LetterStoreHost stores, IOptions<AuditOptions> options, ILogger<AuditTrail> logger) : IDisposable
{
    private readonly Channel<AuditRecord> _queue = Channel.CreateUnbounded<AuditRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Opener<IAuditLog>> _log = new(() => new Opener<IAuditLog>(
        () => SqlAuditLog.Open(stores.DataDirectory, storage.ConnectionString), log => LogOpened(logger, log.Description), reason => LogUnavailable(logger, reason)));

    private long _queued;

    /// <summary>Whether calls are audited (<see cref="AuditOptions.Enabled"/>).</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>Records queued and not yet durable.</summary>
    public long Pending => Interlocked.Read(ref _queued);

    /// <summary>Queues a record; it is durable within a batch interval, or on shutdown at the latest.</summary>
    public void Record(AuditRecord record)
    {
        if (!Enabled)
        {
            return;
        }

        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(record))
        {
            // Only after shutdown completed the queue: the call ran after the writer drained; say so rather than lose it silently.
            Interlocked.Decrement(ref _queued);
            LogLate(logger, record.Action, record.Subject);
        }
    }

    /// <summary>The audit log, opening it when it is not open yet.</summary>
    public Result<IAuditLog, StoreErrorCode> Log() => _log.Value.Get();

    /// <summary>The most records one read returns, and how many a read returns when the query says 0.</summary>
    public const int MaxRecords = 1000, DefaultRecords = 100;

    /// <summary>The records that match, newest first; <see cref="AuditQuery.Max"/> 0 reads <see cref="DefaultRecords"/>.</summary>
    public Result<IReadOnlyList<AuditRecord>, ApplicationErrorCode> Read(AuditQuery query)
    {
        if (query.Max is < 0 or > MaxRecords)
        {
            return UseCaseErrors.Invalid(new FieldViolation("max", $"must be 0 (default {DefaultRecords}) to {MaxRecords}"));
        }

        query = query.Max == 0 ? query with { Max = DefaultRecords } : query;
        var opened = Log();
        if (!opened.TryGetValue(out var log))
        {
            return UseCaseErrors.FromStore(opened.Error);
        }

        var read = log.Read(query);
        return read.TryGetValue(out var records) ? Result<IReadOnlyList<AuditRecord>, ApplicationErrorCode>.Ok(records) : UseCaseErrors.FromStore(read.Error);
    }

    /// <summary>The queue <see cref="AuditWriter"/> drains.</summary>
    internal ChannelReader<AuditRecord> Queue => _queue.Reader;

    /// <summary>Ends the queue: records already in it are still drained.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    /// <summary>Counts records made durable.</summary>
    internal void Written(int count) => Interlocked.Add(ref _queued, -count);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_log.IsValueCreated)
        {
            _log.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit records are kept in the {Log}")]
    private static partial void LogOpened(ILogger logger, string log);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit trail cannot be opened; records wait in memory: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit record of {Action} by {Subject} arrived after the trail was closed for shutdown and was not kept")]
    private static partial void LogLate(ILogger logger, string action, string subject);
}
