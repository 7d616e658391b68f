namespace NewsQA.Core.Search.Fusion;

/// <summary>
/// The two weights of weighted RRF (<see cref="FusionOptions.DenseWeight"/>, <see cref="FusionOptions.LexicalWeight"/>).
/// Dense 0 leaves the dense ranking out: the words rank (with a model that knows the question's language the query is
/// still embedded, for the answer's choice of sentences). In Qdrant's formula 1 / (k + rank / w) a weight's pull
/// is not monotone: the spread between rank 1 and rank 10 peaks near w = √10 / k (≈ 0.05 at k 60) and shrinks both
/// ways (a large w flattens a list towards 1 / k), so a pair is fitted as a pair, never as one ratio.
/// </summary>
public readonly record struct RrfWeights(double Dense, double Lexical)
{
    public static RrfWeights Of(FusionOptions options) => new(options.DenseWeight, options.LexicalWeight);

    public override string ToString() => $"dense {Dense:0.###}, lexical {Lexical:0.###}";
}
