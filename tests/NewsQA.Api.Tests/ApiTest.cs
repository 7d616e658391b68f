using NewsQA.Testing;

namespace NewsQA.Api.Tests;

/// <summary>
/// Base of API tests that talk to one in-process app: each test class instance gets its own
/// <see cref="NewsQaApplication"/> (own data directory) built from <paramref name="settings"/>, and a client for it:
/// in memory, or with <paramref name="onLoopback"/> over a real socket for what only Kestrel itself shows (its checks
/// of the request line before the app runs, the headers a browser receives).
/// </summary>
public abstract class ApiTest(IReadOnlyDictionary<string, string?>? settings = null, bool onLoopback = false) : IAsyncLifetime
{
    protected NewsQaApplication App { get; } = new(settings);

    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Client = onLoopback ? new HttpClient { BaseAddress = new Uri(App.StartOnLoopback()) } : App.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
