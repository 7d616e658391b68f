using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsQA.Core.Stories;

/// <summary>
/// A MinHash signature (Broder 1997): for each of k hash functions, the least hash over a text's shingles. Two
/// signatures agree at a position with probability equal to the Jaccard similarity of the shingle sets, so the share of
/// equal positions estimates it. The k functions are one shingle hash mixed with k fixed seeds (SplitMix64's
/// finalizer), so a signature is the same in every process and on every machine.
/// </summary>
public sealed class StorySignature
{
    private readonly ulong[] values;

    private StorySignature(ulong[] values, int shingles = 0)
    {
        this.values = values;
        Shingles = shingles;
    }

    /// <summary>How many shingles the text had (0 for a signature read back from a store).</summary>
    public int Shingles { get; }

    public int Length => values.Length;

    /// <summary>True when the text had no words: such a document never matches another.</summary>
    public bool IsEmpty => values.Length == 0;

    public ReadOnlySpan<ulong> Values => values;

    /// <summary>The signature of <paramref name="text"/>'s shingles with <paramref name="length"/> hash functions.</summary>
    public static StorySignature Of(string text, int shingleWords, int length)
    {
        var shingles = WordShingles.Of(text, shingleWords);
        if (shingles.Count == 0)
        {
            return new StorySignature([]);
        }

        var mins = new ulong[length];
        Array.Fill(mins, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < mins.Length; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < mins[i])
                {
                    mins[i] = h;
                }
            }
        }

        return new StorySignature(mins, shingles.Count);
    }

    /// <summary>The share of positions where both signatures agree: the estimated Jaccard similarity (0 when the lengths differ).</summary>
    public double EstimatedSimilarity(StorySignature other)
    {
        if (other.values.Length != values.Length || values.Length == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < values.Length; i++)
        {
            equal += values[i] == other.values[i] ? 1 : 0;
        }

        return (double)equal / values.Length;
    }

    /// <summary>
    /// The LSH band keys: band <c>b</c> hashes its <paramref name="rows"/> values (XxHash64 seeded with the band's
    /// number), so equal keys in one band mean equal values there, up to a 64-bit collision.
    /// </summary>
    public IReadOnlyList<StoryBand> Bands(int rows)
    {
        var bands = new StoryBand[values.Length / rows];
        for (var b = 0; b < bands.Length; b++)
        {
            var hash = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(values.AsSpan(b * rows, rows)), b);
            bands[b] = new StoryBand(b, unchecked((long)hash));
        }

        return bands;
    }

    /// <summary>The values as bytes (little-endian), as a store keeps them.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[values.Length * sizeof(ulong)];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), values[i]);
        }

        return bytes;
    }

    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        var read = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < read.Length; i++)
        {
            read[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }

        return new StorySignature(read);
    }

    /// <summary>The most hash functions a signature can have: <see cref="StoryOptions.Bands"/> × <see cref="StoryOptions.Rows"/> at their maximum.</summary>
    public const int MaxLength = 128 * 16;

    private static readonly ulong[] Seeds = Enumerable.Range(1, MaxLength).Select(i => Mix(0x9E3779B97F4A7C15UL * (ulong)i)).ToArray();

    /// <summary>SplitMix64's finalizer: a bijection of 64-bit values that spreads every input bit over the output.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>One LSH band key of a signature: the band's number and the hash of its values.</summary>
public readonly record struct StoryBand(int Band, long Hash);
