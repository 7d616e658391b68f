namespace NewsQA.Embeddings.Onnx.Models;

/// <summary>
/// The models folder (<c>Embeddings:ModelsPath</c>, default <c>./models</c>): one sub-folder per model, each with a
/// committed <c>manifest.json</c> and, once pulled, the model files. <c>Embeddings:Model</c> names one of them or is
/// a path to any compatible folder.
/// </summary>
public sealed class ModelCatalog(string modelsPath)
{
    public string ModelsPath { get; } = Path.GetFullPath(modelsPath);

    /// <summary>The folder a model setting points at: an existing path as given, otherwise <c>ModelsPath/NAME</c>.</summary>
    public string Locate(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        var looksLikePath = Path.IsPathRooted(nameOrPath)
            || nameOrPath.Contains(Path.DirectorySeparatorChar)
            || nameOrPath.Contains(Path.AltDirectorySeparatorChar)
            || nameOrPath.StartsWith('.');
        return looksLikePath ? Path.GetFullPath(nameOrPath) : Path.Combine(ModelsPath, nameOrPath);
    }

    /// <summary>Names of the models that have a manifest (pulled or not).</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(ModelsPath)
            ? Directory.EnumerateDirectories(ModelsPath)
                .Where(d => File.Exists(Path.Combine(d, ModelManifest.FileName)))
                .Select(d => Path.GetFileName(d))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>The manifest of a named model, for <c>newsqa models pull NAME</c>.</summary>
    public ModelManifest GetManifest(string nameOrPath)
    {
        var path = Path.Combine(Locate(nameOrPath), ModelManifest.FileName);
        if (!File.Exists(path))
        {
            var known = Names();
            throw new FileNotFoundException(
                $"No manifest for model '{nameOrPath}' at {path}. Known models: {(known.Count == 0 ? "none" : string.Join(", ", known))}.", path);
        }

        return ModelManifest.Load(path);
    }
}
