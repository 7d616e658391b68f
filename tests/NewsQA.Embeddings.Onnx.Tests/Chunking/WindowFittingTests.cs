using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Ingest.Input;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Embeddings.Onnx.Tokenization;
using NewsQA.Testing.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Chunking;

/// <summary>
/// German news through a real English WordPiece vocabulary (all-MiniLM-L6-v2, 256-token window) is where a
/// characters-per-token budget fails: the chunker must measure with the model's tokenizer so nothing is truncated.
/// </summary>
public sealed class WindowFittingTests
{
    private static readonly IReadOnlyList<DocumentInput> Articles =
        [.. DocumentFileReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "gnad200.jsonl")).Select(r => r.Input!).Take(120)];

    [Fact]
    public void NoChunkOfGermanNews_ExceedsARealModelsWindow()
    {
        Assert.True(ModelFolder.TryLoad(RealModels.MiniLm.Folder, out var model, out var problem), problem);
        var tokenizer = model!.CreateTokenizer();
        var chunker = new SentenceChunker(new ChunkingOptions(), new TokenizerPassageWindow(tokenizer, model.Manifest.PassagePrefix));

        var chunks = Articles.SelectMany((a, i) => chunker.Chunk($"doc{i}", a.Text)).ToList();

        Assert.True(chunks.Count > 500, $"only {chunks.Count} chunks");
        Assert.All(chunks, c => Assert.True(tokenizer.Encode(c.Text).Count < tokenizer.MaxTokens, $"{c.Id} is cut at {tokenizer.MaxTokens} tokens"));
    }

    [Fact]
    public void WithoutTheWindow_TheDefaultChunkSizeWouldBeTruncated()
    {
        // The counterfactual that makes the test above mean something: the 1,400-character default does overflow.
        Assert.True(ModelFolder.TryLoad(RealModels.MiniLm.Folder, out var model, out var problem), problem);
        var tokenizer = model!.CreateTokenizer();
        var chunker = new SentenceChunker(new ChunkingOptions());

        var overflowing = Articles.SelectMany((a, i) => chunker.Chunk($"doc{i}", a.Text)).Count(c => tokenizer.Encode(c.Text).Count >= tokenizer.MaxTokens);

        Assert.True(overflowing > 0);
    }
}
