namespace NewsQA.Testing;

/// <summary>
/// A fresh folder under the system's temp directory for one test class (a field, disposed with the class) or one test
/// (<c>using var</c>). It converts to its path, so it goes wherever a folder path does.
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <param name="prefix">Names the folder after its test, e.g. <c>newsqa-cli-</c>, so a leftover says whose it is.</param>
    public TempFolder(string prefix = "newsqa-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public static implicit operator string(TempFolder folder) => folder.Path;

    public override string ToString() => Path;

    /// <summary>Deletes the folder; a file a dying child process still holds open is left to the OS's temp cleaning.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a test's result never depends on its clean-up.
        }
    }
}
