using System.Text;
using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

public sealed class CrcAndCobsTests
{
    [Fact]
    public void Crc_CheckString_Is29B1() =>
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Crc_Empty_IsInit() => Assert.Equal(0xFFFF, Crc16CcittFalse.Compute([]));

    [Theory]
    [InlineData("", "01")]
    [InlineData("00", "0101")]
    [InlineData("0000", "010101")]
    [InlineData("1100", "021101")]
    [InlineData("110022", "02110222")]
    [InlineData("11223344", "0511223344")]
    [InlineData("11000000", "0211010101")]
    public void Cobs_KnownBlocks(string rawHex, string encodedHex)
    {
        byte[] raw = Convert.FromHexString(rawHex);
        byte[] encoded = new byte[Cobs.MaxEncodedLength(raw.Length)];
        int n = Cobs.Encode(raw, encoded);
        Assert.Equal(encodedHex, Convert.ToHexString(encoded, 0, n).ToLowerInvariant());
        byte[] back = new byte[raw.Length + 1];
        Assert.True(Cobs.TryDecode(encoded.AsSpan(0, n), back, out int written));
        Assert.Equal(raw, back[..written]);
    }

    [Theory]
    [InlineData(253, 254)]
    [InlineData(254, 255)]
    [InlineData(255, 257)]
    [InlineData(256, 258)]
    [InlineData(508, 510)]
    public void Cobs_LongNonZeroRuns_UseFullBlocks(int length, int encodedLength)
    {
        byte[] raw = Enumerable.Range(0, length).Select(i => (byte)((i % 255) + 1)).ToArray();
        byte[] encoded = new byte[Cobs.MaxEncodedLength(length)];
        int n = Cobs.Encode(raw, encoded);
        Assert.Equal(encodedLength, n);
        Assert.DoesNotContain((byte)0, encoded[..n]);
        if (length >= 254)
        {
            Assert.Equal(0xFF, encoded[0]);
        }

        byte[] back = new byte[length];
        Assert.True(Cobs.TryDecode(encoded.AsSpan(0, n), back, out int written));
        Assert.Equal(raw, back[..written]);
    }

    [Theory]
    [InlineData("0511")]
    [InlineData("021100")]
    [InlineData("00")]
    public void Cobs_Corrupt_IsRejected(string encodedHex)
    {
        byte[] back = new byte[16];
        Assert.False(Cobs.TryDecode(Convert.FromHexString(encodedHex), back, out _));
    }
}
