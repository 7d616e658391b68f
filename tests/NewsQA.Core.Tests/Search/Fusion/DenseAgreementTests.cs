using NewsQA.Core.Documents;
using NewsQA.Core.Search.Fusion;
using NewsQA.Core.Storage;

namespace NewsQA.Core.Tests.Search.Fusion;

public sealed class DenseAgreementTests
{
    private const double SureRatio = 0.6;

    private static ChunkHit Hit(string document, double score) =>
        new(new Chunk($"{document}#0", document, 0, new TextSpan(0, 1), "x"), new DocumentSummary(document, "T", null, null, null, 1), score);

    // The lexical ranking is sure of "gold" (the next document scores a third of it).
    private static readonly IReadOnlyList<ChunkHit> SureLexical = [Hit("gold", 9), Hit("x", 3)];

    private static IReadOnlyList<ChunkHit> Dense(bool holdsGold) =>
        holdsGold ? [Hit("a", 0.9), Hit("gold", 0.8)] : [Hit("a", 0.9), Hit("b", 0.8), Hit("c", 0.7), Hit("d", 0.6), Hit("e", 0.5), Hit("gold", 0.4)];

    [Fact]
    public void NoVerdict_UntilEnoughSureQuestions_ThenTheModelThatFindsTheLexicalFirstIsTrusted()
    {
        var agreement = new DenseAgreement();
        for (var i = 0; i < DenseAgreement.MinObservations - 1; i++)
        {
            agreement.Record("m", "de", Dense(holdsGold: true), SureLexical, SureRatio);
        }

        Assert.Null(agreement.Trusts("m", "de"));

        agreement.Record("m", "de", Dense(holdsGold: true), SureLexical, SureRatio);

        Assert.True(agreement.Trusts("m", "de"));
        Assert.Null(agreement.Trusts("m", "en"));
        Assert.Null(agreement.Trusts("other", "de"));
    }

    [Fact]
    public void AModelThatOftenMissesTheDocumentTheWordsAreSureOf_IsNotTrusted()
    {
        var agreement = new DenseAgreement();
        for (var i = 0; i < DenseAgreement.MinObservations; i++)
        {
            // Every other question: its top five documents lack the one the words point at (gold sits sixth).
            agreement.Record("m", "de", Dense(holdsGold: i % 2 == 0), SureLexical, SureRatio);
        }

        Assert.False(agreement.Trusts("m", "de"));
    }

    [Fact]
    public void QuestionsTheWordsAreUnsureOf_AreNotCounted()
    {
        var agreement = new DenseAgreement();
        IReadOnlyList<ChunkHit> flat = [Hit("gold", 9), Hit("x", 8.5)];
        for (var i = 0; i < 3 * DenseAgreement.MinObservations; i++)
        {
            agreement.Record("m", "de", Dense(holdsGold: false), flat, SureRatio);
        }

        Assert.Null(agreement.Trusts("m", "de"));
    }
}
