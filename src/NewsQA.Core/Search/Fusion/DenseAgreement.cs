using System.Collections.Concurrent;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Search.Fusion;

/// <summary>
/// Whether a model's dense ranking may vote for questions in a language, judged from the data rather than from the
/// manifest alone: on questions whose lexical ranking is sure of its first document (<see cref="ScoreFusion.LexicalRatio"/>
/// at or below <see cref="FusionOptions.LexicalSureRatio"/>), a model that understands the language ranks that document
/// among its own first <see cref="TopDocuments"/> almost always; a model that does not (an English model asked German,
/// or any model from a folder without declared languages) misses it often (docs/quality-levers.md, issue 32). Counted
/// per model and question language over the hybrid searches this process ran; until
/// <see cref="MinObservations"/> sure questions are seen there is no verdict and the manifest decides. In memory: a
/// restart learns again.
/// </summary>
public sealed class DenseAgreement
{
    /// <summary>Sure questions needed before the data overrules the manifest.</summary>
    public const int MinObservations = 8;

    /// <summary>The share of sure questions whose lexical first document the dense ranking must hold for the model to vote.</summary>
    public const double MinAgreement = 0.85;

    /// <summary>How deep in the dense ranking (documents) the lexical first document may be and still agree.</summary>
    public const int TopDocuments = 5;

    private readonly ConcurrentDictionary<(string Model, string Language), Counts> counts = new();

    /// <summary>Counts one hybrid search's two rankings, when its lexical ranking is sure of its first document.</summary>
    public void Record(string model, string language, IReadOnlyList<ChunkHit> dense, IReadOnlyList<ChunkHit> lexical, double sureRatio)
    {
        if (lexical.Count == 0 || dense.Count == 0 || ScoreFusion.LexicalRatio(lexical) > sureRatio)
        {
            return;
        }

        var first = lexical[0].Chunk.DocumentId;
        var agreed = dense.Select(h => h.Chunk.DocumentId).Distinct(StringComparer.Ordinal).Take(TopDocuments).Contains(first, StringComparer.Ordinal);
        counts.AddOrUpdate((model, language), _ => new Counts(1, agreed ? 1 : 0), (_, c) => new Counts(c.Sure + 1, c.Agreed + (agreed ? 1 : 0)));
    }

    /// <summary>True or false once enough sure questions were seen for the pair, else null (the manifest decides).</summary>
    public bool? Trusts(string model, string language) =>
        counts.TryGetValue((model, language), out var c) && c.Sure >= MinObservations ? c.Agreed >= MinAgreement * c.Sure : null;

    private readonly record struct Counts(int Sure, int Agreed);
}
