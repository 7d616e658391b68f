namespace NewsQA.Embeddings.Onnx.Tests;

/// <summary>
/// The tiny models' forward pass and pooling, recomputed in double precision from the closed-form weights in
/// scripts/make-tiny-models.py (see its docstring), to check ONNX Runtime's output plus our pooling against.
/// </summary>
internal static class TinyEncoderByHand
{
    private static float Tok(int v, int h) => (float)Math.Sin(0.7 * v + 1.3 * h + 0.1);

    private static float Pos(int p, int h) => (float)(0.1 * Math.Cos(0.5 * p + 0.9 * h));

    private static float Typ(int t, int h) => (float)(0.05 * (t + 1) * Math.Sin(h));

    /// <summary>last_hidden_state for one unpadded sequence: out[p] = tanh(x[p] + 0.5 * mean_p x[p]).</summary>
    public static double[][] HiddenStates(IReadOnlyList<int> ids, bool withTokenTypes)
    {
        const int hidden = TinyModels.Hidden;
        var x = ids.Select((id, p) => Enumerable.Range(0, hidden)
            .Select(h => (double)Tok(id, h) + Pos(p, h) + (withTokenTypes ? Typ(0, h) : 0.0)).ToArray()).ToArray();
        var ctx = Enumerable.Range(0, hidden).Select(h => x.Average(row => row[h])).ToArray();
        return x.Select(row => row.Select((value, h) => Math.Tanh(value + 0.5 * ctx[h])).ToArray()).ToArray();
    }

    public static double[] MeanPooledUnitVector(IReadOnlyList<int> ids, bool withTokenTypes)
    {
        var states = HiddenStates(ids, withTokenTypes);
        var mean = Enumerable.Range(0, TinyModels.Hidden).Select(h => states.Average(row => row[h])).ToArray();
        return Unit(mean);
    }

    public static double[] ClsUnitVector(IReadOnlyList<int> ids, bool withTokenTypes) => Unit(HiddenStates(ids, withTokenTypes)[0]);

    private static double[] Unit(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
