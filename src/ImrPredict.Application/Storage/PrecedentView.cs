using ImrPredict.Core.Results;
using ImrPredict.Search;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Storage;

/// <summary>
/// This replica's precedent index as a view derived from the store: it applies the store's changes in sequence order and
/// records the last one applied in its own commit. A missing or damaged index is rebuilt from the store while predictions
/// keep being served; until it has caught up, searches answer that it is being rebuilt.
/// </summary>
public sealed partial class PrecedentView(LetterStoreHost stores, string indexDirectory, ServiceLimits limits, ILogger<PrecedentView> logger) : IDisposable
{
    /// <summary>Changes applied per index commit while catching up.</summary>
    public const int ChangesPerCommit = 5000;

    private readonly SemaphoreSlim _applying = new(1, 1);
    private volatile PrecedentIndex? _index;
    private long _rebuildTarget;

    /// <summary>Whether the index opened empty or far behind (rebuilt, said so), rather than a few changes behind.</summary>
    private volatile bool _rebuilding;
    private string? _problem = "the precedent index is opening: its files are checked first, and a damaged one is set aside and rebuilt from the store";

    /// <summary>While an empty index is being built: the letters applied so far (any other cannot have items to delete).</summary>
    private HashSet<string>? _building;

    /// <summary>The index folder of this replica.</summary>
    public string IndexDirectory { get; } = Path.GetFullPath(indexDirectory);

    /// <summary>The last store sequence the index applied.</summary>
    public long AppliedSequence => _index?.AppliedSequence ?? 0;

    /// <summary>Items in the index (0 while it is not open).</summary>
    public int Count => _index?.Count ?? 0;

    /// <summary>Why searches are refused now, or null when they are served.</summary>
    public string? Unavailable => _index is not { } index
        ? _problem ?? "the precedent index is not open"
        : index.AppliedSequence < Interlocked.Read(ref _rebuildTarget)
            ? $"the precedent index is {(_rebuilding ? "being rebuilt from" : "catching up with")} the store: {index.AppliedSequence:N0} of {Interlocked.Read(ref _rebuildTarget):N0} changes applied"
            : null;

    /// <summary>The index to search, or why it cannot be searched now.</summary>
    public Result<PrecedentIndex, ApplicationErrorCode> ForSearch() =>
        Unavailable is { } reason
            ? Result<PrecedentIndex, ApplicationErrorCode>.Fail(ApplicationErrorCode.IndexUnavailable, reason)
            : Result<PrecedentIndex, ApplicationErrorCode>.Ok(_index!);

    /// <summary>
    /// Opens the index when needed (rebuilding a damaged one) and applies every change the store has that it has not;
    /// waits at most <paramref name="wait"/> for another catch-up in progress. True when it reached the store's last change.
    /// </summary>
    public bool CatchUp(TimeSpan wait, CancellationToken cancellationToken) => CatchUp(wait, commit: true, cancellationToken);

    /// <summary>
    /// As <see cref="CatchUp(TimeSpan, CancellationToken)"/>; without <paramref name="commit"/> the changes are searchable at
    /// once and committed by the next background catch-up (the store holds them durably meanwhile).
    /// </summary>
    public bool CatchUp(TimeSpan wait, bool commit, CancellationToken cancellationToken)
    {
        if (!_applying.Wait(wait, cancellationToken))
        {
            return false;
        }

        try
        {
            var opened = stores.Store();
            if (!opened.TryGetValue(out var store))
            {
                _problem = $"the letter store is unavailable: {opened.Error.Message}";
                return false;
            }

            if (_index is null && !OpenIndex(store))
            {
                return false;
            }

            var index = _index!;
            while (!cancellationToken.IsCancellationRequested)
            {
                var changes = store.ChangesAfter(index.AppliedSequence, ChangesPerCommit);
                if (!changes.TryGetValue(out var batch))
                {
                    _problem = changes.Error.Message;
                    return false;
                }

                if (batch.Count == 0)
                {
                    _building = null;
                    if (commit)
                    {
                        index.Commit();
                    }

                    return true;
                }

                // Large batches (a rebuild) are committed as they go, so a restart resumes near where it stopped.
                var building = _building;
                index.ApplyChanges(batch.Select(c => new IndexChange(c.LetterId, c.Letter, c.Generated)).ToList(), batch[^1].Sequence,
                    building is null ? null : letterId => !building.Add(letterId), commit: commit || batch.Count == ChangesPerCommit);
            }

            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Broken(e);
            return false;
        }
        finally
        {
            _applying.Release();
        }
    }

    /// <summary>Catches up and reports whether the index has applied <paramref name="sequence"/> (read-your-writes for an add).</summary>
    public bool WaitFor(long sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AppliedSequence < sequence && DateTime.UtcNow < deadline)
        {
            // Searchable now, committed by the background catch-up: an add pays for one fsync (the store's), not two.
            if (!CatchUp(deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, commit: false, cancellationToken)
                && AppliedSequence < sequence)
            {
                // The store or the index cannot move on right now: wait a little rather than spin.
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
            }
        }

