namespace NewsQA.Core.Answer.Extractive;

/// <summary>
/// How the extractive answerer turns coverage into confidence:
/// <c>Sentence × coverage(sentence) + Passage × coverage(passage) + Rank × 1/(1 + rank) + DocumentMargin × margin</c>
/// (the margin only where the passage covers <see cref="MarginMinPassageCoverage"/> of the question),
/// plus <see cref="AnswerTypeBonus"/> when the sentence holds the kind of fact asked for and minus
/// <see cref="HeadlinePenalty"/> when it does not end like a sentence. When a model ranked the passages, that score and
/// the sentence's cosine to the question are averaged, <c>(score + Meaning × cosine) / (1 + Meaning)</c>.
/// <c>Answer:MinConfidence</c> (0.40) was calibrated on exactly these values for lexical retrieval (a model's threshold
/// comes from <c>newsqa eval --calibrate</c>): change one and recalibrate, or the threshold no longer means what it says.
/// </summary>
/// <param name="Sentence">Weight of the sentence's own coverage of the question.</param>
/// <param name="Passage">Weight of its passage's coverage (context the sentence leans on).</param>
/// <param name="Rank">Weight of the retrieval rank of its passage.</param>
/// <param name="AnswerTypeBonus">Added when a "wie viele" question meets a number, a "wann" question a date, and so on.</param>
/// <param name="HeadlinePenalty">Subtracted for a fragment (a headline, a cut-off line) rather than a sentence.</param>
/// <param name="SecondSentenceRatio">A second sentence joins the answer only with at least this share of the best confidence.</param>
/// <param name="PairPenalty">Subtracted from a sentence quoted with its neighbour, so the pair wins only when the neighbour adds.</param>
/// <param name="DocumentMargin">Weight of how far the sentence's article stands out in the lexical ranking (<see cref="RetrievalMargin"/>).</param>
/// <param name="MarginMinPassageCoverage">The article's lead counts only for a passage covering at least this share of the question.
/// It keeps the trade-off of answers against false answers and moves the shipped threshold's point to fewer false answers for a
/// few answers; a higher share cuts both further (docs/quality-levers.md, ExtractiveWeights.MarginMinPassageCoverage).</param>
/// <param name="Meaning">Weight of the sentence's cosine to the question (<see cref="SentenceMeaning"/>) against the word-based score, when a
/// model ranked the passages. Every weight tried made the quote hold the gold answer more often with both real models, and 2 is near
/// the best for both (docs/quality-levers.md, ExtractiveWeights.Meaning).</param>
public sealed record ExtractiveWeights(
    double Sentence = 0.55,
    double Passage = 0.35,
    double Rank = 0.10,
    double AnswerTypeBonus = 0.08,
    double HeadlinePenalty = 0.2,
    double SecondSentenceRatio = 0.9,
    double PairPenalty = 0.05,
    double DocumentMargin = 0.8,
    double MarginMinPassageCoverage = 0.15,
    double Meaning = 2.0)
{
    /// <summary>The weights <c>Answer:MinConfidence</c> was calibrated on.</summary>
    public static ExtractiveWeights Calibrated { get; } = new();
}
