using System.Globalization;
using System.Text.Json;
using PostureStream.Protocol;

namespace PostureStream.Simulation.Scenarios;

/// <summary>
/// Reads a scenario from JSON (format in the README). Unknown properties are errors, so a typo does
/// not silently fall back to a default.
/// </summary>
public static class ScenarioFile
{
    public static Scenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"cannot read scenario file '{path}': {e.Message}", e);
        }

        return Parse(text, Path.GetFileNameWithoutExtension(path));
    }

    public static Scenario Parse(string json, string defaultName = "custom")
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            JsonElement root = document.RootElement;
            Expect(root, JsonValueKind.Object, "the scenario");
            Only(root, "scenario", "name", "description", "wearer", "device", "segments");
            string name = OptionalString(root, "name") ?? defaultName;
            if (!root.TryGetProperty("segments", out JsonElement segments) || segments.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioException("the scenario needs a \"segments\" array");
            }

            var list = new List<ScenarioSegment>();
            int index = 0;
            foreach (JsonElement segment in segments.EnumerateArray())
            {
                list.Add(ReadSegment(segment, index++));
            }

            return new Scenario(name, list)
            {
                Description = OptionalString(root, "description") ?? "",
                Wearer = root.TryGetProperty("wearer", out JsonElement w) ? ReadWearer(w) : new WearerProfile(),
                Device = root.TryGetProperty("device", out JsonElement d) ? ReadDevice(d) : new DeviceProfile(),
            }.Validate();
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"the scenario is not valid JSON: {e.Message}", e);
        }
    }

    private static ScenarioSegment ReadSegment(JsonElement e, int index)
    {
        string where = $"segments[{index}]";
        Expect(e, JsonValueKind.Object, where);
        Only(e, where, "kind", "seconds", "transitionSeconds", "lordosisDelta", "cadenceHz", "base", "event", "fault", "dropoutSeconds");
        string kindName = OptionalString(e, "kind") ?? throw new ScenarioException($"{where} needs a \"kind\" ({string.Join(", ", SegmentKinds.AllNames)})");
        if (!SegmentKinds.TryParse(kindName, out SegmentKind kind))
        {
            throw new ScenarioException($"{where}: unknown kind '{kindName}'; valid kinds: {string.Join(", ", SegmentKinds.AllNames)}");
        }

        double seconds = OptionalNumber(e, "seconds", where) ?? throw new ScenarioException($"{where} needs \"seconds\"");
        var segment = new ScenarioSegment(kind, TimeSpan.FromSeconds(seconds));
        if (SegmentKinds.IsBend(kind))
        {
            segment = segment with { Transition = TimeSpan.FromSeconds(Math.Min(0.5, seconds)) };
        }

        if (OptionalNumber(e, "transitionSeconds", where) is { } transition)
        {
            segment = segment with { Transition = TimeSpan.FromSeconds(transition) };
        }

        segment = segment with
        {
            LordosisDeltaDegrees = OptionalNumber(e, "lordosisDelta", where),
            CadenceHz = OptionalNumber(e, "cadenceHz", where),
            Dropout = TimeSpan.FromSeconds(OptionalNumber(e, "dropoutSeconds", where) ?? 0),
        };
        if (OptionalString(e, "base") is { } baseName)
        {
            segment = segment with
            {
                Base = baseName.ToLowerInvariant() switch
                {
                    "sitting" => Activity.Sitting,
                    "standing" => Activity.Standing,
                    _ => throw new ScenarioException($"{where}: base must be \"sitting\" or \"standing\", got '{baseName}'"),
                },
            };
        }

        if (OptionalString(e, "event") is { } eventName)
        {
            if (!DeviceEventNames.TryParse(eventName, out DeviceEventCode code))
            {
                throw new ScenarioException($"{where}: unknown event '{eventName}'; valid events: {string.Join(", ", DeviceEventNames.AllNames)}");
            }

            segment = segment with { Event = code };
        }

        if (OptionalString(e, "fault") is { } faultName)
        {
            segment = segment with
            {
                Fault = faultName.ToLowerInvariant() switch
                {
                    "lumbar" => SensorFault.Lumbar,
                    "pelvis" => SensorFault.Pelvis,
                    "both" => SensorFault.Both,
                    "none" => SensorFault.None,
                    _ => throw new ScenarioException($"{where}: fault must be lumbar, pelvis, both or none, got '{faultName}'"),
                },
            };
        }

        return segment;
    }

    private static WearerProfile ReadWearer(JsonElement e)
    {
        Expect(e, JsonValueKind.Object, "wearer");
        Only(e, "wearer", "standingPelvisPitch", "standingLordosis", "sittingPelvisRotation", "sittingLordosisDrop");
        return new WearerProfile
        {
            StandingPelvisPitchDegrees = OptionalNumber(e, "standingPelvisPitch", "wearer"),
            StandingLordosisDegrees = OptionalNumber(e, "standingLordosis", "wearer"),
            SittingPelvisRotationDegrees = OptionalNumber(e, "sittingPelvisRotation", "wearer"),
            SittingLordosisDropDegrees = OptionalNumber(e, "sittingLordosisDrop", "wearer"),
        };
    }

    private static DeviceProfile ReadDevice(JsonElement e)
    {
        const string where = "device";
        Expect(e, JsonValueKind.Object, where);
        Only(e, where, "sampleRateHz", "samplesPerFrame", "clockSkewPpm", "startTick", "statusIntervalSeconds", "dropoutRate",
            "corruptionRate", "tickJitterMicroseconds", "deviceId", "name", "batteryStartPercent", "batteryDrainPercentPerHour", "noise",
            "profile", "imu", "accelFullScaleG", "gyroFullScaleDps", "mountingDegrees");
        var device = new DeviceProfile();
        device = device with
        {
            SampleRateHz = (ushort)(OptionalInteger(e, "sampleRateHz", 1, ushort.MaxValue) ?? device.SampleRateHz),
            SamplesPerFrame = (int)(OptionalInteger(e, "samplesPerFrame", 1, 16) ?? device.SamplesPerFrame),
            ClockSkewPpm = OptionalNumber(e, "clockSkewPpm", where),
            StartTick = (uint?)OptionalInteger(e, "startTick", 0, uint.MaxValue),
            StatusInterval = TimeSpan.FromSeconds(OptionalNumber(e, "statusIntervalSeconds", where) ?? device.StatusInterval.TotalSeconds),
            DropoutRate = OptionalNumber(e, "dropoutRate", where) ?? device.DropoutRate,
            CorruptionRate = OptionalNumber(e, "corruptionRate", where) ?? device.CorruptionRate,
            TickJitterMicroseconds = OptionalNumber(e, "tickJitterMicroseconds", where) ?? device.TickJitterMicroseconds,
            Name = OptionalString(e, "name"),
            BatteryStartPercent = OptionalNumber(e, "batteryStartPercent", where) ?? device.BatteryStartPercent,
            BatteryDrainPercentPerHour = OptionalNumber(e, "batteryDrainPercentPerHour", where) ?? device.BatteryDrainPercentPerHour,
            Noise = e.TryGetProperty("noise", out JsonElement noise) ? noise.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ScenarioException("device.noise must be true or false"),
            } : device.Noise,
        };
        if (OptionalString(e, "profile") is { } profile)
        {
            if (!DeviceOutputs.TryParse(profile, out DeviceOutput output))
            {
                throw new ScenarioException($"device.profile must be {DeviceOutputs.AnglesName} or {DeviceOutputs.RawName}, got '{profile}'");
            }

            device = device with { Output = output };
        }

        if (OptionalString(e, "imu") is { } imu)
        {
            device = device with { ImuModel = Imu.ImuModel.Find(imu) ?? throw new ScenarioException($"device.imu must be one of {DeviceOutputs.ImuNames}, got '{imu}'") };
        }

        device = device with
        {
            AccelFullScaleG = (byte)(OptionalInteger(e, "accelFullScaleG", 1, 255) ?? device.AccelFullScaleG),
            GyroFullScaleDps = (ushort)(OptionalInteger(e, "gyroFullScaleDps", 1, ushort.MaxValue) ?? device.GyroFullScaleDps),
            MountingSigmaDegrees = OptionalNumber(e, "mountingDegrees", where) ?? device.MountingSigmaDegrees,
        };

        if (OptionalString(e, "deviceId") is { } id)
        {
            if (!ulong.TryParse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong parsed))
            {
                throw new ScenarioException($"device.deviceId must be up to 16 hex digits, got '{id}'");
            }

            device = device with { DeviceId = parsed };
        }

        return device;
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string what)
    {
        if (e.ValueKind != kind)
        {
            throw new ScenarioException($"{what} must be a JSON {kind.ToString().ToLowerInvariant()}, got {e.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static void Only(JsonElement e, string where, params string[] allowed)
    {
        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new ScenarioException($"{where}: unknown property \"{p.Name}\"; valid: {string.Join(", ", allowed.Where(a => a != "scenario"))}");
            }
        }
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new ScenarioException($"\"{name}\" must be a string") : null;

    private static double? OptionalNumber(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out JsonElement v) ? v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new ScenarioException($"{where}.{name} must be a number") : null;

    private static long? OptionalInteger(JsonElement e, string name, long min, long max)
    {
        if (!e.TryGetProperty(name, out JsonElement v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long value) || value < min || value > max)
        {
            throw new ScenarioException($"device.{name} must be an integer {min}–{max}, got {v.GetRawText()}");
        }

        return value;
    }
}
