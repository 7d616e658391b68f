using NewsQA.Core.Language;
using System.Reflection;

namespace NewsQA.Answering.Generative;

/// <summary>The prompts, kept as embedded <c>Prompts/*.txt</c> resources so they read as text and diff as text.</summary>
internal static class PromptTemplates
{
    public static readonly string AnswerSystem = Load("answer-system.txt");
    public static readonly string AnswerUser = Load("answer-user.txt");
    public static readonly string RewriteSystem = Load("rewrite-system.txt");

    public static string LanguageName(string language) => language == LanguageCode.English ? "English" : "German";

    private static string Load(string name)
    {
        var assembly = typeof(PromptTemplates).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
