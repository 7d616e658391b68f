using CsCheck;

namespace NewsQA.Core.Tests.TextProperties;

/// <summary>
/// Generators of hostile text: German sentences and abbreviations mixed with emoji (surrogate pairs, ZWJ
/// sequences), lone surrogates, RTL scripts, combining marks, control and format characters, odd line breaks.
/// </summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        "Die Bahn streikt.", " Am Montag", " fahren keine Züge.", "Der Kanzler sagte: „Wir handeln.“", " z. B. ", " Dr. Müller", " am 30. April ", "1. FC Köln", "...", " u. a. ",
        "😀", "👨‍👩‍👧", "🇩🇪", "\uD83D", "\uDE00", "שלום עולם.", "مرحبا بالعالم.", "e\u0301", "a\u0308", "\u0301", "Å", "ﬁ",
        "\u0000", "\u0007", "\u001B", "\u0085", "\r\n", "\r", "\n", "\n\n", "\n\n\n", "\t", " ", "  ", "\u00A0", "\u2028", "\u2029",
        "\u200B", "\u200D", "\u00AD", "\uFEFF", "\u202E", ".", "!", "?", "…", "\"", "»", "«", ")", "Home » Politik » Streik\n",
        " date 2025-07 ", "Dienstag, April 30, 2024\n", "KIEW (dpa-AFX) - ", " /ksr/DP/stw", "Foto: dpa\n", "Teilen\n", "Mehr zum Thema:\n",
    ];

    /// <summary>Any UTF-16 code unit, including lone surrogates.</summary>
    private static readonly Gen<string> AnyChar = Gen.Char.Select(c => c.ToString());

    private static readonly Gen<string> Piece = Gen.Frequency((6, Gen.OneOf<string>(Pieces)), (2, AnyChar), (1, Gen.String[Gen.Char.AlphaNumeric, 1, 40]));

    public static readonly Gen<string> Text = Piece.Array[0, 120].Select(string.Concat);

    /// <summary>One very long line: no spaces or sentence ends to cut at (or few), so chunking must cut hard.</summary>
    public static readonly Gen<string> HugeLine =
        Gen.Select(Gen.Int[1_000, 30_000], Gen.OneOf<string>("a", "😀", "e\u0301", "ab ", "x."), (n, unit) => string.Concat(Enumerable.Repeat(unit, n / unit.Length)));

    public static readonly Gen<string> Any = Gen.Frequency((9, Text), (1, HugeLine), (1, Gen.Const(string.Empty)));
}
