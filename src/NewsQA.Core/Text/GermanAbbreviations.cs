namespace NewsQA.Core.Text;

/// <summary>Words after which a full stop does not end a German (or English) news sentence.</summary>
internal static class GermanAbbreviations
{
    /// <summary>Abbreviations, compared without their final dot and case-insensitively.</summary>
    public static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "abs", "abb", "abk", "allg", "anm", "art", "aufl", "bd", "bearb", "beil", "bes", "betr", "bspw", "bzgl", "bzw",
        "ca", "chr", "co", "dgl", "dipl", "dr", "dt", "ebd", "eigtl", "engl", "entspr", "erg", "etc", "ev", "evtl",
        "exkl", "fa", "ff", "frz", "geb", "gegr", "gem", "ggf", "ggfs", "hl", "hr", "hrn", "hrsg", "inkl", "insb",
        "jh", "jhd", "jr", "kap", "kath", "kl", "lt", "max", "mio", "mind", "min", "mr", "mrd", "mrs", "ms", "mwst",
        "nachf", "nr", "od", "o", "prof", "rd", "s", "sen", "sog", "spd", "st", "std", "str", "tel", "tsd", "u",
        "usw", "v", "verh", "vgl", "vs", "z", "zzgl", "zt", "zb", "bzw", "ggü", "dipl.-ing", "ing", "gen", "lt",
        "ltd", "inc", "corp", "no", "vol", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept",
        "okt", "nov", "dez", "mo", "di", "mi", "do", "fr", "sa", "so", "hg", "verf", "zit", "ders", "dies", "dass",
    };

    /// <summary>Nouns that follow an ordinal number ("30. April", "2. Weltkrieg"): the dot before them is not a sentence end.</summary>
    public static readonly HashSet<string> AfterOrdinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
        "weltkrieg", "liga", "bundesliga", "fc", "jahrhundert", "jahrtausend", "platz", "mal", "runde", "stock",
        "klasse", "quartal", "halbjahr", "spieltag", "advent", "lesung", "etappe", "satz", "halbzeit", "grades",
        "grad", "tag", "woche", "monat", "jahr", "stelle", "rang", "kapitel", "artikel", "absatz", "mannschaft",
    };
}
