using PostureStream.Devices.Tests.Support;
using PostureStream.Devices.WitMotion;
using PostureStream.Testing;

namespace PostureStream.Devices.Tests.WitMotion;

/// <summary>
/// A WitMotion sensor has no clock: its samples' times are estimated from when its bytes arrived. Bytes the serial
/// link's reader took while the pipeline was still busy with the previous read arrived then, not when the pipeline
/// got round to them.
/// </summary>
public sealed class WitMotionArrivalStampTests
{
    [Fact]
    public async Task BytesTakenWhileTheConsumerIsBusy_KeepTheTimeTheyArrived()
    {
        var time = new StampWatchingClock();
        using var pipe = new TestPipe(time);
        await using var source = new WitMotionLinkSource(pipe, WitMotionFraming.Serial, time);
        await source.OpenAsync(CancellationToken.None);
        await using IAsyncEnumerator<WitMotionChunk> chunks = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        long arrived = WitMotionChunk.Microseconds(time.GetUtcNow());

        pipe.Write(WitMotionSerialStandIn.Cycle(1, 2));
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(LinkExtensions.Patience));

        // The consumer is still busy with that read (it has not asked for the next) when the next period comes;
        // the link's reader takes it at once, and the consumer asks for it a second later.
        long stamps = time.Timestamps;
        pipe.Write(WitMotionSerialStandIn.Cycle(3, 4));
        await pipe.UntilTakenAsync();
        await time.UntilTimestampsAsync(stamps + 1);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await chunks.MoveNextAsync().AsTask().WaitAsync(LinkExtensions.Patience));

        Assert.Equal(WitMotionChunkKind.Data, chunks.Current.Kind);
        Assert.Equal(3 * 11, chunks.Current.Bytes.Length);
        Assert.Equal(arrived, chunks.Current.ArrivalMicroseconds);
    }

    /// <summary>
    /// A <see cref="ManualTimeProvider"/> that counts its timestamp reads, so the test can let the link's reader
    /// (which stamps as its read returns) finish stamping before it moves the clock on.
    /// </summary>
    private sealed class StampWatchingClock : TimeProvider
    {
        private readonly ManualTimeProvider _clock = new();
        private long _timestamps;

        public long Timestamps => Interlocked.Read(ref _timestamps);

        public override long TimestampFrequency => _clock.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

        public override long GetTimestamp()
        {
            long now = _clock.GetTimestamp();
            Interlocked.Increment(ref _timestamps);
            return now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _clock.CreateTimer(callback, state, dueTime, period);

        public void Advance(TimeSpan by) => _clock.Advance(by);

        /// <summary>Waits (up to the links' patience) until the timestamp has been read <paramref name="count"/> times; a link that never stamps shows in the arrival it gives.</summary>
        public async Task UntilTimestampsAsync(long count)
        {
            long started = System.GetTimestamp();
            while (Timestamps < count && System.GetElapsedTime(started) < LinkExtensions.Patience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
