using System.Threading.Channels;
using PostureStream.Devices.Session;

namespace PostureStream.Devices.Tests.Support;

/// <summary>Subscribes to a session and lets the test await the events it expects, in order.</summary>
internal sealed class EventRecorder : IDisposable
{
    private readonly Channel<DeviceEvent> _events = Channel.CreateUnbounded<DeviceEvent>();
    private readonly List<DeviceEvent> _all = [];
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;

    public EventRecorder(DeviceSession session)
    {
        _subscription = session.Events.Subscribe(
            e =>
            {
                lock (_all)
                {
                    _all.Add(e);
                }

                _events.Writer.TryWrite(e);
            },
            e => _completed.TrySetException(e),
            () => _completed.TrySetResult());
    }

    public IReadOnlyList<DeviceEvent> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public Task Completed => _completed.Task.WaitAsync(LinkExtensions.Patience);

    /// <summary>The next event of type <typeparamref name="T"/>, skipping others (they stay in <see cref="All"/>).</summary>
    public async Task<T> NextAsync<T>()
        where T : DeviceEvent
    {
        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (true)
        {
            DeviceEvent e = await _events.Reader.ReadAsync(timeout.Token);
            if (e is T wanted)
            {
                return wanted;
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
