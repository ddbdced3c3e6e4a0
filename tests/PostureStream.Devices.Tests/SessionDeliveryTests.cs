using PostureStream.Devices.Links;
using PostureStream.Devices.Session;
using PostureStream.Devices.Tests.Support;
using PostureStream.Protocol;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests;

/// <summary>The session delivers its events outside its lock, one at a time and in order (a scripted device on a real PTY).</summary>
public sealed class SessionDeliveryTests : ScriptedPtyFixture
{
    [Fact]
    public async Task WhileASubscriberHandlesSamples_AnotherThreadCanStillReadTheSession()
    {
        await using var session = new DeviceSession(new SerialConnector(Pty.LinkPath, 115200), null, Time);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable _ = session.Events.Subscribe(e =>
        {
            if (e is SamplesReceived && !answered.Task.IsCompleted)
            {
                // Under the old design the subscriber ran inside the session's lock, which Identity takes: this waited for ever.
                Task<SessionIdentity?> identity = Task.Run(() => session.Identity);
                answered.TrySetResult(identity.Wait(LinkExtensions.Patience));
            }
        });

        await session.StartAsync(CancellationToken.None);
        await Device.AnswerHandshakeAsync(Hello);
        await Device.SendSamplesAsync(firstTick: 1_000, frames: 1);

        Assert.True(await answered.Task.WaitAsync(LinkExtensions.Patience * 2));
    }

    [Fact]
    public async Task ATimerEventWhileASubscriberIsBusy_WaitsItsTurn_AndComesAfter()
    {
        await using var session = new DeviceSession(new SerialConnector(Pty.LinkPath, 115200), null, Time);
        using var busy = new SemaphoreSlim(0);
        var inSamples = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statsArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<DeviceEvent>();
        int concurrent = 0;
        int overlaps = 0;
        using IDisposable _ = session.Events.Subscribe(e =>
        {
            if (Interlocked.Increment(ref concurrent) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            lock (order)
            {
                order.Add(e);
            }

            if (e is LinkStatsReported)
            {
                statsArrived.TrySetResult();
            }

            if (e is SamplesReceived && !inSamples.Task.IsCompleted)
            {
                inSamples.TrySetResult();
                busy.Wait(LinkExtensions.Patience);
            }

            Interlocked.Decrement(ref concurrent);
        });

        await session.StartAsync(CancellationToken.None);
        await Device.AnswerHandshakeAsync(Hello);
        await Device.SendSamplesAsync(firstTick: 1_000, frames: 1);
        await inSamples.Task.WaitAsync(LinkExtensions.Patience);

        // The link_stats timer fires on this thread while the reader's subscriber is busy: it must neither wait
        // for the subscriber (the old lock made this call hang) nor deliver beside it.
        Time.Advance(TimeSpan.FromSeconds(10));
        bool statsBeforeRelease;
        lock (order)
        {
            statsBeforeRelease = order.OfType<LinkStatsReported>().Any();
        }

        busy.Release();
        await statsArrived.Task.WaitAsync(LinkExtensions.Patience);

        Assert.False(statsBeforeRelease);
        Assert.Equal(0, overlaps);
        lock (order)
        {
            Assert.True(order.FindIndex(e => e is SamplesReceived) < order.FindIndex(e => e is LinkStatsReported));
        }
    }
}
