using System.Globalization;
using PostureStream.Devices.Session;

namespace PostureStream.Cli.Run;

/// <summary>
/// Judges the link_stats intervals of one source, so a <c>run</c> fed garbage (random bytes, a CSV, a wrong baud
/// rate) says so instead of ending or idling without a word. Time is the intervals' own: wall time on live links,
/// device time on captures.
/// </summary>
internal sealed class LinkQuality
{
    /// <summary>How long a source may yield no valid frame before the warning.</summary>
    public static readonly TimeSpan NoFrameWarning = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan TimerJitter = TimeSpan.FromMilliseconds(250);

    /// <summary>An interval with at least this many corrupt frames…</summary>
    public const long MinimumCorruptForRate = 10;

    /// <summary>…and at least this share of corrupt frames among all it saw is a bad link.</summary>
    public const double HighErrorShare = 0.2;

    private TimeSpan _withoutFrames;
    private bool _warnedNoFrames;
    private bool _warnedErrorRate;
    private long _frames;
    private long _crc;
    private long _cobs;
    private long _other;
    private long _lost;
    private long _resyncs;

    private long Corrupt => _crc + _cobs + _other;

    /// <summary>Adds one interval; returns a warning (without the device name) when the source just turned bad.</summary>
    public string? Observe(in LinkStats s)
    {
        _frames += s.Frames;
        _crc += s.CrcErrors;
        _cobs += s.CobsErrors;
        _other += s.OtherErrors;
        _lost += s.LostFrames;
        _resyncs += s.Resyncs;
        long corrupt = s.CrcErrors + s.CobsErrors + s.OtherErrors;
        if (s.Frames == 0)
        {
            _withoutFrames += s.Interval;
            // A timer's interval can end a hair early: 9.999 s of garbage counts as the 10 s.
            if (!_warnedNoFrames && _withoutFrames + TimerJitter >= NoFrameWarning)
            {
                _warnedNoFrames = true;
                return NoFrameText(_withoutFrames, corrupt, s.Resyncs);
            }

            return null;
        }

        _withoutFrames = TimeSpan.Zero;
        _warnedNoFrames = false;
        bool high = corrupt >= MinimumCorruptForRate && corrupt >= HighErrorShare * (corrupt + s.Frames);
        if (high && !_warnedErrorRate)
        {
            _warnedErrorRate = true;
            return string.Create(CultureInfo.InvariantCulture,
                $"{100.0 * corrupt / (corrupt + s.Frames):0} % of frames corrupt in {s.Interval.TotalSeconds:0} s ({corrupt} of {corrupt + s.Frames}: CRC {s.CrcErrors}, COBS {s.CobsErrors}, other {s.OtherErrors}): a wrong baud rate or a noisy link?");
        }

        _warnedErrorRate = high;
        return null;
    }

    /// <summary>The whole source at its end: the summary line, and whether it is a warning (no valid frame at all).</summary>
    public (string Text, bool IsWarning) Summary()
    {
        if (_frames == 0)
        {
            return ($"no valid PSP frame in the whole source ({Corrupt} corrupt frames, {_resyncs} resyncs): not a PSP capture or device?", true);
        }

        return (string.Create(CultureInfo.InvariantCulture,
            $"link quality: {_frames} frames ok, {Corrupt} corrupt (CRC {_crc}, COBS {_cobs}, other {_other}), {_lost} lost, {_resyncs} resyncs"), false);
    }

    private static string NoFrameText(TimeSpan without, long corrupt, long resyncs) =>
        corrupt + resyncs > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"no valid PSP frame for {without.TotalSeconds:0} s, only garbage ({corrupt} corrupt frames, {resyncs} resyncs): a wrong baud rate, or not a PSP device?")
            : string.Create(CultureInfo.InvariantCulture,
                $"no data for {without.TotalSeconds:0} s: is the device on and streaming?");
}
