namespace NewsQA.Core.Language;

/// <summary>
/// The language codes a document carries: ISO 639-1 (two lower-case letters) or <see cref="Undetermined"/> ("und", ISO
/// 639-2's code for "undetermined") when neither the sender said nor <see cref="TextLanguage"/> could tell. The one
/// check of an explicit code, for ingest and for <c>filter.language</c> alike.
/// </summary>
public static class LanguageCode
{
    public const string Undetermined = "und";

    public const string German = "de";

    public const string English = "en";

    /// <summary>What a valid code looks like, for error messages.</summary>
    public const string Describe = "a two-letter ISO 639-1 code such as \"de\" or \"en\", or \"und\" (undetermined)";

    // ISO 639-1 as published by the Library of Congress (the 639-2 registration authority): 183 codes.
    private static readonly HashSet<string> Iso6391 = new(
        ("aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es " +
         "et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki " +
         "kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no " +
         "nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te " +
         "tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu").Split(' '),
        StringComparer.Ordinal);

    /// <summary>The code in its stored form (trimmed, lower case), or null when it is no ISO 639-1 code and not "und".</summary>
    public static string? Normalize(string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        return code is not null && (code == Undetermined || Iso6391.Contains(code)) ? code : null;
    }
}
