using System.Numerics.Tensors;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// All chunk vectors in one contiguous row-major float matrix, searched by exact scan: for the sizes an
/// embedded store serves, a cache-friendly scan with SIMD dot products (TensorPrimitives) beats an ANN
/// structure's upkeep and has perfect recall. Removal swaps the last row into the hole to stay dense.
/// Not thread-safe on its own; the store guards it with a reader/writer lock.
/// </summary>
internal sealed class DenseIndex
{
    private float[] matrix = [];
    private long[] rowIds = [];
    private string[] documentIds = [];
    private readonly Dictionary<long, int> slotOf = [];

    public int Dimensions { get; private set; }

    public int Count { get; private set; }

    public void Add(long rowId, string documentId, ReadOnlySpan<float> vector)
    {
        if (Dimensions == 0)
        {
            Dimensions = vector.Length;
        }
        else if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Vector has {vector.Length} dimensions; the index holds {Dimensions}.", nameof(vector));
        }

        EnsureCapacity(Count + 1);
        vector.CopyTo(matrix.AsSpan(Count * Dimensions, Dimensions));
        rowIds[Count] = rowId;
        documentIds[Count] = documentId;
        slotOf[rowId] = Count;
        Count++;
    }

    public void Remove(long rowId)
    {
        if (!slotOf.Remove(rowId, out var slot))
        {
            return;
        }

        var last = Count - 1;
        if (slot != last)
        {
            matrix.AsSpan(last * Dimensions, Dimensions).CopyTo(matrix.AsSpan(slot * Dimensions, Dimensions));
            rowIds[slot] = rowIds[last];
            documentIds[slot] = documentIds[last];
            slotOf[rowIds[slot]] = slot;
        }

        documentIds[last] = null!;
        Count--;
    }

    /// <summary>Forgets every vector (and the dimension, so vectors of a new model can follow).</summary>
    public void Clear()
    {
        slotOf.Clear();
        Array.Clear(documentIds);
        Count = 0;
        Dimensions = 0;
        matrix = [];
        rowIds = [];
        documentIds = [];
    }

    /// <summary>The <paramref name="top"/> rows most similar to <paramref name="query"/> among those whose document passes <paramref name="allowed"/>.</summary>
    public List<(long RowId, float Score)> Search(ReadOnlySpan<float> query, Func<string, bool>? allowed, int top)
    {
        if (Count == 0 || top <= 0)
        {
            return [];
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Query has {query.Length} dimensions; the index holds {Dimensions}.", nameof(query));
        }

        var heap = new PriorityQueue<int, float>(top + 1);
        var allowedCache = allowed is null ? null : new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var row = 0; row < Count; row++)
        {
            if (allowedCache is not null)
            {
                var doc = documentIds[row];
                if (!allowedCache.TryGetValue(doc, out var ok))
                {
                    ok = allowed!(doc);
                    allowedCache[doc] = ok;
                }

                if (!ok)
                {
                    continue;
                }
            }

            var score = TensorPrimitives.Dot(query, matrix.AsSpan(row * Dimensions, Dimensions));
            if (heap.Count < top)
            {
                heap.Enqueue(row, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(row, score);
            }
        }

        var result = new List<(long, float)>(heap.Count);
        while (heap.TryDequeue(out var row, out var score))
        {
            result.Add((rowIds[row], score));
        }

        result.Reverse();
        return result;
    }

    private void EnsureCapacity(int rows)
    {
        if (rowIds.Length >= rows)
        {
            return;
        }

        var capacity = Math.Max(rows, Math.Max(1024, rowIds.Length * 2));
        Array.Resize(ref matrix, capacity * Dimensions);
        Array.Resize(ref rowIds, capacity);
        Array.Resize(ref documentIds, capacity);
    }
}
