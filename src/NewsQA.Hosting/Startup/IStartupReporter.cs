namespace NewsQA.Hosting.Startup;

/// <summary>
/// How a host shows what start-up found, the one part of <see cref="NewsQaStartup.StartAsync"/> that is the host's
/// own: the API logs it (with who may write and read), the CLI writes warnings to stderr so stdout stays the
/// command's output.
/// </summary>
public interface IStartupReporter
{
    /// <summary>The checks ran: store, embedding model, calibration, chunking. Called once, before the seeds go in.</summary>
    void ChecksDone(StartupReport report);

    /// <summary>The model was brought in before start-up ended (<see cref="StartupPolicy.AwaitModelWhenAutoPull"/>); <paramref name="message"/> says where it stands.</summary>
    void ModelAwaited(string message);
}
