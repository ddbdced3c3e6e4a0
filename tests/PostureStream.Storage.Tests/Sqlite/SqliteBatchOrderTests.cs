using PostureStream.Storage.Points;
using PostureStream.Storage.Sqlite;
using PostureStream.Vocabulary;
using Xunit;

namespace PostureStream.Storage.Tests.Sqlite;

public sealed class SqliteBatchOrderTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Arrange_OrdersByTime_KeepingArrivalOrderAmongEqualTimes()
    {
        var a = new DeviceSeries("a", 1);
        var b = new DeviceSeries("b", 2);
        SqliteQueuedPoint[] batch =
        [
            Point(a, 2, 1), Point(b, 0, 2), Point(a, 1, 3), Point(b, 2, 4), Point(a, 0, 5), Point(a, 2, 6),
        ];

        var order = new SqliteBatchOrder().Arrange(batch).ToArray().Select(s => s.Index).ToArray();

        Assert.Equal([1, 4, 2, 0, 3, 5], order);
    }

    [Fact]
    public void Arrange_LeavesAnOrderedBatchAsItIs_AndReusesItsBuffer()
    {
        var order = new SqliteBatchOrder();
        var device = new DeviceSeries("a", 1);
        SqliteQueuedPoint[] large = Enumerable.Range(0, 100).Select(i => Point(device, i, i)).ToArray();
        SqliteQueuedPoint[] small = [Point(device, 5, 0), Point(device, 4, 1)];

        Assert.Equal(Enumerable.Range(0, 100), order.Arrange(large).ToArray().Select(s => s.Index));
        Assert.Equal([1, 0], order.Arrange(small).ToArray().Select(s => s.Index));
    }

    private static SqliteQueuedPoint Point(DeviceSeries device, int tenths, double pitch) =>
        new(new PostureRecord(device, T0.AddTicks(tenths * TimeSpan.TicksPerSecond / 10), pitch, 0, 0, 0, 0, 0, 0, Activity.Sitting, PostureState.Neutral));
}
