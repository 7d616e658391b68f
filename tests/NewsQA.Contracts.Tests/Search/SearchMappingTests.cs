using System.Text.Json;
using NewsQA.Contracts.Search;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Retrieval;
using NewsQA.Core.Storage;

namespace NewsQA.Contracts.Tests.Search;

public class SearchMappingTests
{
    private static readonly DocumentSummary Document = new(
        "kiew-1", "Saar in Kiew", "https://zeitung.example/kiew", PublicationDate.Parse("2025-05-14"), "Zeitung", 2, "de");

    private static RetrievalResult OneHit(double score, double? dense, double? lexical, double? fused)
    {
        var chunk = new Chunk(Chunk.MakeId(Document.Id, 1), Document.Id, 1, new TextSpan(120, 160), "Saar traf Selenskyj am Mittwoch in Kiew.");
        return new RetrievalResult([new RetrievedPassage(new ChunkHit(chunk, Document, score), score, dense, lexical, fused)], SearchMode.Hybrid, 3.14159, 1.23456);
    }

    [Fact]
    public void Result_CarriesTheChunkAndItsDocument()
    {
        var response = OneHit(0.5, 0.4, 0.3, 0.5).ToResponse("Saar Kiew", TimeSpan.FromMilliseconds(7));

        var result = Assert.Single(response.Results);
        Assert.Equal("Saar Kiew", response.Query);
        Assert.Equal(SearchMode.Hybrid, response.Mode);
        Assert.Equal(("kiew-1", "kiew-1#1"), (result.DocumentId, result.ChunkId));
        Assert.Equal((Document.Title, Document.Url, Document.Source, Document.Language), (result.Title, result.Url, result.Source, result.Language));
        Assert.Equal(new TextSpan(120, 160), result.Span);
        Assert.Equal("Saar traf Selenskyj am Mittwoch in Kiew.", result.Text);
    }

    [Fact]
    public void Scores_KeepSixDecimals_AndTimingsTwo()
    {
        var response = OneHit(0.123456789, 0.987654321, null, 0.5).ToResponse("q", TimeSpan.FromTicks(123_456));

        var result = Assert.Single(response.Results);
        Assert.Equal(0.123457, result.Score);
        Assert.Equal(0.987654, result.Scores.Dense);
        Assert.Null(result.Scores.Lexical);
        Assert.Equal((3.14, 1.23, 12.35), (response.Timings.EmbedMs, response.Timings.SearchMs, response.Timings.TotalMs));
    }

    [Fact]
    public void WireFormat_IsCamelCase_WithEnumWireNames()
    {
        var options = new JsonSerializerOptions();
        ContractJson.Configure(options);

        var json = JsonSerializer.SerializeToElement(OneHit(1, null, 1, null).ToResponse("q", TimeSpan.Zero), options);

        Assert.Equal("hybrid", json.GetProperty("mode").GetString());
        Assert.Equal("kiew-1", json.GetProperty("results")[0].GetProperty("documentId").GetString());
        Assert.True(json.GetProperty("timings").TryGetProperty("totalMs", out _));
    }
}
