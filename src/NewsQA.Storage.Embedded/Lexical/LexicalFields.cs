using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using NewsQA.Core.Documents;
using NewsQA.Core.Search.Analysis;
using NewsQA.Core.Search.Retrieval;

namespace NewsQA.Storage.Embedded.Lexical;

/// <summary>
/// One Lucene document per chunk: the three scored fields of <see cref="LexicalScoring"/> (terms, grams, the whole
/// document's terms), the chunk's row id to read it back from SQLite, and the fields filters match. No text is stored:
/// SQLite holds it once. Every search filters by the collection field, so another collection's chunks never compete for the top k.
/// </summary>
internal static class LexicalFields
{
    public const string Row = "row";
    public const string Document = "doc";
    public const string Collection = "collection";
    public const string Source = "source";
    public const string Language = "lang";
    public const string PublishedFrom = "from";
    public const string PublishedTo = "to";

    // Frequencies without positions: BM25 needs no more, and positions would double the postings.
    private static readonly FieldType Scored = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = false,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    public static string Name(LexicalField field) => field switch
    {
        LexicalField.Terms => "terms",
        LexicalField.Grams => "grams",
        LexicalField.DocumentTerms => "docterms",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The scored field a Lucene field name belongs to, or null for the others.</summary>
    public static LexicalField? Of(string fieldName) => fieldName switch
    {
        "terms" => LexicalField.Terms,
        "grams" => LexicalField.Grams,
        "docterms" => LexicalField.DocumentTerms,
        _ => null,
    };

    /// <summary>Sources match case-insensitively (<see cref="NewsQA.Core.Storage.SearchFilter.Matches"/>): indexed and queried in one case.</summary>
    public static string SourceKey(string source) => source.ToUpperInvariant();

    /// <summary>A day as the number the date fields hold (yyyyMMdd), so a range of days is a numeric range.</summary>
    public static int Day(DateOnly day) => int.Parse(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The Lucene documents of one stored document's chunks (row id and analysed terms each).</summary>
    public static IEnumerable<Document> For(DocumentSummary document, IReadOnlyList<(long RowId, IReadOnlyList<string> Terms)> chunks)
    {
        var documentTerms = DocumentTerms.Of(chunks.Select(c => c.Terms));
        foreach (var (rowId, terms) in chunks)
        {
            var lucene = new Document
            {
                new StoredField(Row, rowId),
                new StringField(Document, document.Id, Field.Store.NO),
                new StringField(Collection, document.Collection, Field.Store.NO),
                new StringField(Language, document.Language, Field.Store.NO),
                new Field(Name(LexicalField.Terms), new TermListTokenStream(terms), Scored),
                new Field(Name(LexicalField.Grams), new TermListTokenStream(TermGrams.Of(terms)), Scored),
                new Field(Name(LexicalField.DocumentTerms), new TermListTokenStream(documentTerms), Scored),
            };
            if (document.Source is { } source)
            {
                lucene.Add(new StringField(Source, SourceKey(source), Field.Store.NO));
            }

            if (document.PublishedAt is { } date)
            {
                lucene.Add(new Int32Field(PublishedFrom, Day(date.Earliest), Field.Store.NO));
                lucene.Add(new Int32Field(PublishedTo, Day(date.Latest), Field.Store.NO));
            }

            yield return lucene;
        }
    }

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
