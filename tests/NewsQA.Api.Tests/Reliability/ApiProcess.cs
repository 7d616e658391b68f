using NewsQA.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsQA.Api.Tests.Reliability;

/// <summary>
/// The real API as a separate process (<c>dotnet exec NewsQA.Api.dll</c>) on 127.0.0.1 and a free port,
/// so a test can SIGKILL or SIGTERM it like an operator or the kernel would.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly StackTraceWatch stackTraces = new();

    private ApiProcess(Process process, int port, string? unixSocket)
    {
        this.process = process;
        Port = port;
        Client = unixSocket is null
            ? new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) }
            : new HttpClient(OverUnixSocket(unixSocket)) { BaseAddress = new Uri("http://localhost"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every connection goes to the unix socket, as a reverse proxy on the same machine would connect.</summary>
    private static SocketsHttpHandler OverUnixSocket(string path) => new()
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };

    public int Port { get; }

    public HttpClient Client { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join('\n', output);

    /// <summary>Every log entry that printed a stack trace since the start (its header and message), kept whole unlike <see cref="Output"/>.</summary>
    public IReadOnlyList<string> StackTraces => stackTraces.Entries;

    /// <summary>The API's build output next to this test build (same configuration).</summary>
    public static string ApiDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            var dll = Path.Combine(NewsQaApplication.RepoRoot, "src", "NewsQA.Api", "bin", configuration, "net10.0", "NewsQA.Api.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/NewsQA.Api first.", dll);
        }
    }

    /// <summary>Starts the API on 127.0.0.1 and a free port, or on <paramref name="unixSocket"/> when given.</summary>
    public static async Task<ApiProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default, string? unixSocket = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiDll)!,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ApiDll);
        var all = new Dictionary<string, string>
        {
            ["urls"] = unixSocket is null ? $"http://127.0.0.1:{port}" : $"http://unix:{unixSocket}",
            ["Data:Path"] = dataPath,
            ["Seeds:IngestOnEmpty"] = "false",
            ["RateLimit:Enabled"] = "false",
            ["Embeddings:AutoPull"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var api = new ApiProcess(Process.Start(start)!, port, unixSocket);
        api.process.OutputDataReceived += (_, e) => api.Collect(e.Data);
        api.process.ErrorDataReceived += (_, e) => api.Collect(e.Data);
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
        await api.WaitLiveAsync(cancellationToken);
        return api;
    }

    /// <summary>
    /// Starts the API with <paramref name="environment"/> (as an operator's shell or docker compose would set it)
    /// and waits until it exits by itself; null when it is still running after <paramref name="timeout"/> (then it is killed).
    /// </summary>
    public static async Task<(int? ExitCode, string Output)> RunUntilExitAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ApiDll);
        start.Environment["urls"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Seeds__IngestOnEmpty"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken);
            return (null, await output + await error);
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: what systemd, Docker and Kubernetes send to stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            stackTraces.Read(line);
            output.Enqueue(line);
            while (output.Count > 400)
            {
                output.TryDequeue(out _);
            }
        }
    }

    private async Task WaitLiveAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/live", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The API did not come up:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
