using Microsoft.Extensions.Logging;

namespace NewsQA.Storage.Qdrant;

/// <summary>
/// Loggers for the libraries under the store (the gRPC channel, Qdrant.Client) that write everything at Debug.
/// <see cref="QdrantCalls"/> logs each failed operation once, with its gRPC status; those libraries would log the
/// same failure again per attempt, each with the socket exception's stack trace, so an unreachable Qdrant filled
/// the log with hundreds of lines (issue 12). At Debug the detail is still there for whoever turns it on.
/// </summary>
internal sealed class DebugLevelLoggers(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Demoted(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The factory belongs to the host; only the wrapper goes.</summary>
    public void Dispose()
    {
    }

    private sealed class Demoted(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && inner.IsEnabled(Demote(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.None)
            {
                inner.Log(Demote(logLevel), eventId, state, exception, formatter);
            }
        }

        private static LogLevel Demote(LogLevel level) => level > LogLevel.Debug ? LogLevel.Debug : level;
    }
}
