using PostureStream.Protocol.WitMotion;
using static PostureStream.Protocol.Tests.WitMotion.WitMotionVectors;

namespace PostureStream.Protocol.Tests.WitMotion;

public sealed class WitMotionCommandTests
{
    [Theory]
    [InlineData("unlock", "FF AA 69 88 B5")]
    [InlineData("save", "FF AA 00 00 00")]
    [InlineData("rate 10", "FF AA 03 06 00")]
    [InlineData("rate 50", "FF AA 03 08 00")]
    [InlineData("rate 100", "FF AA 03 09 00")]
    [InlineData("rate 200", "FF AA 03 0B 00")]
    [InlineData("baud 9600", "FF AA 04 02 00")]
    [InlineData("baud 115200", "FF AA 04 06 00")]
    [InlineData("content angle+quaternion", "FF AA 02 08 02")]
    public void Command_IsTheDatasheetBytes(string what, string hex)
    {
        WitMotionCommand command = what switch
        {
            "unlock" => WitMotionCommands.Unlock,
            "save" => WitMotionCommands.Save,
            "content angle+quaternion" => WitMotionCommands.SetReturnContent(WitMotionContent.Angle | WitMotionContent.Quaternion),
            _ when what.StartsWith("rate ", StringComparison.Ordinal) => WitMotionCommands.SetRate(double.Parse(what[5..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => WitMotionCommands.SetBaud(int.Parse(what[5..], System.Globalization.CultureInfo.InvariantCulture)),
        };
        Assert.Equal(Hex(hex), command.Encode());
        Assert.Equal(hex, command.ToString());
    }

    [Fact]
    public void SetRate_Unsupported_NamesTheSupportedRates()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WitMotionCommands.SetRate(60));
        Assert.Contains("0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 125, 200", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => WitMotionCommands.SetBaud(250000));
    }

    [Fact]
    public void RateAndBaudCodes_RoundTrip()
    {
        foreach (double hz in WitMotionRates.Supported)
        {
            Assert.Equal(hz, WitMotionRates.HertzOf(WitMotionRates.CodeOf(hz)));
        }

        foreach (int baud in WitMotionBauds.Supported)
        {
            Assert.Equal(baud, WitMotionBauds.BaudOf(WitMotionBauds.CodeOf(baud)));
        }

        Assert.Null(WitMotionRates.HertzOf(0x0D));
    }

    [Fact]
    public void CommandDecoder_FindsCommandsInGarbageAndSplits()
    {
        byte[] stream = [0x00, 0xFF, 0xFF, .. WitMotionCommands.Unlock.Encode(), 0xAA, .. WitMotionCommands.SetRate(50).Encode(), .. WitMotionCommands.Save.Encode()];
        for (int chunk = 1; chunk <= stream.Length; chunk++)
        {
            var decoder = new WitMotionCommandDecoder();
            var commands = new List<WitMotionCommand>();
            for (int at = 0; at < stream.Length; at += chunk)
            {
                ReadOnlySpan<byte> part = stream.AsSpan(at, Math.Min(chunk, stream.Length - at));
                while (decoder.TryDecode(ref part, out WitMotionCommand c))
                {
                    commands.Add(c);
                }
            }

            Assert.Equal([WitMotionCommands.Unlock, WitMotionCommands.SetRate(50), WitMotionCommands.Save], commands);
            Assert.Equal(4, decoder.DiscardedBytes); // 0x00, a lone 0xFF, a 0xFF not followed by 0xAA, a stray 0xAA
        }
    }
}
