using System.Diagnostics;
using ImrPredict.Application.Storage;
using ImrPredict.Core.Letters;
using ImrPredict.Search;
using ImrPredict.Search.Semantic;
using ImrPredict.Store.Vectors;
using Microsoft.Extensions.Logging;

namespace ImrPredict.Application.Precedents;

/// <summary>
/// This replica's precedent vectors: follows the store's changes as the precedent index does, takes each item's vector from
/// the store when one was kept for the same text (another replica or an earlier run embedded it), embeds the rest in batches
/// and keeps them in the store, and holds all of them in a nearest-neighbour index for searches. Until every item of the index
/// has its vector, searches are answered by their words.
/// </summary>
public sealed partial class PrecedentVectors(LetterStoreHost stores, PrecedentView view, SemanticOptions options, ILogger<PrecedentVectors> logger) : IDisposable
{
    private const int ChangesPerBatch = 200;

    private readonly Dictionary<string, int> _itemCounts = new(StringComparer.Ordinal);
    private SentenceEmbedder? _embedder;
    private IVectorIndex? _index;
    private long _sequence;
    private long _embeddedHere;
    private bool _loadFailed;
    private volatile bool _caughtUp;

    /// <summary>Why semantic search cannot answer at all (disabled, or the model did not load); null when it can or will.</summary>
    public string? Problem { get; private set; }

    /// <summary>Items with a vector in this replica's nearest-neighbour index.</summary>
    public int Embedded => _index?.Count ?? 0;

    /// <summary>Items of the precedent index still without a vector here.</summary>
    public int Pending => Math.Max(0, view.Count - Embedded);

    /// <summary>Items this replica embedded itself since it started (the rest came from the store).</summary>
    public long EmbeddedHere => Interlocked.Read(ref _embeddedHere);

    /// <summary>
    /// Whether searches may use the vectors: the model loaded and every item of the index had its vector once (letters added
    /// later are embedded within seconds; meanwhile a hybrid search finds them by their words).
    /// </summary>
    public bool Ready => options.Enabled && _embedder is not null && _index is not null && view.Unavailable is null && (_caughtUp || (_caughtUp = Pending == 0 && view.Count > 0));

    /// <summary>The mode a search runs in when it names none: lexical when search by meaning is turned off.</summary>
    public SearchMode DefaultMode => options.Enabled ? SearchModes.Parse(options.DefaultMode) ?? SearchMode.Hybrid : SearchMode.Lexical;

    /// <summary>
    /// The nearest-neighbour candidates for a search in <paramref name="mode"/>, the query embedded once (<paramref name="text"/>,
    /// <see cref="EmbeddingText"/>); null with the reason when the search must be answered by its words.
    /// </summary>
    public (SemanticCandidates? Candidates, string? NotReady) Candidates(SearchMode mode, string text)
    {
        if (mode == SearchMode.Lexical)
        {
            return (null, null);
        }

        if (!Ready)
        {
            var why = Problem ?? $"{Embedded:N0} of {Embedded + Pending:N0} precedents are embedded so far";
            return (null, $"searched by words only: search by meaning is not ready ({why})");
        }

        float[] vector;
        try
        {
            vector = _embedder!.Embed(text);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            // The model failed on this query: the search still answers, by its words, and says why.
            return (null, $"searched by words only: the query could not be embedded ({e.Message})");
        }

        var index = _index!;
        return (new SemanticCandidates(mode, k => index.Nearest(vector, k)), null);
    }

    /// <summary>
    /// Applies up to one batch of store changes to the vectors; true when there may be more to do. Called by the background
    /// filler only (one thread).
    /// </summary>
    public bool FillNext(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            Problem = "search by meaning is turned off (ImrPredict:Semantic:Enabled)";
            return false;
        }

        if (!EnsureLoaded())
        {
            return false;
        }

        var opened = stores.Store();
        if (!opened.TryGetValue(out var store))
        {
            return false;
        }

