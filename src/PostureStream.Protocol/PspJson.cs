using System.Text.Json;

namespace PostureStream.Protocol;

/// <summary>
/// The <c>decode</c> JSON Lines shape of a message (README, using it): camelCase fields named after the wire
/// fields, angles in degrees, "not available" readings as null.
/// </summary>
public static class PspJson
{
    public static void Write(Utf8JsonWriter json, in PspFrame frame)
    {
        json.WriteStartObject();
        json.WriteNumber("seq", frame.Seq);
        json.WriteString("type", PspMessageTypes.JsonName(frame.Type));
        switch (frame.ToMessage())
        {
            case HelloMessage hello:
                json.WriteString("deviceId", hello.DeviceId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("fwVersion", hello.FirmwareVersion);
                json.WriteNumber("sampleRateHz", hello.SampleRateHz);
                json.WriteNumber("sensorMask", (byte)hello.Sensors);
                json.WriteString("name", hello.Name);
                break;
            case SamplesMessage samples:
                WriteSamples(json, samples.Samples);
                break;
            case StatusMessage status:
                json.WriteNumber("batteryMv", status.BatteryMillivolts);
                WriteNullable(json, "batteryPct", status.BatteryPercent == StatusMessage.BatteryPercentUnknown ? null : status.BatteryPercent);
                json.WriteNumber("temperatureC", status.TemperatureCentiCelsius / 100.0);
                json.WriteBoolean("charging", status.Flags.HasFlag(StatusFlags.Charging));
                json.WriteBoolean("lumbarFault", status.Flags.HasFlag(StatusFlags.LumbarFault));
                json.WriteBoolean("pelvisFault", status.Flags.HasFlag(StatusFlags.PelvisFault));
                break;
            case EventMessage evt:
                json.WriteNumber("tick", evt.TickMicroseconds);
                json.WriteNumber("code", (byte)evt.Code);
                json.WriteNumber("arg", evt.Argument);
                break;
            case AckMessage ack:
                json.WriteNumber("ackedSeq", ack.AckedSeq);
                json.WriteNumber("ackedType", (byte)ack.AckedType);
                json.WriteNumber("result", (byte)ack.Result);
                break;
            case StartMessage start:
                json.WriteNumber("sampleRateHz", start.SampleRateHz);
                break;
            case RawMessage raw:
                WriteRaw(json, raw);
                break;
            case BuzzMessage buzz:
                json.WriteNumber("pattern", (byte)buzz.Pattern);
                json.WriteNumber("durationMs", buzz.DurationMilliseconds);
                json.WriteNumber("intensity", buzz.Intensity);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteSamples(Utf8JsonWriter json, Sample[] samples)
    {
        json.WriteStartArray("samples");
        foreach (Sample s in samples)
        {
            json.WriteStartObject();
            json.WriteNumber("tick", s.TickMicroseconds);
            WriteAngle(json, "lumbarPitch", s.LumbarPitchCentiDegrees);
            WriteAngle(json, "lumbarRoll", s.LumbarRollCentiDegrees);
            WriteAngle(json, "pelvisPitch", s.PelvisPitchCentiDegrees);
            WriteAngle(json, "pelvisRoll", s.PelvisRollCentiDegrees);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRaw(Utf8JsonWriter json, RawMessage raw)
    {
        json.WriteNumber("imuMask", (byte)raw.ImuMask);
        json.WriteNumber("accelFsG", raw.AccelFullScaleG);
        json.WriteNumber("gyroFsDps", raw.GyroFullScaleDps);
        json.WriteStartArray("samples");
        foreach (RawSample s in raw.Samples)
        {
            json.WriteStartObject();
            json.WriteNumber("tick", s.TickMicroseconds);
            WriteImu(json, "lumbar", s.Lumbar, raw.ImuMask.HasFlag(SensorMask.Lumbar), raw);
            WriteImu(json, "pelvis", s.Pelvis, raw.ImuMask.HasFlag(SensorMask.Pelvis), raw);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // Physical units (g, °/s) like the angles in degrees; an IMU missing from the mask is null, its zeros mean nothing.
    private static void WriteImu(Utf8JsonWriter json, string name, in ImuReading r, bool valid, RawMessage raw)
    {
        if (!valid)
        {
            json.WriteNull(name);
            return;
        }

        double a = raw.AccelFullScaleG;
        double g = raw.GyroFullScaleDps;
        json.WriteStartObject(name);
        json.WriteNumber("ax", RawFullScale.ToPhysical(r.Ax, a));
        json.WriteNumber("ay", RawFullScale.ToPhysical(r.Ay, a));
        json.WriteNumber("az", RawFullScale.ToPhysical(r.Az, a));
        json.WriteNumber("gx", RawFullScale.ToPhysical(r.Gx, g));
        json.WriteNumber("gy", RawFullScale.ToPhysical(r.Gy, g));
        json.WriteNumber("gz", RawFullScale.ToPhysical(r.Gz, g));
        json.WriteEndObject();
    }

    private static void WriteAngle(Utf8JsonWriter json, string name, short centiDegrees)
    {
        if (centiDegrees == Sample.NotAvailable)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, centiDegrees / 100.0);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, byte? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
