using System.Text.RegularExpressions;

namespace NewsQA.Answering.Generative;

/// <summary>
/// Neutralises what could let article text pose as prompt structure: tags that would close the
/// passages block, chat-template tokens (<c>&lt;|im_start|&gt;</c>, <c>[INST]</c>, <c>&lt;&lt;SYS&gt;&gt;</c>)
/// and "system:"-style role prefixes at a line start. Everything else is left as written, so quotes still match.
/// </summary>
internal static partial class UntrustedText
{
    public const string Removed = "[…]";

    public static string Neutralise(string text)
    {
        var t = BlockTag().Replace(text, Removed);
        t = TemplateToken().Replace(t, Removed);
        return RolePrefix().Replace(t, m => $"{m.Groups["indent"].Value}({m.Groups["role"].Value})");
    }

    [GeneratedRegex(@"</?\s*(passages?|system|assistant|user|developer|instructions?)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<\|[^|<>]{1,40}\|>|\[/?INST\]|<</?SYS>>|</?s>", RegexOptions.IgnoreCase)]
    private static partial Regex TemplateToken();

    [GeneratedRegex(@"^(?<indent>[ \t#>*]*)(?<role>system|assistant|user|developer|instruction|instructions)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex RolePrefix();
}
