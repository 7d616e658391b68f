namespace NewsQA.Storage.Embedded;

public sealed class EmbeddedStoreOptions
{
    /// <summary>The data directory (configuration key <c>Data:Path</c>); the store keeps <c>newsqa.db</c> in it.</summary>
    public string DataPath { get; set; } = "./data";

    public string DatabaseFile => Path.Combine(Path.GetFullPath(DataPath), "newsqa.db");
}
