using PostureStream.Protocol;

namespace PostureStream.Devices.Session;

/// <summary>The HELLO hold and the device identity (firmware-protocol/SPEC.md; Storage README, schema).</summary>
public sealed partial class DeviceSession
{
    private void OnHello(HelloMessage hello, DateTimeOffset at)
    {
        var identity = SessionIdentity.FromHello(hello, _options);
        bool changed = _identity is null || _identity.DeviceId != identity.DeviceId || _identity.DisplayName != identity.DisplayName
            || _identity.SampleRateHz != identity.SampleRateHz || _identity.Sensors != identity.Sensors || !_identity.IsFromHello;
        _identity = identity;
        StopIdentifying();
        if (changed)
        {
            _events.OnNext(new DeviceIdentified(identity, at));
        }

        ReleaseHeld();
    }

    /// <summary>
    /// Live sources pace the HELLO hold and link_stats by the wall clock (the TimeProvider); finite sources
    /// without commands (capture files) by device ticks, so a replay at any speed gives the same events.
    /// </summary>
    private bool PacedByWallClock => _connector.AcceptsCommands;

    /// <summary>Under the gate: a capture's hold ends once the held samples span the hold in device time.</summary>
    private void EndHoldInDeviceTime(long deviceMicros, DateTimeOffset at)
    {
        if (PacedByWallClock || _identity is not null || !_hold.IsHolding)
        {
            return;
        }

        _holdStartMicros ??= deviceMicros;
        if (deviceMicros - _holdStartMicros.Value >= (long)_options.HelloHold.TotalMicroseconds)
        {
            TakeDefaults(at);
        }
    }

    /// <summary>Called under the gate: passes an event on, or holds it while the HELLO is awaited.</summary>
    private void Deliver(DeviceEvent e)
    {
        if (_hold.IsHolding && _identity is null)
        {
            if (_hold.TryHold(e))
            {
                return;
            }

            TakeDefaults(e.At);
        }

        _events.OnNext(e);
    }

    private void EndHold()
    {
        lock (_gate)
        {
            if (_identity is null && !_finished)
            {
                TakeDefaults(_time.GetUtcNow());
            }
        }
    }

    private void TakeDefaults(DateTimeOffset at)
    {
        _identity = SessionIdentity.Defaults(_options);
        StopIdentifying();
        _events.OnNext(new DeviceIdentified(_identity, at));
        ReleaseHeld();
    }

    private void ReleaseHeld()
    {
        _holdTimer?.Dispose();
        _holdTimer = null;
        foreach (DeviceEvent held in _hold.End())
        {
            _events.OnNext(held);
        }
    }

    private void StopIdentifying()
    {
        _identifyTimer?.Dispose();
        _identifyTimer = null;
    }
}
