using NewsQA.Core.Documents;

namespace NewsQA.Core.Ingest.Cleaning;

/// <summary>What the cleaner found in a raw article: its metadata and the body that gets indexed.</summary>
/// <param name="Title">Headline; when the article has none, its first sentence (shortened).</param>
/// <param name="PublishedAt">Date from a date marker or page date, with the precision it was given in.</param>
/// <param name="Source">Agency or publication named in a dateline, trailer or brand line.</param>
/// <param name="Text">Clean body: boilerplate gone, every article sentence kept, NFC, <c>\n</c> line breaks.</param>
public sealed record CleanedArticle(string Title, PublicationDate? PublishedAt, string? Source, string Text);
