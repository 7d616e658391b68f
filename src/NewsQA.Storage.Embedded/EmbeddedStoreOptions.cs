namespace NewsQA.Storage.Embedded;

public sealed class EmbeddedStoreOptions
{
    /// <summary>The data directory (configuration key <c>Data:Path</c>); the store keeps <c>newsqa.db</c> in it.</summary>
    public string DataPath { get; set; } = "./data";

    /// <summary>
    /// <c>Store:Embedded:QuantizedSearchFrom</c>: chunk count from which dense search pre-selects candidates on int8
    /// vectors and rescores them exactly (recall@10 ≥ 0.99 in tests); below it every search is an exact float scan.
    /// </summary>
    public int QuantizedSearchFrom { get; set; } = DenseIndex.DefaultQuantizedFrom;

    public string DatabaseFile => Path.Combine(Path.GetFullPath(DataPath), "newsqa.db");
}
