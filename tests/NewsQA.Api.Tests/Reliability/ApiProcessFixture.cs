using NewsQA.Testing;
namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// One API process shared by the tests of a class (<c>IClassFixture</c>), so a battery of probes costs one start.
/// It has its own folder, and every log category at Information (appsettings.json raises some to Warning), so a
/// stack trace logged at any level shows in <see cref="ApiProcess.StackTraces"/>.
/// </summary>
public abstract class ApiProcessFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string> EveryCategoryAtInformation = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information",
    };

    /// <summary>The process's own folder: its data folder is <c>data</c> inside, unless <see cref="Settings"/> says otherwise.</summary>
    private readonly TempFolder folder = new("newsqa-process-");

    public string Folder => folder.Path;

    public ApiProcess Api { get; private set; } = null!;

    /// <summary>The configuration that makes this fixture's instance what it is, given <see cref="Folder"/>.</summary>
    protected abstract IReadOnlyDictionary<string, string> Settings(string folder);

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>(EveryCategoryAtInformation);
        foreach (var (key, value) in Settings(Folder))
        {
            settings[key] = value;
        }

        Api = await ApiProcess.StartAsync(Path.Combine(Folder, "data"), settings, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        folder.Dispose();

        GC.SuppressFinalize(this);
    }
}
