using System.Text.Json;

namespace NewsQA.Embeddings.Onnx.Tests.Tokenization;

/// <summary>
/// models/tiny/reference-tokens.json: ids computed by plain-Python reimplementations of BERT's WordPiece
/// (basic tokenization + greedy longest match) and of SentencePiece Unigram (Viterbi) with fairseq's id mapping,
/// in scripts/make-tiny-models.py. They are independent of Microsoft.ML.Tokenizers, which the tests check against them.
/// </summary>
internal static class ReferenceTokens
{
    public sealed record Case(string Text, int[] Ids);

    private sealed record File(string Source, Case[] Wordpiece, Case[] Sentencepiece);

    private static readonly Lazy<File> Loaded = new(() =>
        JsonSerializer.Deserialize<File>(
            System.IO.File.ReadAllText(Path.Combine(TinyModels.Root, "reference-tokens.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!);

    public static TheoryData<string, int[]> WordPiece => ToTheory(Loaded.Value.Wordpiece);

    public static TheoryData<string, int[]> SentencePiece => ToTheory(Loaded.Value.Sentencepiece);

    private static TheoryData<string, int[]> ToTheory(Case[] cases)
    {
        var data = new TheoryData<string, int[]>();
        foreach (var c in cases)
        {
            data.Add(c.Text, c.Ids);
        }

        return data;
    }
}