        var read = store.ChangesAfter(_sequence, ChangesPerBatch);
        if (!read.TryGetValue(out var changes) || changes.Count == 0)
        {
            return false;
        }

        var wanted = new List<(string LetterId, int Item, string Text, string Digest)>();
        foreach (var change in changes)
        {
            var previous = _itemCounts.GetValueOrDefault(change.LetterId);
            var items = change.Letter?.Items ?? [];
            for (var i = items.Count; i < previous; i++)
            {
                _index!.Remove(PrecedentIds.Of(change.LetterId, i));
            }

            if (items.Count == 0)
            {
                _itemCounts.Remove(change.LetterId);
                continue;
            }

            _itemCounts[change.LetterId] = items.Count;
            foreach (var item in items)
            {
                var text = EmbeddingText.ForPrecedent(item);
                wanted.Add((change.LetterId, item.Index, text, EmbeddingText.Digest(text)));
            }
        }

        var kept = store.Vectors.For(wanted.Select(w => w.LetterId).Distinct().ToList(), SentenceEmbedder.ModelId);
        if (!kept.TryGetValue(out var stored))
        {
            LogStoreProblem(logger, kept.Error.Message);
            return false;
        }

        var byKey = stored.ToDictionary(v => (v.LetterId, v.ItemIndex));
        var missing = new List<(string LetterId, int Item, string Text, string Digest)>();
        foreach (var want in wanted)
        {
            if (byKey.TryGetValue((want.LetterId, want.Item), out var vector) && vector.TextDigest == want.Digest)
            {
                _index!.Upsert(PrecedentIds.Of(want.LetterId, want.Item), vector.Vector);
            }
            else
            {
                missing.Add(want);
            }
        }

        foreach (var batch in missing.Chunk(options.BatchSize))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var vectors = _embedder!.Embed(batch.Select(b => b.Text).ToList());
            var fresh = batch.Select((b, k) => new StoredVector(b.LetterId, b.Item, SentenceEmbedder.ModelId, b.Digest, vectors[k])).ToList();
            var put = store.Vectors.Put(fresh);
            if (!put.Success)
            {
                // Not kept: embedded again after a restart. The search still gets them now.
                LogStoreProblem(logger, put.Error.Message);
            }

            foreach (var vector in fresh)
            {
                _index!.Upsert(PrecedentIds.Of(vector.LetterId, vector.ItemIndex), vector.Vector);
            }

            Interlocked.Add(ref _embeddedHere, fresh.Count);
        }

        _sequence = changes[^1].Sequence;
        return changes.Count == ChangesPerBatch;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _index?.Dispose();
        _embedder?.Dispose();
    }

    private bool EnsureLoaded()
    {
        if (_embedder is not null && _index is not null)
        {
            return true;
        }

        if (_loadFailed)
        {
            return false;
        }

        var watch = Stopwatch.StartNew();
        var loaded = SentenceEmbedder.Load(options.Threads);
        if (!loaded.TryGetValue(out var embedder))
        {
            _loadFailed = true;
            Problem = loaded.Error.Message;
            LogModelFailed(logger, loaded.Error.Message);
            return false;
        }

        var approximate = view.Count > options.ApproximateAbove;
        _index = approximate ? new HnswVectorIndex() : new ExactVectorIndex();
        _embedder = embedder;
        LogModelLoaded(logger, SentenceEmbedder.ModelId, watch.ElapsedMilliseconds, approximate ? "an approximate HNSW graph" : "exact search");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Model} embedding model is loaded in {Milliseconds} ms; precedent vectors use {Search}")]
    private static partial void LogModelLoaded(ILogger logger, string model, long milliseconds, string search);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search by meaning is unavailable; searches are answered by their words: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Precedent vectors cannot be read from or kept in the store; retried: {Reason}")]
    private static partial void LogStoreProblem(ILogger logger, string reason);
}
