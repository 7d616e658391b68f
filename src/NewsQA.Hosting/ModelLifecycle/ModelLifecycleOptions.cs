using NewsQA.Embeddings.Onnx;
using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;
namespace NewsQA.Hosting.ModelLifecycle;

/// <summary>
/// Section <c>Embeddings</c>, the keys of the model's lifecycle while the service runs: fetching the configured model
/// when it is missing, watching the models folder for it, and embedding the stored documents once it loads.
/// </summary>
public sealed class ModelLifecycleOptions : ISectionOptions
{
    public static string Section => OnnxEmbeddingOptions.Section;

    /// <summary>
    /// <c>Embeddings:AutoPull</c>: download the configured model in the background when it is missing. Unset, the
    /// host decides: on for the API (the first start becomes semantic without a second step), off for the CLI.
    /// </summary>
    public bool? AutoPull { get; set; }

    /// <summary><c>Embeddings:WatchInterval</c>: how often the models folder is looked at for a model dropped in or pulled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "1.00:00:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>Embeddings:BackfillBatch</c>: documents embedded per step when a model arrives for a filled store.</summary>
    [Range(1, 10_000)]
    public int BackfillBatch { get; set; } = 16;

    /// <summary>
    /// <c>Embeddings:BackfillPause</c>: extra rest after each step. Each step already rests as long as it worked,
    /// so the backfill takes at most half the CPU and queries keep the rest.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BackfillPause { get; set; } = TimeSpan.Zero;
}
