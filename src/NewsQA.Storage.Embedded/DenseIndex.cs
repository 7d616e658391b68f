using System.Numerics.Tensors;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// All chunk vectors in one contiguous row-major float matrix, searched by exact scan: for the sizes an
/// embedded store serves, a cache-friendly scan with SIMD dot products (TensorPrimitives) beats an ANN
/// structure's upkeep and has perfect recall. Removal swaps the last row into the hole to stay dense.
/// From <see cref="QuantizedFrom"/> rows on, the scan reads an int8 copy of the matrix instead (a quarter of
/// the bytes: the float scan is memory-bound) to pick <c>top × RescoreFactor</c> candidates, which are then
/// rescored with the float vectors; from <see cref="ParallelFrom"/> rows on, the scan is split across cores.
/// Not thread-safe on its own; the store guards it with a reader/writer lock.
/// </summary>
internal sealed class DenseIndex(int quantizedFrom = DenseIndex.DefaultQuantizedFrom, int rescoreFactor = DenseIndex.DefaultRescoreFactor, int parallelFrom = DenseIndex.DefaultParallelFrom)
{
    public const int DefaultQuantizedFrom = 20_000;
    public const int DefaultRescoreFactor = 4;
    public const int DefaultParallelFrom = 200_000;

    private float[] matrix = [];
    private sbyte[] quantized = [];
    private float[] scales = [];
    private long[] rowIds = [];
    private string[] documentIds = [];
    private readonly Dictionary<long, int> slotOf = [];

    public int Dimensions { get; private set; }

    public int Count { get; private set; }

    /// <summary>Row count from which searches pre-select candidates on the int8 copy (int.MaxValue: always exact).</summary>
    public int QuantizedFrom { get; set; } = quantizedFrom;

    public int RescoreFactor { get; } = Math.Max(1, rescoreFactor);

    /// <summary>Row count from which one search scans partitions on several threads.</summary>
    public int ParallelFrom { get; set; } = parallelFrom;

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
        scales[Count] = Int8Vectors.Quantize(vector, quantized.AsSpan(Count * Dimensions, Dimensions));
        rowIds[Count] = rowId;
        // One string per run of a document's rows (a load reads a new one per row), so the scan's filter memo can
        // tell a run by reference.
        documentIds[Count] = Count > 0 && string.Equals(documentIds[Count - 1], documentId, StringComparison.Ordinal) ? documentIds[Count - 1] : documentId;
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
            quantized.AsSpan(last * Dimensions, Dimensions).CopyTo(quantized.AsSpan(slot * Dimensions, Dimensions));
            scales[slot] = scales[last];
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
        quantized = [];
        scales = [];
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

        var quantizedScan = Count >= QuantizedFrom;
        var candidates = quantizedScan ? Math.Min(Count, top * RescoreFactor) : top;
        var query8 = quantizedScan ? new sbyte[Dimensions] : [];
        var queryScale = quantizedScan ? Int8Vectors.Quantize(query, query8) : 0;
        var queryCopy = query.ToArray();

        List<(int Row, float Score)> Scan(int from, int to) => quantizedScan
            ? ScanQuantized(query8, queryScale, allowed is null ? null : new AllowedMemo(allowed), from, to, candidates)
            : ScanExact(queryCopy, allowed is null ? null : new AllowedMemo(allowed), from, to, candidates);

        List<(int Row, float Score)> found;
        if (Count >= ParallelFrom && Environment.ProcessorCount > 1)
        {
            var parts = Environment.ProcessorCount;
            var size = (Count + parts - 1) / parts;
            var partial = new List<(int Row, float Score)>[parts];
            Parallel.For(0, parts, p => partial[p] = Scan(p * size, Math.Min(Count, (p + 1) * size)));
            found = [.. partial.SelectMany(x => x)];
        }
        else
        {
            found = Scan(0, Count);
        }

        if (quantizedScan)
        {
            // Rescore the int8 candidates with the float vectors, so returned scores are exact.
            for (var i = 0; i < found.Count; i++)
            {
                var row = found[i].Row;
                found[i] = (row, TensorPrimitives.Dot(query, matrix.AsSpan(row * Dimensions, Dimensions)));
            }
        }

        found.Sort((a, b) => b.Score.CompareTo(a.Score));
        var result = new List<(long, float)>(Math.Min(top, found.Count));
        for (var i = 0; i < found.Count && i < top; i++)
        {
            result.Add((rowIds[found[i].Row], found[i].Score));
        }

        return result;
    }

    private List<(int Row, float Score)> ScanExact(float[] query, AllowedMemo? allowed, int from, int to, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        var dims = Dimensions;
        for (var row = from; row < to; row++)
        {
            if (allowed is not null && !allowed.Allows(documentIds[row]))
            {
                continue;
            }

            Offer(heap, top, row, TensorPrimitives.Dot(query, matrix.AsSpan(row * dims, dims)));
        }

        return Drain(heap);
    }

    private List<(int Row, float Score)> ScanQuantized(sbyte[] query, float queryScale, AllowedMemo? allowed, int from, int to, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        var dims = Dimensions;
        for (var row = from; row < to; row++)
        {
            if (allowed is not null && !allowed.Allows(documentIds[row]))
            {
                continue;
            }

            Offer(heap, top, row, Int8Vectors.Dot(query, quantized.AsSpan(row * dims, dims)) * scales[row] * queryScale);
        }

        return Drain(heap);
    }

    private static void Offer(PriorityQueue<int, float> heap, int top, int row, float score)
    {
        if (heap.Count < top)
        {
            heap.Enqueue(row, score);
        }
        else if (heap.TryPeek(out _, out var worst) && score > worst)
        {
            heap.DequeueEnqueue(row, score);
        }
    }

    private static List<(int Row, float Score)> Drain(PriorityQueue<int, float> heap)
    {
        var list = new List<(int, float)>(heap.Count);
        while (heap.TryDequeue(out var row, out var score))
        {
            list.Add((row, score));
        }

        return list;
    }

    /// <summary>Room for <paramref name="rows"/> rows in one allocation; a load that knows its row count spares the doubling's copies.</summary>
    public void Reserve(int rows) => EnsureCapacity(rows);

    private void EnsureCapacity(int rows)
    {
        if (rowIds.Length >= rows)
        {
            return;
        }

        var capacity = Math.Max(rows, Math.Max(1024, rowIds.Length * 2));
        Array.Resize(ref matrix, capacity * Dimensions);
        Array.Resize(ref quantized, capacity * Dimensions);
        Array.Resize(ref scales, capacity);
        Array.Resize(ref rowIds, capacity);
        Array.Resize(ref documentIds, capacity);
        slotOf.EnsureCapacity(capacity);
    }

    /// <summary>
    /// Asks the filter once per run of rows of one document: a document's chunks are added one after another and share
    /// one id string (<see cref="Add"/>), so the scan meets them in a row and the verdict carries over by a reference
    /// comparison. A run split by removals asks again, which is only slower. One per scanning thread.
    /// </summary>
    private sealed class AllowedMemo(Func<string, bool> allowed)
    {
        private string? lastDocument;
        private bool lastVerdict;

        public bool Allows(string documentId)
        {
            if (!ReferenceEquals(documentId, lastDocument))
            {
                lastVerdict = allowed(documentId);
                lastDocument = documentId;
            }

            return lastVerdict;
        }
    }
}
