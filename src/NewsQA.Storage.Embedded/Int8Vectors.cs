using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsQA.Storage.Embedded;

/// <summary>
/// Symmetric per-vector int8 scalar quantization: <c>q[i] = round(v[i] / s)</c> with <c>s = max|v| / 127</c>,
/// so <c>dot(a, b) ≈ s_a · s_b · Σ q_a[i] q_b[i]</c>. A quarter of the float bytes to scan; good enough to pick
/// candidates that are then rescored with the float vectors.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>Writes the quantized <paramref name="vector"/> to <paramref name="destination"/> and returns its scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        // MaxMagnitude returns the element itself, sign included.
        var max = vector.IsEmpty ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (!(max > 0))
        {
            destination[..vector.Length].Clear();
            return 0;
        }

        var inverse = 127f / max;
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * inverse), -127, 127);
        }

        return max / 127f;
    }

    /// <summary>Σ a[i]·b[i] over equal-length int8 spans, accumulated in int32 (exact for any length a vector has).</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= Vector256<sbyte>.Count)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLo, aHi) = Vector256.Widen(Vector256.Create(a.Slice(i, Vector256<sbyte>.Count)));
                var (bLo, bHi) = Vector256.Widen(Vector256.Create(b.Slice(i, Vector256<sbyte>.Count)));
                // vpmaddwd: pairwise 16-bit products summed into 32-bit lanes; |q| ≤ 127 keeps every step exact.
                acc = Avx2.Add(acc, Avx2.Add(Avx2.MultiplyAddAdjacent(aLo, bLo), Avx2.MultiplyAddAdjacent(aHi, bHi)));
            }

            sum = Vector256.Sum(acc);
        }
        else if (Vector128.IsHardwareAccelerated && a.Length >= Vector128<sbyte>.Count)
        {
            var acc = Vector128<int>.Zero;
            for (; i <= a.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (aLo, aHi) = Vector128.Widen(Vector128.Create(a.Slice(i, Vector128<sbyte>.Count)));
                var (bLo, bHi) = Vector128.Widen(Vector128.Create(b.Slice(i, Vector128<sbyte>.Count)));
                var lo = aLo * bLo;
                var hi = aHi * bHi;
                var (l0, l1) = Vector128.Widen(lo);
                var (h0, h1) = Vector128.Widen(hi);
                acc += l0 + l1 + h0 + h1;
            }

            sum = Vector128.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
