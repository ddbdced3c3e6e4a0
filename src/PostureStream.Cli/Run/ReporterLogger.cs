using Microsoft.Extensions.Logging;

namespace PostureStream.Cli.Run;

/// <summary>Warnings and errors of the stores (a server down, a full spool, dead letters) as run report lines.</summary>
internal sealed class ReporterLogger(RunReporter reporter, string source) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            reporter.Warn($"{source}: {formatter(state, exception)}");
        }
    }
}
