using System.Text;

namespace NewsQA.Core.Search.Embedding;

/// <summary>
/// The most recently used query vectors, keyed by model id and normalised query text, so a repeated question (widget
/// readers ask the same ones) skips the encoder: a hit costs a dictionary look-up instead of a model run.
/// Normalisation is only what cannot change the model's input meaningfully: Unicode NFC, trimmed, runs of white
/// space as one space. Case is kept: cased models (e5) embed "Wahl" and "wahl" differently.
/// Thread-safe; capacity 0 disables it. Vectors are shared between callers and must not be written to.
/// </summary>
public sealed class QueryVectorCache
{
    private readonly int _capacity;
    private readonly Dictionary<(string Model, string Text), LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();

    public QueryVectorCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    public int Capacity => _capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    public static string Normalize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public bool TryGet(string modelId, string query, out ReadOnlyMemory<float> vector)
    {
        vector = default;
        if (_capacity == 0)
        {
            return false;
        }

        var key = (modelId, Normalize(query));
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            vector = node.Value.Vector;
            return true;
        }
    }

    public void Add(string modelId, string query, ReadOnlyMemory<float> vector)
    {
        if (_capacity == 0)
        {
            return;
        }

        var key = (modelId, Normalize(query));
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
            }
            else if (_map.Count == _capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _map.Remove(oldest.Value.Key);
            }

            var node = _recency.AddFirst(new Entry(key, vector));
            _map[key] = node;
        }
    }

    private sealed record Entry((string Model, string Text) Key, ReadOnlyMemory<float> Vector);
}
