using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;
using NewsQA.Storage.Embedded;
using NewsQA.Storage.Qdrant.Tests.Fake;
using NewsQA.Testing;
using NewsQA.Testing.Contract;

namespace NewsQA.Storage.Qdrant.Tests.Search;

/// <summary>
/// One lexical ranking, two backends (<see cref="LexicalScoring"/>): articles of several chunks each, so the whole
/// document's share of the score (<see cref="LexicalScoring.DocumentWeight"/>) decides between passages of articles
/// about a subject and passages that mention it in passing. The embedded store's Lucene index and Qdrant's sparse
/// vectors (on the fake, whose IDF follows Qdrant's source) must rank them identically, with equal scores.
/// </summary>
public sealed class LexicalParityTests : IAsyncLifetime
{
    private const int Top = 10;

    private static readonly (string Id, string Text)[] Articles =
    [
        ("drohnen-front", """
            Die Ukraine baut Drohnen in großer Zahl. Werkstätten im ganzen Land fertigen jede Woche Tausende.

            An der Front setzen die Soldaten die Drohnen zur Aufklärung ein. Die Armee meldet Erfolge gegen Panzer.

            Russland antwortet mit Störsendern. Die Ingenieure passen die Funkfrequenzen der Drohnen laufend an.

            Der Verteidigungsminister will die Produktion im nächsten Jahr verdoppeln.
            """),
        ("haushalt", """
            Der Bundestag berät über den Haushalt. Die Schuldenbremse bleibt umstritten.

            Die Ministerin verteidigt die Kürzungen bei der Bahn. Die Opposition spricht von einem Sparhaushalt.

            Für die Bundeswehr sind mehr Mittel vorgesehen, auch für Drohnen und Munition.

            Die Abstimmung ist für Freitag geplant.
            """),
        ("drohnen-pakete", """
            Ein Versandhändler testet die Zustellung von Paketen mit Drohnen. Die Flüge starten in einem Dorf in Bayern.

            Die Drohnen fliegen bis zu zwanzig Kilometer weit. Die Pakete wiegen höchstens zwei Kilogramm.

            Anwohner beklagen den Lärm. Die Behörde prüft die Genehmigung für weitere Strecken.
            """),
        ("wetter", """
            Das Wetter bleibt wechselhaft. Am Wochenende ziehen Gewitter über den Süden.

            In den Alpen fällt Schnee oberhalb von zweitausend Metern. Die Bahn warnt vor Verspätungen.

            Ab Dienstag wird es wieder sonniger.
            """),
        ("bahn-streik", """
            Die Gewerkschaft ruft zum Streik bei der Bahn auf. Fernzüge fallen den ganzen Tag aus.

            Die Bahn bietet einen Notfahrplan an. Pendler weichen auf Busse und Autos aus.

            Die Verhandlungen über die Löhne sollen nächste Woche weitergehen. Die Ministerin mahnt eine Einigung an.
            """),
        ("luftabwehr", """
            Ein Verband fordert mehr Geld für die Luftabwehr. Radar und Raketen seien knapp.

            Gegen Drohnen helfe vor allem eine dichte Abwehr in Städten. Die Armee prüft neue Systeme.

            Der Haushalt sieht dafür bisher zu wenig vor.
            """),
    ];

    private BothBackends both = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        both = await BothBackends.StartAsync(null, Ct);
        foreach (var (id, text) in Articles)
        {
            var (document, chunks) = StoreTestData.Document(id, text.Replace("\r\n", "\n", StringComparison.Ordinal), targetChars: 60);
            Assert.True(chunks.Count >= 3, $"{id} has {chunks.Count} chunks");
            await both.UpsertAsync(document, chunks, Ct);
        }
    }

    public ValueTask DisposeAsync() => both.DisposeAsync();

    public static TheoryData<string> Queries => new()
    {
        "Drohnen an der Front",
        "Wer bezahlt die Drohnen im Haushalt?",
        "Bahn Streik Ministerin",
        "Pakete mit Drohnen zustellen",
        "Verspätungen bei der Bahn",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task LexicalSearch_RanksMultiChunkArticlesIdentically_OnBothBackends(string query)
    {
        var terms = StoreTestData.Terms(query);

        var lucene = await both.Embedded.Lexical.SearchLexicalAsync(terms, SearchFilter.None, Top, Ct);
        var sparse = await both.Qdrant.Lexical.SearchLexicalAsync(terms, SearchFilter.None, Top, Ct);

        Assert.True(lucene.Count >= 3, $"only {lucene.Count} hits for '{query}'");

        // Equal scores are ties, which Qdrant leaves in no particular order, and each backend sums in single precision:
        // compare the rankings as groups of scores equal to a thousandth, each group's chunks and score alike.
        var (luceneGroups, sparseGroups) = (Groups(lucene), Groups(sparse));
        Assert.Equal(luceneGroups.Select(g => g.Ids), sparseGroups.Select(g => g.Ids));
        Assert.All(luceneGroups.Zip(sparseGroups), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 0.001));
    }

    private static List<(double Score, string Ids)> Groups(IReadOnlyList<ChunkHit> ranked)
    {
        var groups = new List<(double Score, List<string> Ids)>();
        foreach (var hit in ranked)
        {
            if (groups.Count == 0 || Math.Abs(groups[^1].Score - hit.Score) > 0.001)
            {
                groups.Add((hit.Score, []));
            }

            groups[^1].Ids.Add(hit.Chunk.Id);
        }

        return [.. groups.Select(g => (g.Score, string.Join(",", g.Ids.Order(StringComparer.Ordinal))))];
    }

    [Fact]
    public async Task TheDocumentShare_LiftsAPassageOfAnArticleAboutTheSubject_InBothBackends()
    {
        // "Drohnen" once in each of these chunks, but one article is about drones and the other about the budget.
        var terms = StoreTestData.Terms("Drohnen");
        foreach (var index in new ILexicalIndex[] { both.Embedded.Lexical, both.Qdrant.Lexical })
        {
            var hits = await index.SearchLexicalAsync(terms, SearchFilter.None, 50, Ct);
            var rank = hits.Select(h => h.Chunk.DocumentId).ToList();
            Assert.True(rank.IndexOf("drohnen-front") < rank.IndexOf("haushalt"), string.Join(",", rank));
        }
    }
}
