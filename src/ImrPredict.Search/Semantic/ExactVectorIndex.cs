using System.Numerics.Tensors;

namespace ImrPredict.Search.Semantic;

/// <summary>
/// Exact search: a dot product with every vector (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>,
/// SIMD), kept in one contiguous array. Below a few hundred thousand vectors this is fast enough and never misses a neighbour.
/// </summary>
public sealed class ExactVectorIndex : IVectorIndex
{
    private readonly ReadWriteGate _gate = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private readonly int _dimensions;
    private float[] _vectors;
    private string?[] _ids;

    /// <summary>An empty index of vectors <paramref name="dimensions"/> long.</summary>
    public ExactVectorIndex(int dimensions = SentenceEmbedder.Dimensions, int capacity = 1024)
    {
        _dimensions = dimensions;
        _vectors = new float[Math.Max(1, capacity) * dimensions];
        _ids = new string?[Math.Max(1, capacity)];
    }

    /// <inheritdoc />
    public int Count => _gate.Read(() => _slots.Count);

    /// <inheritdoc />
    public long MemoryBytes => (_vectors.LongLength * sizeof(float)) + (_ids.LongLength * 64);

    /// <inheritdoc />
    public bool Approximate => false;

    /// <summary>Every id and its vector (a copy), for moving to another index.</summary>
    public IEnumerable<(string Id, float[] Vector)> All() =>
        _gate.Read(() => _slots.Select(pair => (pair.Key, _vectors.AsSpan(pair.Value * _dimensions, _dimensions).ToArray())).ToList());

    /// <inheritdoc />
    public void Upsert(string id, float[] vector)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, _dimensions, nameof(vector));
        _gate.Write(() =>
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                slot = _free.Count > 0 ? _free.Pop() : _slots.Count;
                if (slot >= _ids.Length)
                {
                    Array.Resize(ref _ids, _ids.Length * 2);
                    Array.Resize(ref _vectors, _ids.Length * _dimensions);
                }

                _slots[id] = slot;
                _ids[slot] = id;
            }

            vector.CopyTo(_vectors.AsSpan(slot * _dimensions, _dimensions));
        });
    }

    /// <inheritdoc />
    public bool Remove(string id) => _gate.Write(() =>
    {
        if (!_slots.Remove(id, out var slot))
        {
            return false;
        }

        _ids[slot] = null;
        _free.Push(slot);
        return true;
    });

    /// <inheritdoc />
    public bool Contains(string id) => _gate.Read(() => _slots.ContainsKey(id));

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
            // A min-heap of the best k so far: its root is the one to beat.
            var best = new PriorityQueue<int, float>(k + 1);
            var used = _slots.Count + _free.Count;
            for (var slot = 0; slot < used; slot++)
            {
                if (_ids[slot] is null)
                {
                    continue;
                }

                var score = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * _dimensions, _dimensions));
                if (best.Count < k)
                {
                    best.Enqueue(slot, score);
                }
                else if (best.TryPeek(out _, out var worst) && score > worst)
                {
                    best.DequeueEnqueue(slot, score);
                }
            }

            var hits = new VectorHit[best.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                best.TryDequeue(out var slot, out var score);
                hits[i] = new VectorHit(_ids[slot]!, score);
            }

            return (IReadOnlyList<VectorHit>)hits;
        });
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
