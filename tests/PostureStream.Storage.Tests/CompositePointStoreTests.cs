using PostureStream.Storage.Points;

namespace PostureStream.Storage.Tests;

public sealed class CompositePointStoreTests
{
    private static readonly DeviceSeries Device = new("belt", 0xABCDEF);

    [Fact]
    public async Task Write_GoesToEveryStore_WithTheSourcesPacing()
    {
        var first = new RecordingStore();
        var second = new RecordingStore();
        await using var stores = new CompositePointStore([first, second]);
        stores.Write(Bend(), StorePacing.Wait);
        stores.Write(Bend());
        Assert.Equal([StorePacing.Wait, StorePacing.Spill], first.Pacings);
        Assert.Equal(first.Pacings, second.Pacings);
    }

    [Fact]
    public async Task PointsLost_IsTheSumOverTheStores_AndStopWaitingReachesEach()
    {
        var first = new RecordingStore { Lost = 3 };
        var second = new RecordingStore { Lost = 4 };
        await using var stores = new CompositePointStore([first, second]);
        Assert.Equal(7, stores.PointsLost);
        stores.StopWaiting();
        Assert.True(first.StoppedWaiting && second.StoppedWaiting);
    }

    [Fact]
    public async Task Dispose_ClosesEveryStore_EvenWhenOneFails()
    {
        var failing = new RecordingStore { FailOnDispose = true };
        var other = new RecordingStore();
        var stores = new CompositePointStore([failing, other]);
        await Assert.ThrowsAsync<AggregateException>(async () => await stores.DisposeAsync());
        Assert.True(other.Disposed);
    }

    private static PostureBendRecord Bend() => new(Device, DateTime.UnixEpoch, 1, 2, 3, 0.5, false);

    private sealed class RecordingStore : IPointStore
    {
        public List<StorePacing> Pacings { get; } = [];

        public long Lost { get; init; }

        public bool FailOnDispose { get; init; }

        public bool StoppedWaiting { get; private set; }

        public bool Disposed { get; private set; }

        long IPointStore.PointsLost => Lost;

        public bool Write<T>(in T point)
            where T : struct, IStoredPoint => Write(in point, StorePacing.Spill);

        public bool Write<T>(in T point, StorePacing pacing)
            where T : struct, IStoredPoint
        {
            Pacings.Add(pacing);
            return true;
        }

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        void IPointStore.StopWaiting() => StoppedWaiting = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return FailOnDispose ? ValueTask.FromException(new IOException("disk gone")) : ValueTask.CompletedTask;
        }
    }
}
