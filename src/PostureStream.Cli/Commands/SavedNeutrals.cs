using System.Globalization;
using PostureStream.Signals;

namespace PostureStream.Cli.Commands;

/// <summary>
/// <c>calibrate --show</c> and <c>calibrate --forget</c>: the neutrals saved per device, printed for a person, and
/// dropped when one is wrong (say, taken while slumped), so the next run or calibrate takes a new one.
/// </summary>
internal sealed class SavedNeutrals(JsonFileCalibrationStore store, TextWriter output, TextWriter errors)
{
    /// <summary>1–16 hex digits, with or without 0x.</summary>
    public static bool TryParseDeviceId(string text, out ulong id)
    {
        string hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        id = 0;
        return hex.Length is >= 1 and <= 16 && ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>Prints every saved device (or only <paramref name="deviceId"/>); exit 2 when that device has nothing saved.</summary>
    public async Task<int> ShowAsync(ulong? deviceId)
    {
        IReadOnlyList<ulong> ids = store.SavedDeviceIds();
        if (deviceId is ulong wanted)
        {
            if (!ids.Contains(wanted))
            {
                await errors.WriteLineAsync($"{CalibrateCommand.Prefix}no neutral saved for device {Hex(wanted)} in {store.Directory}{Known(ids)}");
                return ExitCodes.Usage;
            }

            ids = [wanted];
        }
        else if (ids.Count == 0)
        {
            await output.WriteLineAsync($"No neutrals saved in {store.Directory}.");
            return ExitCodes.Ok;
        }

        foreach (ulong id in ids)
        {
            await WriteDeviceAsync(id);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Drops the device's neutrals (only the sitting one when <paramref name="sittingOnly"/>); exit 2 when there is nothing to drop.</summary>
    public async Task<int> ForgetAsync(ulong deviceId, bool sittingOnly)
    {
        if (!store.SavedDeviceIds().Contains(deviceId))
        {
            await errors.WriteLineAsync($"{CalibrateCommand.Prefix}nothing to forget: no neutral saved for device {Hex(deviceId)} in {store.Directory}{Known(store.SavedDeviceIds())}");
            return ExitCodes.Usage;
        }

        CalibrationRecord? record = store.Load(deviceId);
        try
        {
            if (sittingOnly)
            {
                if (record?.Sitting is not { } sitting)
                {
                    await errors.WriteLineAsync($"{CalibrateCommand.Prefix}nothing to forget: device {Hex(deviceId)} has no sitting neutral saved");
                    return ExitCodes.Usage;
                }

                store.Save(record with { Sitting = null });
                await output.WriteLineAsync($"Forgot the sitting neutral of device {Hex(deviceId)}: {Describe(sitting)}.");
                await output.WriteLineAsync("Sitting is now judged against the standing neutral shifted by the defaults until you run calibrate --sitting.");
                return ExitCodes.Ok;
            }

            store.Delete(deviceId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{CalibrateCommand.Prefix}cannot change {store.PathFor(deviceId)}: {e.Message}; check that you own it and may write to {store.Directory}");
            return ExitCodes.RuntimeFailure;
        }

        if (record is null)
        {
            await output.WriteLineAsync($"Removed the unreadable calibration file of device {Hex(deviceId)} ({store.PathFor(deviceId)}).");
        }
        else
        {
            await output.WriteLineAsync($"Forgot the neutrals of device {Hex(deviceId)}:");
            await output.WriteLineAsync($"  standing  {(record.Standing is { } standing ? Describe(standing) : "none")}");
            await output.WriteLineAsync($"  sitting   {(record.Sitting is { } sitting ? Describe(sitting) : "none")}");
        }

        await output.WriteLineAsync("The next run takes a new standing neutral after you walk and stand still, or run calibrate --source URI. A run already going keeps its neutral until it restarts.");
        return ExitCodes.Ok;
    }

    private async Task WriteDeviceAsync(ulong id)
    {
        CalibrationRecord? record = store.Load(id);
        await output.WriteLineAsync($"device {Hex(id)}  ({store.PathFor(id)})");
        if (record is null)
        {
            await output.WriteLineAsync($"  unreadable: ignored by run and calibrate; calibrate --forget --device {Hex(id)} removes it");
            return;
        }

        await output.WriteLineAsync($"  standing  {(record.Standing is { } standing ? Describe(standing) : "none")}");
        await output.WriteLineAsync($"  sitting   {(record.Sitting is { } sitting ? Describe(sitting) : record.Standing is null ? "none" : "not taken: the standing neutral shifted by the defaults is used")}");
        await output.WriteLineAsync(record.Stale == StaleReason.None
            ? "  state     current"
            : $"  state     stale ({StaleText(record.Stale)}): still used, but please recalibrate");
    }

    private static string Describe(Neutral neutral)
    {
        SensorAngles a = neutral.Angles;
        return string.Create(CultureInfo.InvariantCulture,
            $"pelvis pitch {a.PelvisPitchDegrees:0.0}°, lumbar pitch {a.LumbarPitchDegrees:0.0}°, lordosis {a.LordosisDegrees:0.0}°, pelvis roll {a.PelvisRollDegrees:0.0}°, lumbar roll {a.LumbarRollDegrees:0.0}°; taken {neutral.TakenAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {SourceText(neutral.Source)}");
    }

    private static string SourceText(CalibrationSource source) => source switch
    {
        CalibrationSource.Command => "by calibrate or the dashboard",
        CalibrationSource.DeviceButton => "by the device button",
        CalibrationSource.AfterWalking => "automatically after a walk",
        _ => source.ToString(),
    };

    private static string StaleText(StaleReason reason) => reason switch
    {
        StaleReason.SensorReinitialised => "a sensor was re-initialised",
        StaleReason.DeviceReset => "the device restarted",
        StaleReason.LongGap => "a long gap in the data",
        _ => reason.ToString(),
    };

    private static string Known(IReadOnlyList<ulong> ids) =>
        ids.Count == 0 ? " (none is saved there)" : "; saved: " + string.Join(", ", ids.Select(Hex));

    private static string Hex(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);
}
