using System.Reactive.Subjects;
using PostureStream.Cli.Run;

namespace PostureStream.Cli.Tests;

/// <summary>The simulator's link holds a bounded number of chunks, so a slow reader slows the simulator.</summary>
public sealed class BoundedPushLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pusher_WaitsBeyondTheBound_CommandsStillGoThrough_AndEveryByteArrivesInOrder()
    {
        var device = new Subject<ReadOnlyMemory<byte>>();
        var deviceGate = new object();
        var commandReceived = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Like the simulator: it pushes under its lock, and taking a command needs the same lock.
        var link = new BoundedPushLink(device, bytes => { lock (deviceGate) { commandReceived.TrySetResult(bytes); } }, () => { }, maxChunks: 4);
        int pushed = 0;
        var fourPushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task pusher = Task.Factory.StartNew(
            () =>
            {
                for (byte i = 0; i < 20; i++)
                {
                    lock (deviceGate)
                    {
                        device.OnNext(new[] { i });
                    }

                    if (Interlocked.Increment(ref pushed) == 4)
                    {
                        fourPushed.SetResult();
                    }
                }

                device.OnCompleted();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        await fourPushed.Task.WaitAsync(Timeout);
        Assert.InRange(Volatile.Read(ref pushed), 4, 4);
        Assert.False(pusher.IsCompleted);

        // The pusher holds its lock while it waits: a command must not wait for it.
        Assert.True(link.WriteAsync(new byte[] { 0x84 }, CancellationToken.None).IsCompleted);

        var received = new List<byte>();
        var buffer = new byte[16];
        int read;
        while ((read = await link.ReadAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Timeout)) > 0)
        {
            received.AddRange(buffer.AsSpan(0, read).ToArray());
            Assert.True(Volatile.Read(ref pushed) <= 4 + received.Count, "more chunks waiting than the bound");
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), received);
        Assert.Equal([0x84], await commandReceived.Task.WaitAsync(Timeout));
        await pusher.WaitAsync(Timeout);
        await link.DisposeAsync();
    }
}
