using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Embeddings.Onnx.Tokenization;

namespace NewsQA.Embeddings.Onnx;

/// <summary>
/// Embeds texts with a local ONNX encoder (a Hugging Face export: <c>input_ids</c>, <c>attention_mask</c> and
/// optionally <c>token_type_ids</c> in, <c>last_hidden_state</c> out), pooling and L2-normalising on the CPU.
/// Adds no prefixes: <c>QueryAndPassageEmbedder</c> does. One <see cref="InferenceSession"/> per instance, shared by all
/// callers (ONNX Runtime's <c>Run</c> is thread-safe), so register it as a singleton.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";
    private const string LastHiddenState = "last_hidden_state";

    private readonly InferenceSession _session;
    private readonly ITextTokenizer _tokenizer;
    private readonly PoolingMode _pooling;
    private readonly int _batchSize;
    private readonly bool _feedsTokenTypes;
    private readonly string _outputName;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _modelId;

    public OnnxEmbeddingGenerator(ModelFolder model, OnnxEmbeddingOptions options)
        : this(model.ModelPath, model.CreateTokenizer(), model.Manifest.Id, model.Manifest.Pooling, options, model.Manifest.Dimensions)
    {
    }

    public OnnxEmbeddingGenerator(string modelPath, ITextTokenizer tokenizer, string modelId, PoolingMode pooling, OnnxEmbeddingOptions options, int? dimensions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            // One request runs one graph at a time; parallelism comes from concurrent callers, not from inter-op threads.
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, sessionOptions);
        _tokenizer = tokenizer;
        _pooling = pooling;
        _batchSize = options.BatchSize;
        _modelId = modelId;
        _feedsTokenTypes = _session.InputMetadata.ContainsKey(TokenTypeIds);
        _outputName = _session.OutputMetadata.ContainsKey(LastHiddenState) ? LastHiddenState : _session.OutputNames[0];
        var declared = _session.OutputMetadata[_outputName].Dimensions[^1];
        if (dimensions is { } stated && declared > 0 && stated != declared)
        {
            // A manifest that says otherwise would store vectors of one size and promise another.
            throw new InvalidDataException($"the manifest of '{modelId}' says {stated} dimensions but model.onnx outputs {declared}");
        }

        Dimensions = dimensions ?? ReadDimensions();
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(modelPath)), modelId, Dimensions);
    }

    public int Dimensions { get; }

    public string ModelId => _modelId;

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var ids = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            ids[i] = _tokenizer.Encode(texts[i]);
        }

        // Sorting by length keeps similar lengths together, so each batch pads little (padding is to its own longest text).
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Count).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_batchSize, order.Length - start)).ToArray();
            RunBatch(batch, ids, vectors);
        }

        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = ids.Sum(x => (long)x.Count) },
        };
        return Task.FromResult(result);
    }

    private void RunBatch(int[] batch, IReadOnlyList<int>[] ids, float[][] vectors)
    {
        var seq = batch.Max(i => ids[i].Count);
        var inputIds = new long[batch.Length * seq];
        var mask = new long[batch.Length * seq];
        Array.Fill(inputIds, _tokenizer.PaddingId);
        for (var row = 0; row < batch.Length; row++)
        {
            var tokens = ids[batch[row]];
            for (var t = 0; t < tokens.Count; t++)
            {
                inputIds[row * seq + t] = tokens[t];
                mask[row * seq + t] = 1;
            }
        }

        long[] shape = [batch.Length, seq];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        // Single-segment input: every token type is 0.
        using var typesValue = _feedsTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape) : null;
        var inputs = new Dictionary<string, OrtValue> { [InputIds] = idsValue, [AttentionMask] = maskValue };
        if (typesValue is not null)
        {
            inputs[TokenTypeIds] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_outputName]);
        var output = outputs[0];
        var outputShape = output.GetTensorTypeAndShape().Shape;
        var data = output.GetTensorDataAsSpan<float>();
        for (var row = 0; row < batch.Length; row++)
        {
            var index = batch[row];
            if (outputShape.Length == 2)
            {
                // Some exports pool inside the graph ([batch, hidden]); only normalisation is left to do.
                var pooled = data.Slice(row * (int)outputShape[1], (int)outputShape[1]).ToArray();
                VectorPooling.Normalize(pooled);
                vectors[index] = pooled;
            }
            else
            {
                var hidden = (int)outputShape[2];
                var rowData = data.Slice(row * seq * hidden, seq * hidden);
                vectors[index] = VectorPooling.Pool(rowData, hidden, ids[index].Count, _pooling);
            }
        }
    }

    private int ReadDimensions()
    {
        var dims = _session.OutputMetadata[_outputName].Dimensions;
        if (dims[^1] > 0)
        {
            return dims[^1];
        }

        // A fully dynamic output shape: embed one short text to learn the size.
        return GenerateAsync(["a"]).GetAwaiter().GetResult()[0].Vector.Length;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(InferenceSession) ? _session
            : null;
    }

    public void Dispose() => _session.Dispose();
}
