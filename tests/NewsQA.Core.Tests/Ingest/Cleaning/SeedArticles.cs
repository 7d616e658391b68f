namespace NewsQA.Core.Tests.Ingest.Cleaning;

/// <summary>The five seed articles, copied next to the tests from the repo's seeds/ folder.</summary>
internal static class SeedArticles
{
    public static string Read(string id) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", id + ".txt"));
}
