using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;

namespace NewsQA.Embeddings.Onnx;

/// <summary>Configuration section <c>Embeddings</c>.</summary>
public sealed class OnnxEmbeddingOptions : ISectionOptions
{
    public static string Section => "Embeddings";

    public const string DefaultModel = "multilingual-e5-small";

    /// <summary><c>Embeddings:Model</c>: a model name under <see cref="ModelsPath"/> or a path to a model folder. Unset: the default model, if pulled.</summary>
    /// <remarks>An empty value counts as unset: compose passes <c>Embeddings__Model: ${NEWSQA_EMBEDDINGS_MODEL:-}</c> as "" when the variable is not set.</remarks>
    public string? Model { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    /// <summary><c>Embeddings:ModelsPath</c>: where named models live.</summary>
    public string ModelsPath { get; set; } = "./models";

    /// <summary><c>Embeddings:BatchSize</c>: texts per ONNX run. Bigger batches pad more; the default is the fastest of the batch-size sweep in docs/performance.md.</summary>
    [Range(1, 1024)]
    public int BatchSize { get; set; } = 8;

    /// <summary><c>Embeddings:IntraOpThreads</c>: threads ONNX Runtime uses inside one run; 0 lets it choose (one per core).</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary><c>Embeddings:QueryCacheSize</c>: query vectors kept (least recently used dropped first); 0 turns the cache off.</summary>
    [Range(0, 1_000_000)]
    public int QueryCacheSize { get; set; } = 1024;
}
