using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PostureStream.Storage.Tests.Fixtures;

/// <summary>Collects log entries so tests can check what a user would be told.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, TaskCompletionSource<string> Logged)> _waiters = [];

    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string message = formatter(state, exception);
        lock (_gate)
        {
            Entries.Enqueue((logLevel, message));
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Level == logLevel)
                {
                    _waiters[i].Logged.TrySetResult(message);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public IEnumerable<string> At(LogLevel level) => Entries.Where(e => e.Level == level).Select(e => e.Message);

    /// <summary>The first message at <paramref name="level"/>: one already logged, or the next one.</summary>
    public Task<string> WhenLoggedAsync(LogLevel level)
    {
        lock (_gate)
        {
            foreach (var entry in Entries)
            {
                if (entry.Level == level)
                {
                    return Task.FromResult(entry.Message);
                }
            }

            var logged = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((level, logged));
            return logged.Task;
        }
    }
}
