
namespace NewsQA.Evaluation.Tests;

public sealed class HeldOutArticlesTests
{
    private static readonly EvalParagraph[] Paragraphs =
    [
        new("a-0", "Alpha", "…"), new("a-1", "Alpha", "…"),
        new("b-0", "Beta", "…"),
        new("c-0", "Gamma", "…"), new("c-1", "Gamma", "…"),
    ];

    private static EvalQuestion Question(string id, string gold) => new(id, "?", ["x"], gold);

    [Fact]
    public void Split_AsksEveryQuestionOnceAndNeverOfItsOwnArticle()
    {
        EvalQuestion[] questions = [Question("q1", "a-1"), Question("q2", "b-0"), Question("q3", "c-0"), Question("q4", "a-0")];

        var folds = HeldOutArticles.Split(Paragraphs, questions);

        Assert.Equal(["q1", "q2", "q3", "q4"], folds.SelectMany(f => f.Questions).Select(q => q.Id).Order());
        foreach (var fold in folds)
        {
            var titles = fold.Paragraphs.Select(p => p.Title).ToHashSet();
            foreach (var q in fold.Questions)
            {
                Assert.DoesNotContain(Paragraphs.Single(p => p.Id == q.GoldParagraphId).Title, titles);
            }
        }
    }

    [Fact]
    public void Split_AQuestionIsAskedOfTheOtherArticlesParagraphs()
    {
        var folds = HeldOutArticles.Split(Paragraphs, [Question("q", "b-0")]);

        // Beta's question meets Alpha and Gamma whole: an archive around the answer, only the answer's article gone.
        var fold = Assert.Single(folds);
        Assert.Equal(["a-0", "a-1", "c-0", "c-1"], fold.Paragraphs.Select(p => p.Id));
    }

    [Fact]
    public void Split_AQuestionWithoutItsParagraphIsAskedOfTheFirstFold()
    {
        var fold = Assert.Single(HeldOutArticles.Split(Paragraphs, [Question("q", "elsewhere")]));

        Assert.Equal(["b-0"], fold.Paragraphs.Select(p => p.Id));
    }
}
