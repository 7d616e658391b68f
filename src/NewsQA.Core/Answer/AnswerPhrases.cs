using NewsQA.Core.Language;
namespace NewsQA.Core.Answer;

/// <summary>The fixed sentences the service says itself, in the question's language.</summary>
public static class AnswerPhrases
{
    public static string NoAnswer(string language) => language == LanguageCode.English
        ? "I could not find an answer to this question in the articles."
        : "Dazu habe ich in den Artikeln keine Antwort gefunden.";

    public static string Unverified(string language) => language == LanguageCode.English
        ? "(Some statements could not be verified against the articles and are shown without a source.)"
        : "(Einige Aussagen ließen sich nicht in den Artikeln belegen und stehen ohne Quelle.)";
}
