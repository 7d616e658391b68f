using NewsQA.Embeddings.Onnx.Tokenization;

namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>
/// A model on disk: <c>model.onnx</c> plus <c>vocab.txt</c> (WordPiece) or <c>sentencepiece.bpe.model</c> (XLM-R),
/// and optionally a <c>manifest.json</c>. Without a manifest, what can be inferred is: the tokenizer from the file
/// present, the id from the folder name, dimensions from the graph, mean pooling, 512 tokens, and E5's prefixes
/// when the folder name says E5.
/// </summary>
public sealed class ModelFolder
{
    public const string ModelFile = "model.onnx";
    public const string VocabularyFile = "vocab.txt";
    public const string SentencePieceFile = "sentencepiece.bpe.model";

    /// <summary>BERT's and XLM-R's position table size; the usual limit when nothing else says.</summary>
    public const int DefaultMaxTokens = 512;

    private ModelFolder(string directory, ModelManifest manifest, TokenizerKind tokenizer)
    {
        Directory = directory;
        Manifest = manifest;
        Tokenizer = tokenizer;
    }

    public string Directory { get; }

    /// <summary>The folder's manifest, or one inferred from its files.</summary>
    public ModelManifest Manifest { get; }

    public TokenizerKind Tokenizer { get; }

    public string ModelPath => Path.Combine(Directory, ModelFile);

    public string TokenizerPath => Path.Combine(Directory, Tokenizer == TokenizerKind.WordPiece ? VocabularyFile : SentencePieceFile);

    /// <summary>Loads the folder, or explains (with the folder's path) what is missing.</summary>
    public static bool TryLoad(string directory, out ModelFolder? folder, out string problem)
    {
        folder = null;
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            problem = $"no embedding model at {directory} (the folder does not exist)";
            return false;
        }

        var manifestPath = Path.Combine(directory, ModelManifest.FileName);
        ModelManifest? manifest = null;
        if (File.Exists(manifestPath))
        {
            try
            {
                manifest = ModelManifest.Load(manifestPath);
            }
            catch (InvalidDataException ex)
            {
                problem = ex.Message;
                return false;
            }
        }

        if (!File.Exists(Path.Combine(directory, ModelFile)))
        {
            problem = $"no embedding model at {directory} ({ModelFile} is missing)";
            return false;
        }

        var tokenizer = manifest?.Tokenizer ?? InferTokenizer(directory);
        if (tokenizer is null)
        {
            problem = $"no tokenizer in {directory} (expected {VocabularyFile} or {SentencePieceFile})";
            return false;
        }

        var candidate = new ModelFolder(directory, manifest ?? Infer(directory), tokenizer.Value);
        if (!File.Exists(candidate.TokenizerPath))
        {
            problem = $"no tokenizer in {directory} ({Path.GetFileName(candidate.TokenizerPath)} is missing)";
            return false;
        }

        folder = candidate;
        problem = "";
        return true;
    }

    public static ModelFolder Load(string directory) =>
        TryLoad(directory, out var folder, out var problem) ? folder! : throw new FileNotFoundException(problem);

    public ITextTokenizer CreateTokenizer() => Tokenizer switch
    {
        TokenizerKind.WordPiece => WordPieceTextTokenizer.FromVocabulary(TokenizerPath, Manifest.MaxTokens, Manifest.LowerCase),
        _ => SentencePieceTextTokenizer.FromModel(TokenizerPath, Manifest.MaxTokens),
    };

    private static TokenizerKind? InferTokenizer(string directory) =>
        File.Exists(Path.Combine(directory, SentencePieceFile)) ? TokenizerKind.SentencePiece
        : File.Exists(Path.Combine(directory, VocabularyFile)) ? TokenizerKind.WordPiece
        : null;

    private static ModelManifest Infer(string directory)
    {
        var id = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        // E5 models are useless without their prefixes, and their folders are normally named after them.
        var isE5 = id.Contains("e5", StringComparison.OrdinalIgnoreCase);
        return new ModelManifest
        {
            Id = id,
            QueryPrefix = isE5 ? "query: " : "",
            PassagePrefix = isE5 ? "passage: " : "",
        };
    }
}
