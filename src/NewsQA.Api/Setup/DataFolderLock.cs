using NewsQA.Core.Configuration;
using NewsQA.Hosting.Configuration;
using NewsQA.Hosting.Selection;

namespace NewsQA.Api.Setup;

/// <summary>
/// One API process per embedded data folder: the first holds <c>api.lock</c> in it (an exclusive lock the system
/// releases when the process ends, however it ends), and a second is refused at start with one line. Two API
/// processes on one SQLite file would each answer 201 for the same new id, since "does it exist" is read before the
/// write; with Qdrant the API scales out and nothing is locked. The CLI takes no lock: it works beside the API.
/// </summary>
internal sealed class DataFolderLock(FileStream? held) : IHostedService, IDisposable
{
    public const string FileName = "api.lock";

    /// <summary>Takes the lock for the configured embedded data folder, or throws the one-line refusal.</summary>
    public static DataFolderLock Acquire(IConfiguration configuration)
    {
        if (!StoreSelection.ProviderName(configuration).Trim().Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            return new DataFolderLock(null);
        }

        var folder = Path.GetFullPath(DataOptions.PathOf(configuration));
        var file = Path.Combine(folder, FileName);
        try
        {
            Directory.CreateDirectory(folder);
            // FileShare.None is an exclusive flock on Unix and a sharing mode on Windows: a second opener fails.
            return new DataFolderLock(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(file))
        {
            throw new InvalidConfigurationException([$"{DataOptions.PathKey}: another NewsQA API process already serves this data folder; stop it, or give this process its own {DataOptions.PathKey}"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No folder to lock (Data:Path names a file, no permission): the store reports that, and readiness with it.
            return new DataFolderLock(null);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => held?.Dispose();
}
