using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace NewsQA.Evaluation;

/// <summary>
/// An on-disk cache of embedding vectors for <c>newsqa eval --vector-cache DIR</c> only: a real model needs minutes to
/// embed the 1,028 distractors on this machine, and every eval run (each mode set, each language: the distractors are
/// the same) would embed them again. Keyed by model id and the SHA-256 of the exact text the model is given (prefix
/// included, so queries and passages never meet), so a vector of another model is never served; an int8 variant has its
/// own id ("-int8", scripts/quantize-int8.py). Each process appends to a file of its own under <c>DIR/&lt;model&gt;/</c>
/// and reads everyone's, so parallel evals share the folder without locks; a record cut short (a killed run) is ignored.
/// Not for the service: its store already keeps each passage's vector, embedded once.
/// </summary>
public sealed class EvalVectorCache : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly byte[] Magic = "NQVEC1\n\0"u8.ToArray();
    private const int HashBytes = 32;

    private readonly Dictionary<string, float[]> vectors = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly string folder;
    private readonly string modelId;
    private FileStream? segment;

    public EvalVectorCache(IEmbeddingGenerator<string, Embedding<float>> inner, string directory, string modelId)
        : base(inner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        this.modelId = modelId;
        folder = Path.Combine(Path.GetFullPath(directory), FolderName(modelId));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.vec"))
        {
            Load(file);
        }
    }

    /// <summary>Texts answered from the cache.</summary>
    public int Hits { get; private set; }

    /// <summary>Texts the model embedded (and the cache stored).</summary>
    public int Misses { get; private set; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var keys = texts.Select(t => Key(modelId, t)).ToList();
        var found = new float[]?[texts.Count];
        var missing = new List<int>();
        lock (gate)
        {
            var asked = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Count; i++)
            {
                if (vectors.TryGetValue(keys[i], out var v))
                {
                    found[i] = v;
                }
                else if (asked.Add(keys[i]))
                {
                    // A text repeated within the batch is embedded once.
                    missing.Add(i);
                }
            }
        }

        if (missing.Count > 0)
        {
            var embedded = await base.GenerateAsync(missing.Select(i => texts[i]).ToList(), options, cancellationToken).ConfigureAwait(false);
            if (embedded.Count != missing.Count)
            {
                // Nothing is stored: the caller's own count check reports the model's fault.
                return embedded;
            }

            lock (gate)
            {
                for (var m = 0; m < missing.Count; m++)
                {
                    var vector = embedded[m].Vector.ToArray();
                    found[missing[m]] = vector;
                    if (vectors.TryAdd(keys[missing[m]], vector))
                    {
                        Append(keys[missing[m]], vector);
                    }
                }

                segment!.Flush();
            }
        }

        lock (gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                found[i] ??= vectors[keys[i]];
            }

            Hits += texts.Count - missing.Count;
            Misses += missing.Count;
        }

        return new GeneratedEmbeddings<Embedding<float>>(found.Select(v => new Embedding<float>(v!)));
    }

    /// <summary>Closes this process's file; the model itself belongs to whoever made it (the container), so it stays open.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (gate)
            {
                segment?.Dispose();
                segment = null;
            }
        }
    }

    /// <summary>The cache key: SHA-256 over model id and text, hex.</summary>
    internal static string Key(string modelId, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    /// <summary>A file-system-safe folder per model id (ids hold '/' in hub form), with a hash so two ids never share one.</summary>
    private static string FolderName(string modelId)
    {
        var safe = new string(modelId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
        return $"{safe}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(modelId)))[..8]}";
    }

    private void Append(string key, float[] vector)
    {
        if (segment is null)
        {
            segment = new FileStream(Path.Combine(folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.vec"), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            segment.Write(Magic);
        }

        var record = new byte[HashBytes + sizeof(int) + (vector.Length * sizeof(float))];
        Convert.FromHexString(key).CopyTo(record, 0);
        BitConverter.TryWriteBytes(record.AsSpan(HashBytes), vector.Length);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(record.AsSpan(HashBytes + sizeof(int)));
        segment.Write(record);
    }

    private void Load(string file)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (IOException)
        {
            return; // another process is still creating it; its vectors are embedded again, not lost
        }

        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return;
        }

        var at = Magic.Length;
        while (at + HashBytes + sizeof(int) <= bytes.Length)
        {
            var dimensions = BitConverter.ToInt32(bytes, at + HashBytes);
            var end = at + HashBytes + sizeof(int) + ((long)dimensions * sizeof(float));
            if (dimensions <= 0 || end > bytes.Length)
            {
                return; // a record cut short: the rest of this file is not trusted
            }

            var vector = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(at + HashBytes + sizeof(int), dimensions * sizeof(float))).ToArray();
            vectors.TryAdd(Convert.ToHexString(bytes, at, HashBytes), vector);
            at = (int)end;
        }
    }
}
