using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Search.Embedding;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Embeddings.Onnx.Tokenization;

namespace NewsQA.Embeddings.Onnx;

/// <summary>
/// Loads an ONNX model folder for Core's <see cref="QueryAndPassageEmbedder"/>: the generator, its profile and the
/// chunking window, built the same way whether the model is there at start (registration) or arrives while the
/// service runs.
/// </summary>
public static class OnnxModelLoader
{
    public static EmbeddingProfile ProfileOf(OnnxEmbeddingGenerator generator, ModelFolder model) =>
        new(generator.ModelId, generator.Dimensions, model.Manifest.QueryPrefix, model.Manifest.PassagePrefix) { Languages = model.Manifest.Languages };

    public static IPassageWindow WindowOf(ModelFolder model) => new TokenizerPassageWindow(model.CreateTokenizer(), model.Manifest.PassagePrefix);

    /// <summary>
    /// Loads <paramref name="model"/> (ONNX session, tokenizer) and attaches it to <paramref name="embedder"/>.
    /// Returns the generator, which the caller owns and disposes when the service stops.
    /// </summary>
    public static OnnxEmbeddingGenerator LoadInto(QueryAndPassageEmbedder embedder, ModelFolder model, OnnxEmbeddingOptions options, bool searchable)
    {
        var generator = new OnnxEmbeddingGenerator(model, options);
        try
        {
            embedder.Attach(generator, ProfileOf(generator, model), WindowOf(model), searchable);
            return generator;
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }
}
