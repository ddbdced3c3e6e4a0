using System.Text;
using PostureStream.Storage.LineProtocol;
using PostureStream.Storage.Spool;

namespace PostureStream.Storage.Tests;

public sealed class SegmentSpoolTests
{
    private static SegmentSpool Open(string directory, out SpoolOpenReport report, long maxBytes = 1 << 20, long segmentBytes = 4096) =>
        SegmentSpool.Open(directory, "precision=ms", maxBytes, segmentBytes, out report);

    private static byte[] Batch(int index, int lines = 2)
    {
        var text = new StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            text.Append("m f=").Append(index).Append(' ').Append(index * 10 + i).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static List<string> DrainAll(SegmentSpool spool, bool acknowledge = true, int maxLines = 1000)
    {
        var all = new List<string>();
        using var buffer = new LineProtocolBuffer();
        while (spool.TryRead(maxLines, 1 << 20, buffer, out var read))
        {
            all.AddRange(Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            buffer.Clear();
            if (!acknowledge)
            {
                break;
            }

            spool.Acknowledge(read);
        }

        return all;
    }

    [Fact]
    public void Crc32C_MatchesTheCheckValue()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0xE3069283u, Crc32C.Append(Crc32C.Compute("1234"u8), "56789"u8));
    }

    [Fact]
    public void AppendedRecords_AreReadInOrder_OnlyAfterSync()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        for (int i = 0; i < 50; i++)
        {
            Assert.True(spool.TryAppend(Batch(i), 2));
        }

