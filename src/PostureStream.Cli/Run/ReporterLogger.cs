using Microsoft.Extensions.Logging;

namespace PostureStream.Cli.Run;

/// <summary>
/// What the stores log, as run report lines: warnings and errors (a server down, a store behind, a
/// full spool or disk queue, dead letters) always; information (caught up, reachable again) unless <c>--quiet</c>.
/// </summary>
internal sealed class ReporterLogger(RunReporter reporter, string source) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Warning)
        {
            reporter.Warn($"{source}: {formatter(state, exception)}");
        }
        else if (IsEnabled(logLevel))
        {
            reporter.Info($"{source}: {formatter(state, exception)}");
        }
    }
}
