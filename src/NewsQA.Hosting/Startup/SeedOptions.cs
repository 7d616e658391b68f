using NewsQA.Core.Configuration;
namespace NewsQA.Hosting.Startup;

public sealed class SeedOptions : ISectionOptions
{
    public static string Section => "Seeds";

    /// <summary>Folder of seed articles ingested into an empty store at start.</summary>
    public string Path { get; set; } = "./seeds";

    public bool IngestOnEmpty { get; set; } = true;
}
