using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Configuration;

namespace NewsQA.Storage.Embedded;

public sealed class EmbeddedStoreOptions : ISectionOptions
{
    public static string Section => "Store:Embedded";

    /// <summary>The data directory (<see cref="DataOptions.Path"/>); the store keeps <c>newsqa.db</c> in it.</summary>
    [SetFrom(DataOptions.PathKey)]
    public string DataPath { get; set; } = DataOptions.DefaultPath;

    /// <summary>
    /// <c>Store:Embedded:QuantizedSearchFrom</c>: chunk count from which dense search pre-selects candidates on int8
    /// vectors and rescores them exactly (its recall is held by DenseIndexQuantizedTests); below it every search is an
    /// exact float scan.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int QuantizedSearchFrom { get; set; } = DenseIndex.DefaultQuantizedFrom;

    public string DatabaseFile => Path.Combine(Path.GetFullPath(DataPath), "newsqa.db");

    /// <summary>The Lucene index of the chunks' terms: derived from <see cref="DatabaseFile"/>, rebuilt from it when lost.</summary>
    public string LexicalIndexFolder => Path.Combine(Path.GetFullPath(DataPath), "lexical");
}
