using System.Text.Json.Nodes;

namespace NewsQA.Api.Tests.Retrieval;

/// <summary>
/// Dense and hybrid search through the API with the tiny XLM-R-shaped ONNX model from models/tiny (random-free,
/// formula weights): it proves the wiring — vectors stored, dense scores returned, fusion applied — not retrieval quality.
/// </summary>
public sealed class HybridSearchTests() : ApiTest(new Dictionary<string, string?>
    {
    ["Embeddings:Model"] = Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr"),
})
{
    [Fact]
    public async Task WithAModel_HybridIsTheDefaultAndReadinessSaysSo()
    {
        var ready = await Client.GetJsonAsync("/health/ready", Ct);

        Assert.Equal("hybrid", ready["searchMode"]!.GetValue<string>());
        Assert.Equal("ok", ready["embeddings"]!["status"]!.GetValue<string>());
        Assert.NotNull(ready["store"]!["embeddingModel"]);
    }

    [Fact]
    public async Task DenseMode_ReturnsDenseScoresOnly()
    {
        var response = await Client.PostJsonAsync("/api/search", new { query = "Drohnen", mode = "dense", top = 5 }, Ct);

        Assert.Equal("dense", response["mode"]!.GetValue<string>());
        var results = response["results"]!.AsArray();
        Assert.Equal(5, results.Count);
        Assert.All(results, r =>
        {
            Assert.NotNull(r!["scores"]!["dense"]);
            Assert.Null(r["scores"]!["lexical"]);
            Assert.InRange(r["scores"]!["dense"]!.GetValue<double>(), -1.0001, 1.0001);
        });
        var scores = results.Select(r => r!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task HybridMode_ReturnsFusedScoresFromBothRetrievers()
    {
        var response = await Client.PostJsonAsync("/api/search", new { query = "Waffenproduktion Drohnen Ukraine", top = 8 }, Ct);

        Assert.Equal("hybrid", response["mode"]!.GetValue<string>());
        var results = response["results"]!.AsArray();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.NotNull(r!["scores"]!["fused"]));
        Assert.Contains(results, r => r!["scores"]!["dense"] is not null && r["scores"]!["lexical"] is not null);

        // Score fusion (the default): each list normalised to [0, 1], their shares summing to 1 at weights (1, 1), so a
        // fused score lies in [0, 1] and the first result, best in at least one list, scores above 0.
        Assert.All(results, r => Assert.InRange(r!["scores"]!["fused"]!.GetValue<double>(), 0, 1 + 1e-9));
        Assert.True(results[0]!["scores"]!["fused"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Chunks_FitTheModelsWindow()
    {
        // The tiny model reads 128 tokens (fewer than the default 1,400-character chunk needs): every stored chunk, as the model is given it (passage prefix included), must
        // tokenize shorter than that, or its end would be cut off before embedding.
        var doc = await Client.GetJsonAsync("/api/documents/002_c3aff394776cafa8", Ct);
        Assert.True(NewsQA.Embeddings.Onnx.Models.ModelFolder.TryLoad(Path.Combine(AppContext.BaseDirectory, "models", "tiny", "xlmr"), out var model, out _));
        var tokenizer = model!.CreateTokenizer();
        var text = doc["text"]!.GetValue<string>();

        var chunks = doc["chunks"]!.AsArray().Select(c => text[c!["span"]!["start"]!.GetValue<int>()..c["span"]!["end"]!.GetValue<int>()]).ToList();
        Assert.True(chunks.Count > 20, $"only {chunks.Count} chunks");
        Assert.All(chunks, c => Assert.True(tokenizer.Encode(model.Manifest.PassagePrefix + c).Count < tokenizer.MaxTokens, $"'{c}' fills the window"));
    }

    [Fact]
    public async Task Ask_WorksInHybridModeWithAFilter()
    {
        // The tiny model's vectors carry no meaning, so the filter keeps its noise to one article: every chunk of it
        // is in both rankings, and the lexical evidence decides.
        var answer = await Client.PostJsonAsync("/api/ask", new
        {
            question = "Welches System will Großbritannien der Ukraine bis Jahresende liefern?",
            filter = new { documentIds = new[] { "002_c3aff394776cafa8" } },
        }, Ct);

        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        Assert.Contains("Gravehawk", answer["answer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(answer["citations"]!.AsArray(), c => Assert.Equal("002_c3aff394776cafa8", c!["documentId"]!.GetValue<string>()));
    }
}
