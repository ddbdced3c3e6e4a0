using System.Buffers.Binary;
using System.Text;

namespace PostureStream.Protocol;

/// <summary>Writes PSP v1 frames: body (version, type, seq, payload, CRC), COBS-encoded, then 0x00.</summary>
public static class PspEncoder
{
    /// <summary>Frames <paramref name="payload"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteFrame(Span<byte> destination, byte type, ushort seq, ReadOnlySpan<byte> payload, byte version = PspLayout.Version)
    {
        if (payload.Length > PspLayout.MaxPayloadLength)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, $"a PSP payload holds at most {PspLayout.MaxPayloadLength} bytes");
        }

        Span<byte> body = stackalloc byte[PspLayout.MaxBodyLength];
        body[0] = version;
        body[1] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], seq);
        payload.CopyTo(body[PspLayout.HeaderLength..]);
        int crcAt = PspLayout.HeaderLength + payload.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(body[crcAt..], Crc16CcittFalse.Compute(body[..crcAt]));
        int written = Cobs.Encode(body[..(crcAt + PspLayout.CrcLength)], destination);
        destination[written++] = 0;
        return written;
    }

    /// <summary>Frames a message into <paramref name="destination"/> (at least <see cref="PspLayout.MaxFrameLength"/> bytes); returns the bytes written.</summary>
    public static int Write(Span<byte> destination, PspMessage message)
    {
        Span<byte> payload = stackalloc byte[PspLayout.MaxPayloadLength];
        int length = WritePayload(payload, message);
        return WriteFrame(destination, (byte)message.Type, message.Seq, payload[..length]);
    }

    /// <summary>A message as a new array holding one whole frame.</summary>
    public static byte[] Encode(PspMessage message)
    {
        Span<byte> frame = stackalloc byte[PspLayout.MaxFrameLength];
        return frame[..Write(frame, message)].ToArray();
    }

    /// <summary>Writes the payload bytes of <paramref name="message"/>; returns their length.</summary>
    public static int WritePayload(Span<byte> payload, PspMessage message)
    {
        switch (message)
        {
            case HelloMessage hello:
                BinaryPrimitives.WriteUInt64LittleEndian(payload, hello.DeviceId);
                payload[8] = hello.FirmwareMajor;
                payload[9] = hello.FirmwareMinor;
                payload[10] = hello.FirmwarePatch;
                BinaryPrimitives.WriteUInt16LittleEndian(payload[11..], hello.SampleRateHz);
                payload[13] = (byte)hello.Sensors;
                int nameLength = Encoding.UTF8.GetByteCount(hello.Name);
                if (nameLength > PspLayout.MaxNameLength)
                {
                    throw new ArgumentException($"HELLO name is {nameLength} UTF-8 bytes; at most {PspLayout.MaxNameLength} fit", nameof(message));
                }

                payload[14] = (byte)nameLength;
                Encoding.UTF8.GetBytes(hello.Name, payload[PspLayout.HelloFixedLength..]);
                return PspLayout.HelloFixedLength + nameLength;
            case SamplesMessage samples:
                return WriteSamplesPayload(payload, samples.Samples);
            case StatusMessage status:
                BinaryPrimitives.WriteUInt16LittleEndian(payload, status.BatteryMillivolts);
                payload[2] = status.BatteryPercent;
                BinaryPrimitives.WriteInt16LittleEndian(payload[3..], status.TemperatureCentiCelsius);
                payload[5] = (byte)status.Flags;
                return 6;
            case EventMessage evt:
                BinaryPrimitives.WriteUInt32LittleEndian(payload, evt.TickMicroseconds);
                payload[4] = (byte)evt.Code;
                payload[5] = evt.Argument;
                return 6;
            case AckMessage ack:
                BinaryPrimitives.WriteUInt16LittleEndian(payload, ack.AckedSeq);
                payload[2] = (byte)ack.AckedType;
                payload[3] = (byte)ack.Result;
                return 4;
            case StartMessage start:
                BinaryPrimitives.WriteUInt16LittleEndian(payload, start.SampleRateHz);
                return 2;
            case BuzzMessage buzz:
                payload[0] = (byte)buzz.Pattern;
                BinaryPrimitives.WriteUInt16LittleEndian(payload[1..], buzz.DurationMilliseconds);
                payload[3] = buzz.Intensity;
                return 4;
            case RawMessage raw:
                return WriteRawPayload(payload, raw.ImuMask, raw.AccelFullScaleG, raw.GyroFullScaleDps, raw.Samples);
            case StopMessage or IdentifyMessage:
                return 0;
            default:
                throw new ArgumentException($"cannot encode {message.GetType().Name}", nameof(message));
        }
    }

    /// <summary>Writes a SAMPLES payload (count then 12 bytes a sample); returns its length.</summary>
    public static int WriteSamplesPayload(Span<byte> payload, ReadOnlySpan<Sample> samples)
    {
        if (samples.Length is < 1 or > PspLayout.MaxSamplesPerFrame)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples.Length, $"a SAMPLES frame holds 1 to {PspLayout.MaxSamplesPerFrame} samples");
        }

        payload[0] = (byte)samples.Length;
        Span<byte> s = payload[1..];
        foreach (Sample sample in samples)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, sample.TickMicroseconds);
            BinaryPrimitives.WriteInt16LittleEndian(s[4..], sample.LumbarPitchCentiDegrees);
            BinaryPrimitives.WriteInt16LittleEndian(s[6..], sample.LumbarRollCentiDegrees);
            BinaryPrimitives.WriteInt16LittleEndian(s[8..], sample.PelvisPitchCentiDegrees);
            BinaryPrimitives.WriteInt16LittleEndian(s[10..], sample.PelvisRollCentiDegrees);
            s = s[PspLayout.SampleLength..];
        }

        return 1 + (samples.Length * PspLayout.SampleLength);
    }

    /// <summary>Writes a RAW payload (header then 28 bytes a sample); returns its length.</summary>
    public static int WriteRawPayload(Span<byte> payload, SensorMask imuMask, byte accelFullScaleG, ushort gyroFullScaleDps, ReadOnlySpan<RawSample> samples)
    {
        if (samples.Length is < 1 or > PspLayout.MaxRawSamplesPerFrame)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples.Length, $"a RAW frame holds 1 to {PspLayout.MaxRawSamplesPerFrame} samples");
        }

        if (!RawFullScale.IsValidAccelerometer(accelFullScaleG))
        {
            throw new ArgumentOutOfRangeException(nameof(accelFullScaleG), accelFullScaleG, "RAW accelerometer full scale must be 2, 4, 8 or 16 g");
        }

        if (!RawFullScale.IsValidGyroscope(gyroFullScaleDps))
        {
            throw new ArgumentOutOfRangeException(nameof(gyroFullScaleDps), gyroFullScaleDps, "RAW gyroscope full scale must be 125, 250, 500, 1000, 2000 or 4000 °/s");
        }

        payload[0] = (byte)samples.Length;
        payload[1] = (byte)imuMask;
        payload[2] = accelFullScaleG;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[3..], gyroFullScaleDps);
        Span<byte> s = payload[PspLayout.RawHeaderLength..];
        foreach (RawSample sample in samples)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, sample.TickMicroseconds);
            WriteImu(s[4..], sample.Lumbar);
            WriteImu(s[16..], sample.Pelvis);
            s = s[PspLayout.RawSampleLength..];
        }

        return PspLayout.RawHeaderLength + (samples.Length * PspLayout.RawSampleLength);
    }

    private static void WriteImu(Span<byte> r, in ImuReading reading)
    {
        BinaryPrimitives.WriteInt16LittleEndian(r, reading.Ax);
        BinaryPrimitives.WriteInt16LittleEndian(r[2..], reading.Ay);
        BinaryPrimitives.WriteInt16LittleEndian(r[4..], reading.Az);
        BinaryPrimitives.WriteInt16LittleEndian(r[6..], reading.Gx);
        BinaryPrimitives.WriteInt16LittleEndian(r[8..], reading.Gy);
        BinaryPrimitives.WriteInt16LittleEndian(r[10..], reading.Gz);
    }
}
