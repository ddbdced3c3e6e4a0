using Microsoft.Extensions.Logging;

namespace PostureStream.Storage.Influx;

/// <summary>
/// Shows at most one message per <see cref="WarningKind"/> per minute and never hides one for
/// good: messages that come sooner are counted, and when the minute is over the latest of them is
/// shown with "(and N more like this in the last minute)". Dispose shows what is still pending.
/// Messages are passed as a delegate over a logger so the source-generated log methods stay as
/// they are; the count is appended to the formatted text.
/// </summary>
internal sealed class WarningRateLimiter(ILogger logger, TimeProvider time) : IDisposable
{
    /// <summary>At most one message per kind in this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<WarningKind, KindState> _kinds = [];
    private bool _disposed;

    /// <summary>Shows <paramref name="write"/> now, or counts it and shows the latest at the end of the minute.</summary>
    public void Log(WarningKind kind, Action<ILogger> write)
    {
        lock (_gate)
        {
            if (!_kinds.TryGetValue(kind, out var state))
            {
                _kinds[kind] = state = new KindState();
            }

            var now = time.GetUtcNow();
            bool due = state.LastShown is not DateTimeOffset last || now - last >= Window;
            if (_disposed || (due && state.Suppressed == 0))
            {
                state.LastShown = now;
                write(logger);
                return;
            }

            state.Suppressed++;
            state.Latest = write;
            if (state.Timer is null)
            {
                var wait = state.LastShown!.Value + Window - now;
                state.Timer = time.CreateTimer(_ => ShowSuppressed(kind), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Shows every message still held back.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var kind in _kinds.Keys.ToList())
            {
                ShowSuppressed(kind);
            }
        }
    }

    private void ShowSuppressed(WarningKind kind)
    {
        lock (_gate)
        {
            var state = _kinds[kind];
            state.Timer?.Dispose();
            state.Timer = null;
            if (state.Suppressed == 0 || state.Latest is null)
            {
                return;
            }

            int more = state.Suppressed - 1;
            var write = state.Latest;
            state.Suppressed = 0;
            state.Latest = null;
            state.LastShown = time.GetUtcNow();
            // Logged under the lock so the lines of one kind keep their order.
            write(more == 0 ? logger : new SuffixLogger(logger, $" (and {more} more like this in the last minute)"));
        }
    }

    private sealed class KindState
    {
        public DateTimeOffset? LastShown;
        public int Suppressed;
        public Action<ILogger>? Latest;
        public ITimer? Timer;
    }

    /// <summary>Appends a note to every message's formatted text.</summary>
    private sealed class SuffixLogger(ILogger inner, string suffix) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, (s, e) => formatter(s, e) + suffix);
    }
}
