namespace NewsQA.Testing;

/// <summary>The repository's folders, found once by walking up from the test binaries to <c>NewsQA.sln</c>.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string TestData => Path.Combine(Root, "tests", "TestData");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsQA.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsQA.sln not found above " + AppContext.BaseDirectory);
    }
}
