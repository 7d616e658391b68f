using Microsoft.Extensions.Configuration;
using NewsQA.Answering.Generative;
using NewsQA.Core.Answer;
using NewsQA.Core.Ingest.Chunking;
using NewsQA.Core.Search.Fusion;
using NewsQA.Embeddings.Onnx;
using NewsQA.Hosting.Selection;
using NewsQA.Hosting.Startup;
using NewsQA.Storage.Qdrant;

namespace NewsQA.Hosting.Configuration;

/// <summary>The keys every NewsQA host reads (API and CLI alike): the sections of <see cref="NewsQaComposition.AddNewsQa"/>.</summary>
public static class NewsQaConfigurationRules
{
    public const string DataPath = "Data:Path";

    public static ConfigurationCheck Common() => new ConfigurationCheck()
        .Key(DataPath, _ => null)
        .Options<SeedOptions>(SeedOptions.Section)
        .Key(StoreSelection.Key, v => StoreSelection.IsKnown(v) ? null : $"{StoreSelection.Key} must be {string.Join(" or ", StoreSelection.Providers.Select(p => $"'{p}'"))}, got '{v}'")
        .WholeNumber("Store:Embedded:QuantizedSearchFrom", 0, int.MaxValue)
        .Options<QdrantStoreOptions>(QdrantStoreOptions.Section, new QdrantStoreOptionsValidator())
        .Options<OnnxEmbeddingOptions>(OnnxEmbeddingOptions.Section)
        .Options<ChunkingOptions>(ChunkingOptions.Section, new ChunkingOptionsValidator())
        .Options<FusionOptions>(FusionOptions.Section)
        .Options<AnswerOptions>(AnswerOptions.Section)
        .Options<GenerativeOptions>(GenerativeOptions.Section, new GenerativeOptionsValidator());
}
