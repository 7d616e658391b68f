using System.Diagnostics;
using System.Numerics.Tensors;
using NewsQA.Embeddings.Onnx.Models;
using NewsQA.Testing;
using NewsQA.Testing.Models;

namespace NewsQA.Embeddings.Onnx.Tests.Models;

/// <summary>
/// scripts/quantize-int8.py on a real model (all-MiniLM-L6-v2): the rewritten graph loads in ONNX Runtime, is a
/// different model (its own id, so stores never mix its vectors with fp32 ones; smaller; not the same vectors), and
/// keeps what a user relies on, the direction of each vector: cosine to the fp32 vector ≥ 0.98 per sentence, and
/// the same nearest passage for each question.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public sealed class Int8QuantizationTests : IDisposable
{
    private static readonly string[] Sentences =
    [
        "The Panthers defense gave up just 308 points, ranking sixth in the league.",
        "Die Ukraine will in diesem Jahr 3.000 Raketen produzieren.",
        "How many points did the Panthers defense surrender?",
        "The city council approved the new budget after a long debate on Tuesday night.",
        "Photosynthesis converts light energy into chemical energy stored in glucose.",
    ];

    private readonly string output = Path.Combine(Path.GetTempPath(), "newsqa-int8-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Int8Rewrite_KeepsEachVectorsDirection_AndTheNearestPassage()
    {
        var fp32Folder = ModelFolder.Load(RealModels.MiniLm.Folder);
        Quantize(fp32Folder.Directory, output);
        var int8Folder = ModelFolder.Load(output);

        Assert.Equal(fp32Folder.Manifest.Id + "-int8", int8Folder.Manifest.Id);
        Assert.True(new FileInfo(int8Folder.ModelPath).Length < new FileInfo(fp32Folder.ModelPath).Length * 0.8, "int8 weights should shrink the file");

        using var fp32 = new OnnxEmbeddingGenerator(fp32Folder, new OnnxEmbeddingOptions());
        using var int8 = new OnnxEmbeddingGenerator(int8Folder, new OnnxEmbeddingOptions());
        var a = await fp32.GenerateAsync(Sentences, cancellationToken: TestContext.Current.CancellationToken);
        var b = await int8.GenerateAsync(Sentences, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < Sentences.Length; i++)
        {
            var cosine = TensorPrimitives.CosineSimilarity(a[i].Vector.Span, b[i].Vector.Span);
            Assert.True(cosine >= 0.98f, $"sentence {i}: cosine {cosine}");
            // Quantized for real: the int8 graph computes something else than the fp32 one.
            Assert.True(cosine < 0.99999f, $"sentence {i}: int8 vector equals fp32 (nothing quantized?)");
        }

        // The question (2) is nearest to its answer passage (0) under both models.
        static int Nearest(IReadOnlyList<ReadOnlyMemory<float>> v, int query) =>
            Enumerable.Range(0, v.Count).Where(j => j != query).MaxBy(j => TensorPrimitives.Dot(v[query].Span, v[j].Span));
        Assert.Equal(0, Nearest([.. a.Select(e => e.Vector)], 2));
        Assert.Equal(0, Nearest([.. b.Select(e => e.Vector)], 2));
    }

    [Fact]
    public void Quantizer_IsDeterministic()
    {
        var source = RealModels.MiniLm.Folder;
        Quantize(source, output);
        var again = output + "-again";
        try
        {
            Quantize(source, again);
            Assert.Equal(File.ReadAllBytes(Path.Combine(output, "model.onnx")), File.ReadAllBytes(Path.Combine(again, "model.onnx")));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static void Quantize(string source, string target)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { Path.Combine(RepoPaths.Root, "scripts", "quantize-int8.py"), source, target },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"quantize-int8.py failed (python3-onnx and python3-numpy installed?): {errors}");
    }
}
