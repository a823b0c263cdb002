using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace ImrPredict.Search;

/// <summary>
/// The precedent index: one Lucene document per disputed item (<see cref="PrecedentSchema"/>). Adds are committed
/// before they return, so an acknowledged letter survives a crash; re-adding a letter replaces its items. Searches
/// go through a <see cref="SearcherManager"/> (acquire, release), so they run while letters are added. This file
/// holds the index's lifecycle; the searches are in <c>PrecedentIndex.Searching.cs</c>.
/// </summary>
public sealed partial class PrecedentIndex : IDisposable
{
    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Analyzer _analyzer;
    private readonly SearchProfile _profile;
    private readonly PrecedentQueryBuilder _queries;
    private readonly object _writeGate = new();
    private readonly FilterCache _filterCache = new();

    private PrecedentIndex(Directory directory, IndexWriter writer, Analyzer analyzer, SearchProfile profile, SearchTuning tuning)
    {
        _directory = directory;
        _writer = writer;
        _analyzer = analyzer;
        _profile = profile;
        Tuning = tuning;
        _queries = new PrecedentQueryBuilder(analyzer, profile, tuning);
        _searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
        AppliedSequence = writer.CommitData is { } data && data.TryGetValue(SequenceKey, out var applied)
            && long.TryParse(applied, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;
        _writtenSequence = AppliedSequence;
        CommittedSequence = AppliedSequence;
    }

    /// <summary>The last sequence handed to the writer; searchable (<see cref="AppliedSequence"/>) once the searcher is refreshed.</summary>
    private long _writtenSequence;

    /// <summary>The search settings this index runs with.</summary>
    public SearchTuning Tuning { get; }

    /// <summary>The key of the applied store sequence in the Lucene commit's user data.</summary>
    public const string SequenceKey = "storeSequence";

    /// <summary>The key of the document schema's version (<see cref="PrecedentSchema.Version"/>) in the commit's user data.</summary>
    public const string SchemaKey = "schemaVersion";

    /// <summary>
    /// The last store sequence applied and searchable (0 for an index that never applied changes). The durable one,
    /// <see cref="CommittedSequence"/>, is kept in the Lucene commit itself, so the index and its position in the store
    /// can never disagree after a crash.
    /// </summary>
    public long AppliedSequence { get; private set; }

    /// <summary>Items in the index.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Opens (or creates) an index folder. A damaged index is refused at open; a folder locked by another
    /// writer is reported as such.
    /// </summary>
    public static Result<PrecedentIndex, SearchErrorCode> Open(string folder, SearchProfile profile = SearchProfile.Tuned, SearchTuning? tuning = null)
    {
        NIOFSDirectory? directory = null;
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            directory = new NIOFSDirectory(folder);
            return Open(directory, profile, tuning ?? SearchTuning.Default, checkExisting: DirectoryReader.IndexExists(directory), location: folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            return Result<PrecedentIndex, SearchErrorCode>.Fail(SearchErrorCode.IndexDamaged, $"the index folder '{folder}' cannot be opened: {e.Message}");
        }
    }

    /// <summary>An index in memory (tests, evaluations).</summary>
    public static PrecedentIndex InMemory(SearchProfile profile = SearchProfile.Tuned, SearchTuning? tuning = null) =>
        Open(new RAMDirectory(), profile, tuning ?? SearchTuning.Default, checkExisting: false, location: "memory").Value;

    private static Result<PrecedentIndex, SearchErrorCode> Open(Directory directory, SearchProfile profile, SearchTuning tuning, bool checkExisting, string location)
    {
        Analyzer analyzer = profile == SearchProfile.Tuned ? new ImrAnalyzer() : new StandardAnalyzer(SearchVersion.Lucene);
        try
        {
            if (checkExisting)
            {
                // Open a reader first: a damaged segment fails here, before anything is served or written. Reading a few
                // documents finds a cut file; bytes damaged in place (the file keeps its size) only fail the checksums that
                // every Lucene 4.8 file ends with, so each segment's files are checked whole (a sequential read, about a
                // second per GB).
                using var reader = DirectoryReader.Open(directory);
                for (var i = 0; i < Math.Min(reader.MaxDoc, 3); i++)
                {
                    _ = reader.Document(i);
                }

                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
            }

            var config = new IndexWriterConfig(SearchVersion.Lucene, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 64,
            };
            var writer = new IndexWriter(directory, config);
            StartOverIfOlder(writer);
            return new PrecedentIndex(directory, writer, analyzer, profile, tuning);
        }
        catch (LockObtainFailedException e)
        {
            analyzer.Dispose();
            directory.Dispose();
            return Result<PrecedentIndex, SearchErrorCode>.Fail(SearchErrorCode.IndexLocked, $"the index at '{location}' is locked by another writer: {e.Message}");
        }
        catch (Exception e) when (e is CorruptIndexException or IOException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException or ArgumentException)
        {
            analyzer.Dispose();
            directory.Dispose();
            return Result<PrecedentIndex, SearchErrorCode>.Fail(SearchErrorCode.IndexDamaged, $"the index at '{location}' is damaged and will not be served: {e.Message}");
        }
    }

    /// <summary>
    /// Adds letters, replacing any items already indexed for the same letter ids, and commits. When this returns,
    /// the letters are durable and visible to new searches.
    /// </summary>
    public int AddLetters(IEnumerable<ImrLetter> letters)
    {
        var items = 0;
        lock (_writeGate)
        {
            foreach (var letter in letters)
            {
                _writer.DeleteDocuments(new Term(PrecedentSchema.LetterId, letter.LetterId));
                var criteria = CriteriaFacets.Of(letter);
                for (var i = 0; i < letter.Items.Count; i++)
                {
                    _writer.AddDocument(PrecedentSchema.ToDocument(letter, letter.Items[i], criteria: criteria[i]));
                    items++;
                }
            }

            _writer.Commit();
        }

        _searchers.MaybeRefreshBlocking();
        _queries.ClearCache();
        return items;
    }

    /// <summary>
    /// Applies store changes in order (each replaces its letter's items, or removes them). With <paramref name="commit"/> they
    /// are committed together with <paramref name="sequence"/>, the last change's sequence, so after a crash the index resumes
    /// from exactly what it committed; without it they are searchable at once (near-real-time) and made durable by a later
    /// <see cref="Commit"/>, which is safe for an index derived from a store. <paramref name="mayExist"/> says whether a letter
    /// can already have items here (a rebuild knows most cannot, and skipping their deletes is most of its speed); without it
    /// every change deletes first.
    /// </summary>
    public int ApplyChanges(IReadOnlyList<IndexChange> changes, long sequence, Func<string, bool>? mayExist = null, bool commit = true)
    {
        var items = 0;
        lock (_writeGate)
        {
            foreach (var change in changes)
            {
                if (mayExist?.Invoke(change.LetterId) ?? true)
                {
                    _writer.DeleteDocuments(new Term(PrecedentSchema.LetterId, change.LetterId));
                }

                if (change.Letter is { } letter)
                {
                    var criteria = CriteriaFacets.Of(letter);
                    for (var i = 0; i < letter.Items.Count; i++)
                    {
                        _writer.AddDocument(PrecedentSchema.ToDocument(letter, letter.Items[i], change.Generated, criteria[i]));
                        items++;
                    }
                }
            }

            _writtenSequence = sequence;
            if (commit)
            {
                CommitLocked();
            }
        }

        _searchers.MaybeRefreshBlocking();
        _queries.ClearCache();
        lock (_writeGate)
        {
            // Only now can a search see the changes: an add waiting for its sequence (read-your-writes) or a readiness probe
            // must not be told the index has them while the searcher still shows the older state.
            AppliedSequence = Math.Max(AppliedSequence, sequence);
        }

        return items;
    }

    /// <summary>The last store sequence made durable in a Lucene commit.</summary>
    public long CommittedSequence { get; private set; }

    /// <summary>Commits what was applied, with its store sequence; nothing when all is committed.</summary>
    public void Commit()
    {
        lock (_writeGate)
        {
            if (CommittedSequence != _writtenSequence)
            {
                CommitLocked();
            }
        }
    }

    /// <summary>
    /// An index whose documents were written under an older schema is emptied, its sequence back to 0: the service then
    /// rebuilds it from the store (the index is derived; the store holds everything).
    /// </summary>
    private static void StartOverIfOlder(IndexWriter writer)
    {
        var data = writer.CommitData;
        var version = data is not null && data.TryGetValue(SchemaKey, out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        if (version >= PrecedentSchema.Version && data is not null)
        {
            return;
        }

        writer.DeleteAll();
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = "0",
            [SchemaKey] = PrecedentSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    private void CommitLocked()
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = _writtenSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SchemaKey] = PrecedentSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        CommittedSequence = _writtenSequence;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Lets go of an index that failed under the service (its folder deleted or damaged): nothing is committed, and the
    /// write lock is released even when the files are gone, so the same folder can be rebuilt at once by this process.
    /// Whatever was not committed is in the store.
    /// </summary>
    public void Abandon()
    {
        foreach (var release in new Action[] { _searchers.Dispose, _writer.Rollback, _analyzer.Dispose, _directory.Dispose })
        {
            try
            {
                release();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Already broken: each part is let go of on its own, so one failing does not keep the lock held.
            }
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