        return AppliedSequence >= sequence;
    }

    /// <summary>
    /// Runs <paramref name="search"/> on the index, or says why it cannot: an index that fails under it (its folder deleted,
    /// its files damaged) is dropped and rebuilt from the store, and this search answers <c>IndexUnavailable</c>; one that
    /// was replaced meanwhile (a search racing a rebuild) answers the same without touching the new one.
    /// </summary>
    public Result<T, ApplicationErrorCode> Search<T>(Func<PrecedentIndex, Result<T, SearchErrorCode>> search, string? field = null)
    {
        var opened = ForSearch();
        if (!opened.TryGetValue(out var index))
        {
            return opened.FailAs<T>();
        }

        try
        {
            var found = search(index);
            return found.TryGetValue(out var value) ? value : UseCaseErrors.FromSearch(found.Error, field);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or Lucene.Net.Index.CorruptIndexException)
        {
            Broken(e, index);
            return Result<T, ApplicationErrorCode>.Fail(ApplicationErrorCode.IndexUnavailable, $"the precedent index failed and is being rebuilt from the store: {e.Message}");
        }
    }

    /// <summary>
    /// An index that failed while in use: dropped, and rebuilt from the store on the next catch-up. With
    /// <paramref name="failed"/>, only if that index is still the current one (a newer one is not dropped for an old failure).
    /// </summary>
    public void Broken(Exception exception, PrecedentIndex? failed = null)
    {
        var index = failed is null ? Interlocked.Exchange(ref _index, null) : Interlocked.CompareExchange(ref _index, null, failed) == failed ? failed : null;
        if (failed is not null && index is null)
        {
            return;
        }

        LogBroken(logger, IndexDirectory, exception.Message);
        _problem = $"the precedent index failed and is being rebuilt from the store: {exception.Message}";
        index?.Abandon();
        Quarantine();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _index?.Commit();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Whatever was not committed is applied again from the store at the next start.
        }

        if (_index is { } index)
        {
            LogClosed(logger, IndexDirectory, index.AppliedSequence);
            index.Dispose();
        }

        _applying.Dispose();
    }

    private bool OpenIndex(Store.ILetterStore store)
    {
        var opened = PrecedentIndex.Open(IndexDirectory, tuning: limits.ToSearchTuning());
        if (!opened.Success && opened.Error.Code == SearchErrorCode.IndexDamaged)
        {
            // A damaged index holds nothing the store does not: set it aside and rebuild.
            LogDamaged(logger, IndexDirectory, opened.Error.Message);
            Quarantine();
            opened = PrecedentIndex.Open(IndexDirectory, tuning: limits.ToSearchTuning());
        }

        if (!opened.TryGetValue(out var index))
        {
            _problem = opened.Error.ToString();
            return false;
        }

        var last = store.Counts();
        if (!last.TryGetValue(out var counts))
        {
            index.Dispose();
            _problem = last.Error.Message;
            return false;
        }

        // Searches (and readiness) wait until the index holds every change the store had when it opened: a replica
        // restarted after kill -9 must not answer "not found" for a letter it acknowledged before it died.
        Interlocked.Exchange(ref _rebuildTarget, counts.LastSequence);
        _rebuilding = counts.LastSequence > index.AppliedSequence + ChangesPerCommit || index.AppliedSequence == 0 && counts.LastSequence > 0;
        if (_rebuilding)
        {
            LogRebuilding(logger, IndexDirectory, index.AppliedSequence, counts.LastSequence);
        }

        _building = index.AppliedSequence == 0 && index.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : null;
        _index = index;
        _problem = null;
        return true;
    }

    private void Quarantine()
    {
        try
        {
            if (Directory.Exists(IndexDirectory))
            {
                Directory.Move(IndexDirectory, $"{IndexDirectory}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                Directory.Delete(IndexDirectory, recursive: true);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Neither moved nor deleted: the next open reports the folder as it is.
                _problem = $"the damaged index at '{IndexDirectory}' can be neither set aside nor removed: {again.Message}";
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The precedent index at {Directory} is damaged; it is set aside and rebuilt from the store: {Reason}")]
    private static partial void LogDamaged(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The precedent index at {Directory} failed; it is rebuilt from the store: {Reason}")]
    private static partial void LogBroken(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The precedent index at {Directory} is closed at sequence {Applied}")]
    private static partial void LogClosed(ILogger logger, string directory, long applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "The precedent index at {Directory} is catching up with the store: sequence {Applied} of {Target}")]
    private static partial void LogRebuilding(ILogger logger, string directory, long applied, long target);
}