        using var buffer = new LineProtocolBuffer();
        Assert.False(spool.TryRead(10, 1 << 20, buffer, out _));
        spool.Sync();
        var lines = DrainAll(spool);
        Assert.Equal(100, lines.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(k => $"m f={k / 2} {k / 2 * 10 + k % 2}"), lines);
        Assert.Equal(0, spool.BacklogLines);
    }

    [Fact]
    public void Read_StopsAtMaxLines_ButAlwaysReturnsAWholeRecord()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        spool.TryAppend(Batch(0, 3), 3);
        spool.TryAppend(Batch(1, 3), 3);
        spool.Sync();
        using var buffer = new LineProtocolBuffer();
        Assert.True(spool.TryRead(4, 1 << 20, buffer, out var read));
        Assert.Equal((1, 3), (read.Records, read.Lines));
    }

    [Fact]
    public void UnacknowledgedRecords_AreReplayedInOrderAfterReopen()
    {
        using var dir = new TempDirectory();
        using (var spool = Open(dir.Path, out _))
        {
            for (int i = 0; i < 200; i++)
            {
                spool.TryAppend(Batch(i), 2);
            }

            spool.Sync();
            using var buffer = new LineProtocolBuffer();
            Assert.True(spool.TryRead(100, 1 << 20, buffer, out var read));
            spool.Acknowledge(read);
            Assert.Equal(300, spool.BacklogLines);
        }

        using var reopened = Open(dir.Path, out var report);
        Assert.Equal(300, report.PendingLines);
        var lines = DrainAll(reopened);
        Assert.Equal(300, lines.Count);
        Assert.Equal("m f=50 500", lines[0]);
        Assert.Equal("m f=199 1991", lines[^1]);
    }

    [Fact]
    public void AcknowledgedSegments_AreDeleted()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        for (int i = 0; i < 400; i++)
        {
            spool.TryAppend(Batch(i), 2);
        }

        spool.Sync();
        Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length > 3);
        DrainAll(spool);
        Assert.Single(Directory.GetFiles(dir.Path, "*.seg"));
        Assert.True(spool.TotalBytes <= 4096);
    }

    [Fact]
    public void TornTail_IsCutAtTheLastGoodRecord()
    {
        using var dir = new TempDirectory();
        using (var spool = Open(dir.Path, out _))
        {
            spool.TryAppend(Batch(1), 2);
            spool.TryAppend(Batch(2), 2);
            spool.Sync();
        }

        string segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        long goodLength = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Append))
        {
            // A crash in the middle of the third append: a header and half a payload.
            byte[] partial = new byte[20];
            partial[0] = 40;
            partial[4] = 2;
            file.Write(partial);
        }

        using var reopened = Open(dir.Path, out var report);
        Assert.Equal(20, report.TornBytesCut);
        Assert.Equal(goodLength, new FileInfo(segment).Length);
        reopened.TryAppend(Batch(3), 2);
        reopened.Sync();
        Assert.Equal(["m f=1 10", "m f=1 11", "m f=2 20", "m f=2 21", "m f=3 30", "m f=3 31"], DrainAll(reopened));
    }

    [Fact]
    public void RecordDamagedOnDisk_IsFoundAtOpen_AndSkippedAlone()
    {
        using var dir = new TempDirectory();
        using (var spool = Open(dir.Path, out _))
        {
            spool.TryAppend(Batch(1), 2);
            spool.TryAppend(Batch(2), 2);
            spool.Sync();
        }

        string segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[14] ^= 0x20;
        File.WriteAllBytes(segment, bytes);
        using var reopened = Open(dir.Path, out var report);
        Assert.Equal((2L, 1L, 0L), (report.PendingRecords, report.DamagedRecords, report.TornBytesCut));
        Assert.Equal(["m f=2 20", "m f=2 21"], DrainAll(reopened));
        Assert.Equal((1L, 0L), (reopened.CorruptRecords, reopened.BacklogLines));
    }

    [Fact]
    public void RecordDamagedAfterOpen_IsSkippedAlone_TheRestStillArrives()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        spool.TryAppend(Batch(1), 2);
        spool.TryAppend(Batch(2), 2);
        spool.Sync();
        string segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        using (var file = new FileStream(segment, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Position = 14;
            file.WriteByte((byte)'X');
        }

        spool.TryAppend(Batch(3), 2);
        spool.Sync();
        Assert.Equal(["m f=2 20", "m f=2 21", "m f=3 30", "m f=3 31"], DrainAll(spool));
        Assert.Equal(1, spool.CorruptRecords);
        Assert.Equal(0, spool.BacklogLines);
    }

    [Fact]
    public void FullSpool_RefusesNewRecords_AndKeepsTheOldOnes()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _, maxBytes: 2048, segmentBytes: 1024);
        int accepted = 0;
        for (int i = 0; i < 200 && spool.TryAppend(Batch(i), 2); i++)
        {
            accepted++;
        }

        Assert.InRange(accepted, 10, 199);
        Assert.False(spool.TryAppend(Batch(999), 2));
        spool.Sync();
        var lines = DrainAll(spool);
        Assert.Equal(accepted * 2, lines.Count);
        Assert.Equal("m f=0 0", lines[0]);
        Assert.True(spool.TryAppend(Batch(1000), 2));
    }

    [Fact]
    public void SecondOpenOfTheSameDirectory_IsRefused()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        var error = Assert.Throws<IOException>(() => Open(dir.Path, out _));
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpoolWrittenWithAnotherFormat_IsRefused()
    {
        using var dir = new TempDirectory();
        using (var spool = Open(dir.Path, out _))
        {
            spool.TryAppend(Batch(1), 2);
        }

        var error = Assert.Throws<InvalidOperationException>(() => SegmentSpool.Open(dir.Path, "precision=s", 1 << 20, 4096, out _));
        Assert.Contains("precision=ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PeekAfter_ReadsTheFollowingRecords_AcrossSegments_WithoutAcknowledging()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _, segmentBytes: 1024);
        for (int i = 0; i < 100; i++)
        {
            Assert.True(spool.TryAppend(Batch(i), 2));
        }

        spool.Sync();
        using var head = new LineProtocolBuffer();
        Assert.True(spool.TryRead(2, 1 << 20, head, out var oldest));
        var peeked = new List<string>();
        var after = oldest;
        using var buffer = new LineProtocolBuffer();
        while (spool.TryPeekAfter(after, 4, 1 << 20, buffer, out var later))
        {
            peeked.AddRange(Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            buffer.Clear();
            after = later;
        }

        Assert.True(Directory.GetFiles(dir.Path, "*.seg").Length > 2);
        Assert.Equal(Enumerable.Range(2, 198).Select(k => $"m f={k / 2} {k / 2 * 10 + k % 2}"), peeked);
        Assert.Equal(200, spool.BacklogLines);
        Assert.Equal(0, spool.AcknowledgedRecords);

        // Acknowledged in order: after the oldest, what follows it is read again as before.
        spool.Acknowledge(oldest);
        Assert.Equal(198, DrainAll(spool).Count);
    }

    [Fact]
    public void PeekAfter_SeesOnlyDurableRecords()
    {
        using var dir = new TempDirectory();
        using var spool = Open(dir.Path, out _);
        spool.TryAppend(Batch(0), 2);
        spool.Sync();
        spool.TryAppend(Batch(1), 2);
        using var buffer = new LineProtocolBuffer();
        Assert.True(spool.TryRead(2, 1 << 20, buffer, out var oldest));
        Assert.False(spool.TryPeekAfter(oldest, 2, 1 << 20, buffer, out _));
        spool.Sync();
        Assert.True(spool.TryPeekAfter(oldest, 2, 1 << 20, buffer, out var later));
        Assert.Equal((1, 2), (later.Records, later.Lines));
    }

    [Fact]
    public void PeekAfter_ThenCrash_ReplaysFromTheOldestUnacknowledged()
    {
        using var dir = new TempDirectory();
        using (var spool = Open(dir.Path, out _))
        {
            for (int i = 0; i < 3; i++)
            {
                spool.TryAppend(Batch(i), 2);
            }

            spool.Sync();
            using var buffer = new LineProtocolBuffer();
            Assert.True(spool.TryRead(2, 1 << 20, buffer, out var oldest));
            Assert.True(spool.TryPeekAfter(oldest, 2, 1 << 20, buffer, out _));
        }

        using var reopened = Open(dir.Path, out var report);
        Assert.Equal(6, report.PendingLines);
        Assert.Equal("m f=0 0", DrainAll(reopened)[0]);
    }
}
