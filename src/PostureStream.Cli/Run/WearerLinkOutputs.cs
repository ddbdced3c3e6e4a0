using PostureStream.Devices.Session;
using PostureStream.Devices.WitMotion;
using PostureStream.Signals.Wearers;
using PostureStream.Storage.Points;

namespace PostureStream.Cli.Run;

/// <summary>
/// Where a wearer's two sensor links report in a run (Cli/Run README): each link's counts as <c>link_stats</c> and each
/// loss or restoration as <c>device_status</c>, both in the wearer's series with the link's <c>segment</c>, so the two
/// links never share a series; and the pair's link health on the live view (connected while both are). Times are the
/// links' own arrival stamps, which a timed capture replays unchanged, so a replay stores the same points. Called
/// under the wearer's lock, one call at a time.
/// </summary>
internal sealed class WearerLinkOutputs(RunContext context, LiveView? live, Func<DeviceSeries?> series)
{
    private readonly long?[] _lastArrival = new long?[2];
    private readonly bool[] _down = new bool[2];
    private readonly long[] _reconnects = new long[2];

    /// <summary>One interval of a sensor link's counts (every 10 s of arrival time, and once at its end).</summary>
    public void Interval(WearerSegment segment, long arrivalMicroseconds, in WitMotionLinkStats stats)
    {
        int i = Index(segment);
        _lastArrival[i] = arrivalMicroseconds;
        LinkStats counts = stats.ToLinkStats();
        if (series() is { } known)
        {
            context.Stores.Write(StorageMapping.LinkInterval(in counts, counts.IntervalStart.UtcDateTime, known, segment), context.StorePacing);
        }

        _reconnects[i] += counts.Reconnects;
        live?.Link(Connected, counts.LostFrames, counts.CrcErrors + counts.CobsErrors + counts.OtherErrors, _reconnects[0] + _reconnects[1]);
    }

    public void Lost(WearerSegment segment, long arrivalMicroseconds) => Changed(segment, arrivalMicroseconds, fault: true);

    public void Restored(WearerSegment segment, long arrivalMicroseconds) => Changed(segment, arrivalMicroseconds, fault: false);

    /// <summary>
    /// A sensor's source ended (a capture ran out): its segment has no data from its last arrival on. Not when the run
    /// is <paramref name="stopping"/>: then the links end because the run does, and no sensor went away.
    /// </summary>
    public void Ended(WearerSegment segment, bool stopping)
    {
        if (!stopping && !_down[Index(segment)] && _lastArrival[Index(segment)] is { } last)
        {
            Changed(segment, last, fault: true);
        }
    }

    private bool Connected => !_down[0] && !_down[1];

    private void Changed(WearerSegment segment, long arrivalMicroseconds, bool fault)
    {
        int i = Index(segment);
        _lastArrival[i] = arrivalMicroseconds;
        _down[i] = fault;
        if (series() is { } known)
        {
            DateTime utc = DateTime.UnixEpoch.AddTicks(arrivalMicroseconds * TimeSpan.TicksPerMicrosecond);
            context.Stores.Write(StorageMapping.LinkState(segment, fault, utc, known), context.StorePacing);
        }

        live?.Link(Connected);
    }

    private static int Index(WearerSegment segment) => segment switch
    {
        WearerSegment.Lumbar => 0,
        WearerSegment.Pelvis => 1,
    };
}
