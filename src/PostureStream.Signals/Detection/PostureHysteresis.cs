namespace PostureStream.Signals.Detection;

/// <summary>
/// The <c>state</c> series (Detection README): the flattening / hyper-extension hysteresis on every sample
/// that has a lordosis delta, in any activity, whether or not an episode counts. Episodes keep their own
/// hysteresis, frozen while paused.
/// </summary>
internal struct PostureHysteresis
{
    private bool _flattened;
    private bool _hyperextended;

    public PostureState Update(double delta, EpisodeThresholds t)
    {
        _flattened = _flattened ? delta <= t.FlatteningEnd : delta <= t.FlatteningStart;
        _hyperextended = !_flattened && (_hyperextended ? delta >= t.HyperextensionEnd : delta >= t.HyperextensionStart);
        return _flattened ? PostureState.Flattened : _hyperextended ? PostureState.Hyperextended : PostureState.Neutral;
    }

    public void Reset()
    {
        _flattened = false;
        _hyperextended = false;
    }
}
