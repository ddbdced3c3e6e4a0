using System.Globalization;
using System.Text;
using PostureStream.Protocol;

namespace PostureStream.Protocol.Tests;

/// <summary>
/// The canonical text of a decode that the firmware-protocol vectors use (firmware-protocol/README.md):
/// raw integers only, so C and C# print exactly the same thing.
/// </summary>
internal static class CanonicalText
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var decoder = new PspStreamDecoder();
        while (decoder.TryDecode(ref bytes, out PspFrame frame))
        {
            text.Append(Line(frame.ToMessage())).Append('\n');
        }

        PspDecoderStats s = decoder.Stats;
        text.Append(CultureInfo.InvariantCulture,
            $"counts frames={s.Frames} empty={s.EmptyFrames} cobs={s.CobsErrors} crc={s.CrcErrors} short={s.ShortBodies} oversize={s.OversizeBodies} bad_length={s.BadLengths} unknown_version={s.UnknownVersions} unknown_type={s.UnknownTypes} lost_dev={s.LostDeviceFrames} lost_host={s.LostHostFrames} reset_dev={s.DeviceSeqResets} reset_host={s.HostSeqResets}\n");
        return text.ToString();
    }

    private static string Line(PspMessage message) => message switch
    {
        HelloMessage h => Invariant($"hello seq={h.Seq} device_id={h.DeviceId:x16} fw={h.FirmwareVersion} rate={h.SampleRateHz} mask={(byte)h.Sensors} name={Convert.ToHexString(Encoding.UTF8.GetBytes(h.Name)).ToLowerInvariant()}"),
        SamplesMessage m => Invariant($"samples seq={m.Seq} count={m.Samples.Length}") + string.Concat(m.Samples.Select(s =>
            Invariant($" tick={s.TickMicroseconds} lp={s.LumbarPitchCentiDegrees} lr={s.LumbarRollCentiDegrees} pp={s.PelvisPitchCentiDegrees} pr={s.PelvisRollCentiDegrees}"))),
        StatusMessage s => Invariant($"status seq={s.Seq} mv={s.BatteryMillivolts} pct={s.BatteryPercent} temp={s.TemperatureCentiCelsius} flags={(byte)s.Flags}"),
        EventMessage e => Invariant($"event seq={e.Seq} tick={e.TickMicroseconds} code={(byte)e.Code} arg={e.Argument}"),
        AckMessage a => Invariant($"ack seq={a.Seq} acked_seq={a.AckedSeq} acked_type=0x{(byte)a.AckedType:x2} result={(byte)a.Result}"),
        StartMessage s => Invariant($"start seq={s.Seq} rate={s.SampleRateHz}"),
        StopMessage s => Invariant($"stop seq={s.Seq}"),
        BuzzMessage b => Invariant($"buzz seq={b.Seq} pattern={(byte)b.Pattern} duration_ms={b.DurationMilliseconds} intensity={b.Intensity}"),
        IdentifyMessage i => Invariant($"identify seq={i.Seq}"),
        RawMessage r => Invariant($"raw seq={r.Seq} count={r.Samples.Length} imu_mask={(byte)r.ImuMask} accel_fs_g={r.AccelFullScaleG} gyro_fs_dps={r.GyroFullScaleDps}")
            + string.Concat(r.Samples.Select(s => Invariant($" tick_us={s.TickMicroseconds} lumbar={Imu(s.Lumbar)} pelvis={Imu(s.Pelvis)}"))),
        _ => throw new ArgumentException(message.GetType().Name, nameof(message)),
    };

    private static string Imu(ImuReading r) => Invariant($"{r.Ax},{r.Ay},{r.Az},{r.Gx},{r.Gy},{r.Gz}");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a vectors .hex file: hex pairs, whitespace allowed, '#' comments to end of line.</summary>
    public static byte[] ReadHex(string path)
    {
        var hex = new StringBuilder();
        foreach (string line in File.ReadLines(path))
        {
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            string data = comment >= 0 ? line[..comment] : line;
            hex.Append(data.Where(c => !char.IsWhiteSpace(c)).ToArray());
        }

        return Convert.FromHexString(hex.ToString());
    }
}
