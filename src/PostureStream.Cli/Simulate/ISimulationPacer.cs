namespace PostureStream.Cli.Simulate;

/// <summary>
/// When a simulation sends what is due: <see cref="WaitUntilAsync"/> returns once <paramref name="due"/> (time since the
/// scenario started) has come. <see cref="RealTimePacer"/> waits on the wall clock at <c>--speed</c>; a test may pace
/// by a virtual clock it shares with <c>run</c>, moving it only once the host has read what was sent.
/// </summary>
public interface ISimulationPacer
{
    /// <param name="due">Time since the scenario started.</param>
    /// <param name="delivered">How many notifications (or writes) the host has been sent so far.</param>
    /// <param name="hostReadAll">True when the host has read everything sent so far (a virtual clock waits for it; the wall clock does not).</param>
    /// <param name="cancellationToken">Stops the simulation.</param>
    ValueTask WaitUntilAsync(TimeSpan due, long delivered, Func<bool> hostReadAll, CancellationToken cancellationToken);
}
