using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>
/// <c>models/NAME/manifest.json</c>: what a model is (id, dimensions, pooling, prefixes, token limit, tokenizer)
/// and which files to download, with their published sizes and sha256 so a pull can verify them.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public required string Id { get; init; }

    /// <summary>Hugging Face repository the files come from (informational; the URLs are in <see cref="Files"/>).</summary>
    public string? HubRepo { get; init; }

    public string? Revision { get; init; }

    public string? Description { get; init; }

    public string? Licence { get; init; }

    /// <summary>Vector size; when absent it is read from the ONNX graph's output shape.</summary>
    public int? Dimensions { get; init; }

    public PoolingMode Pooling { get; init; } = PoolingMode.Mean;

    public string QueryPrefix { get; init; } = "";

    public string PassagePrefix { get; init; } = "";

    public int MaxTokens { get; init; } = ModelFolder.DefaultMaxTokens;

    public TokenizerKind? Tokenizer { get; init; }

    /// <summary>For WordPiece vocabularies: whether the model is uncased (lower-cases and strips accents first).</summary>
    public bool LowerCase { get; init; } = true;

    public IReadOnlyList<ModelFileEntry> Files { get; init; } = [];

    /// <summary>
    /// Why the manifest cannot be trusted, or null: a file path must be a plain relative name inside the model
    /// folder (no absolute path, no <c>..</c>, no drive or backslash tricks), a URL must be absolute http(s) (never
    /// <c>file:</c>), sizes and dimensions positive.
    /// </summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return "'id' is missing";
        }

        if (Dimensions is <= 0)
        {
            return $"'dimensions' must be positive, got {Dimensions}";
        }

        foreach (var file in Files ?? [])
        {
            if (file is null || !IsSafeRelativePath(file.Path))
            {
                return $"file path '{file?.Path}' must be a relative name inside the model folder";
            }

            if (file.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            {
                return $"the URL of '{file.Path}' must be an absolute http(s) URL, got '{url}'";
            }

            if (file.Size is < 0)
            {
                return $"the size of '{file.Path}' must not be negative";
            }
        }

        return null;
    }

    /// <summary>A relative path whose every segment is a plain name: it cannot leave the folder it is combined with.</summary>
    public static bool IsSafeRelativePath(string? path) =>
        !string.IsNullOrWhiteSpace(path)
        && !Path.IsPathRooted(path)
        && !path.Contains('\\', StringComparison.Ordinal)
        && !path.Contains(':', StringComparison.Ordinal)
        && !path.Contains('\0', StringComparison.Ordinal)
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    /// <summary>
    /// ISO 639-1 codes of the languages the model was trained on ("en"; a multilingual model lists what it covers).
    /// Empty means unknown: fusion then trusts the model for every language. A question in a language not listed
    /// is fused with <c>Retrieval:OtherLanguageDenseWeight</c> (a model that does not know German ranks German badly).
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public static ModelManifest Load(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
            return manifest.Problem() is { } problem ? throw new InvalidDataException($"{path} is not a usable model manifest: {problem}") : manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid model manifest: {ex.Message}", ex);
        }
    }
}

/// <summary>One file of a model: its name in the model folder and, for downloadable models, where it comes from and its published size and sha256.</summary>
public sealed record ModelFileEntry(string Path, Uri? Url = null, long? Size = null, string? Sha256 = null);

public enum PoolingMode
{
    /// <summary>Average of the token vectors under the attention mask (E5, sentence-transformers defaults).</summary>
    Mean,

    /// <summary>The first token's vector (<c>[CLS]</c> / <c>&lt;s&gt;</c>), for models trained that way (e.g. BGE).</summary>
    Cls,
}

public enum TokenizerKind
{
    /// <summary>BERT <c>vocab.txt</c>.</summary>
    WordPiece,

    /// <summary>XLM-R <c>sentencepiece.bpe.model</c> with fairseq ids.</summary>
    SentencePiece,
}
