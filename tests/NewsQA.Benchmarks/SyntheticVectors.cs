namespace NewsQA.Benchmarks;

/// <summary>Random unit vectors (uniform directions are the worst case for a scan's early rejection: no structure).</summary>
internal static class SyntheticVectors
{
    public static float[] Unit(Random random, int dims)
    {
        var v = new float[dims];
        Fill(random, v);
        return v;
    }

    public static void Fill(int rows, int dims, int seed, Action<int, float[]> add)
    {
        var random = new Random(seed);
        var v = new float[dims];
        for (var row = 0; row < rows; row++)
        {
            Fill(random, v);
            add(row, v);
        }
    }

    private static void Fill(Random random, float[] v)
    {
        // Sum of uniforms: close enough to Gaussian for direction sampling, and cheap at 1M rows.
        var norm = 0f;
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = random.NextSingle() + random.NextSingle() + random.NextSingle() - 1.5f;
            norm += v[i] * v[i];
        }

        norm = MathF.Sqrt(norm);
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
    }
}
