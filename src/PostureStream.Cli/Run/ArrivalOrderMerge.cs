using PostureStream.Protocol.WitMotion;
using PostureStream.Signals.Wearers;

namespace PostureStream.Cli.Run;

/// <summary>
/// The readings of a wearer's two timed captures, handed on in arrival order whatever pace each replay runs at, so a
/// replay gives the same grid (and the same alerts) every time. A reading is held until the other sensor has one at
/// least as late, or has ended. Calls may come from both links' threads.
/// </summary>
internal sealed class ArrivalOrderMerge(Action<WearerSegment, WitMotionReading> deliver)
{
    private readonly Lock _gate = new();
    private readonly Queue<WitMotionReading> _lumbar = new();
    private readonly Queue<WitMotionReading> _pelvis = new();
    private bool _lumbarEnded;
    private bool _pelvisEnded;

    public void Reading(WearerSegment segment, WitMotionReading reading)
    {
        lock (_gate)
        {
            (segment == WearerSegment.Lumbar ? _lumbar : _pelvis).Enqueue(reading);
            Release();
        }
    }

    /// <summary>The sensor's capture ended; true once both have (everything has been handed on).</summary>
    public bool Ended(WearerSegment segment)
    {
        lock (_gate)
        {
            if (segment == WearerSegment.Lumbar)
            {
                _lumbarEnded = true;
            }
            else
            {
                _pelvisEnded = true;
            }

            Release();
            return _lumbarEnded && _pelvisEnded;
        }
    }

    private void Release()
    {
        while (true)
        {
            bool lumbarReady = _lumbar.Count > 0 && (_pelvis.Count > 0 || _pelvisEnded);
            bool pelvisReady = _pelvis.Count > 0 && (_lumbar.Count > 0 || _lumbarEnded);
            if (!lumbarReady && !pelvisReady)
            {
                return;
            }

            bool lumbarFirst = lumbarReady && (!pelvisReady || _pelvis.Count == 0 || _lumbar.Peek().ArrivalMicroseconds <= _pelvis.Peek().ArrivalMicroseconds);
            if (lumbarFirst)
            {
                deliver(WearerSegment.Lumbar, _lumbar.Dequeue());
            }
            else
            {
                deliver(WearerSegment.Pelvis, _pelvis.Dequeue());
            }
        }
    }
}
