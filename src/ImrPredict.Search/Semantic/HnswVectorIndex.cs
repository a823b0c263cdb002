using Cloud.Unum.USearch;

namespace ImrPredict.Search.Semantic;

/// <summary>
/// Approximate search over an HNSW graph (USearch): a few hundred dot products per query however many vectors, at the price of
/// the graph's memory and an occasional missed neighbour. For a million vectors and more, where exact search is too slow.
/// </summary>
public sealed class HnswVectorIndex : IVectorIndex
{
    private readonly ReadWriteGate _gate = new();
    private readonly USearchIndex _graph;
    private readonly Dictionary<string, ulong> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> _ids = [];
    private readonly int _dimensions;
    private ulong _nextKey;

    /// <summary>An empty graph; <paramref name="expansionSearch"/> trades speed for recall at query time.</summary>
    public HnswVectorIndex(int dimensions = SentenceEmbedder.Dimensions, int connectivity = 16, int expansionAdd = 128, int expansionSearch = 128)
    {
        _dimensions = dimensions;
        _graph = new USearchIndex(MetricKind.Ip, ScalarKind.Float32, (ulong)dimensions, (ulong)connectivity, (ulong)expansionAdd, (ulong)expansionSearch, false);
    }

    /// <inheritdoc />
    public int Count => _gate.Read(() => _keys.Count);

    /// <inheritdoc />
    public long MemoryBytes => _gate.Read(() =>
    {
        // Vectors, plus about two links of 4 bytes per connectivity at the base level, plus the id maps.
        var size = (long)_graph.Size();
        return (size * _dimensions * sizeof(float)) + (size * (long)_graph.Connectivity() * 2 * 4) + (_keys.Count * 128L);
    });

    /// <inheritdoc />
    public bool Approximate => true;

    /// <inheritdoc />
    public void Upsert(string id, float[] vector)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, _dimensions, nameof(vector));
        _gate.Write(() =>
        {
            if (_keys.Remove(id, out var old))
            {
                _graph.Remove(old);
                _ids.Remove(old);
            }

            var key = _nextKey++;
            _graph.Add(key, vector);
            _keys[id] = key;
            _ids[key] = id;
        });
    }

    /// <inheritdoc />
    public bool Remove(string id) => _gate.Write(() =>
    {
        if (!_keys.Remove(id, out var key))
        {
            return false;
        }

        _graph.Remove(key);
        _ids.Remove(key);
        return true;
    });

    /// <inheritdoc />
    public bool Contains(string id) => _gate.Read(() => _keys.ContainsKey(id));

    /// <inheritdoc />
    public IReadOnlyList<VectorHit> Nearest(float[] query, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, _dimensions, nameof(query));
        if (k <= 0)
        {
            return [];
        }

        return _gate.Read(() =>
        {
            var found = _graph.Search(query, k, out var keys, out var distances);
            var hits = new List<VectorHit>(found);
            for (var i = 0; i < found; i++)
            {
                if (_ids.TryGetValue(keys[i], out var id))
                {
                    // The inner-product "distance" is 1 - dot.
                    hits.Add(new VectorHit(id, 1 - distances[i]));
                }
            }

            return (IReadOnlyList<VectorHit>)hits;
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _graph.Dispose();
        _gate.Dispose();
    }
}
