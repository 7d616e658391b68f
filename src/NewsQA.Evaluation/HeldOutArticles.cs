namespace NewsQA.Evaluation;

/// <summary>
/// The questions an archive cannot answer, built from answerable ones: each question is asked of the archive without
/// its own article, so every answer it gets is a false one. The articles (paragraphs grouped by title, in order of
/// first appearance) alternate between two folds; a fold's questions are asked of the other fold's paragraphs and the
/// distractors. The other articles matter: asked of the distractors alone, a question in a language they are not
/// written in (English questions, German 10kGNAD) is refused by the language guard and never tests the threshold, and
/// paragraphs written like its own are the hardest ones not to answer from.
/// </summary>
public static class HeldOutArticles
{
    /// <summary>One unanswerable set: <see cref="Questions"/> asked of <see cref="Paragraphs"/> (plus the distractors).</summary>
    public sealed record Fold(IReadOnlyList<EvalParagraph> Paragraphs, IReadOnlyList<EvalQuestion> Questions);

    /// <summary>
    /// Two folds covering every question once; a fold's paragraphs hold none of its questions' articles. A question
    /// whose gold paragraph is not among <paramref name="paragraphs"/> has no article to hold out and joins the first fold.
    /// </summary>
    public static IReadOnlyList<Fold> Split(IReadOnlyList<EvalParagraph> paragraphs, IReadOnlyList<EvalQuestion> questions)
    {
        var articleOf = paragraphs.ToDictionary(p => p.Id, ArticleOf, StringComparer.Ordinal);
        var foldOfArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in paragraphs.Select(ArticleOf))
        {
            foldOfArticle.TryAdd(article, foldOfArticle.Count % 2);
        }

        int FoldOf(EvalQuestion q) => articleOf.TryGetValue(q.GoldParagraphId, out var article) ? foldOfArticle[article] : 0;
        return [.. Enumerable.Range(0, 2)
            .Select(fold => new Fold(
                paragraphs.Where(p => foldOfArticle[ArticleOf(p)] != fold).ToList(),
                questions.Where(q => FoldOf(q) == fold).ToList()))
            .Where(f => f.Questions.Count > 0)];
    }

    /// <summary>XQuAD's paragraphs carry their article's title; a paragraph without one is an article of its own.</summary>
    private static string ArticleOf(EvalParagraph paragraph) => paragraph.Title ?? paragraph.Id;
}
