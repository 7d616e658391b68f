using System.Numerics.Tensors;
using NewsQA.Embeddings.Onnx.Models;

namespace NewsQA.Embeddings.Onnx;

/// <summary>Turns one sequence's token vectors into a unit-length text vector.</summary>
internal static class VectorPooling
{
    /// <summary>
    /// Pools row-major token vectors <paramref name="tokens"/> ([seq, hidden]) of a sequence whose first
    /// <paramref name="length"/> tokens are real (the rest is padding), then L2-normalises.
    /// Mean: sum of the real tokens' vectors / their count. Cls: the first token's vector.
    /// </summary>
    public static float[] Pool(ReadOnlySpan<float> tokens, int hidden, int length, PoolingMode mode)
    {
        var vector = new float[hidden];
        if (mode == PoolingMode.Cls)
        {
            tokens[..hidden].CopyTo(vector);
        }
        else
        {
            for (var t = 0; t < length; t++)
            {
                TensorPrimitives.Add(vector, tokens.Slice(t * hidden, hidden), vector);
            }

            TensorPrimitives.Divide(vector, length, vector);
        }

        Normalize(vector);
        return vector;
    }

    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        // A zero vector has no direction; leave it as is rather than fill it with NaN.
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
