using System.Runtime.InteropServices;

namespace PostureStream.Cli;

/// <summary>
/// Turns a request to stop into a cancellation, so a command flushes, closes its links and exits 0
/// instead of being killed with 130/143: SIGINT (Ctrl-C) and SIGTERM everywhere; on Windows also
/// Ctrl-Break (SIGQUIT) and closing the console window (SIGHUP), which .NET maps from the console's
/// control events. SIGHUP is left alone elsewhere, so `nohup posturestream run` keeps running.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        PosixSignal[] signals = OperatingSystem.IsWindows()
            ? [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP]
            : [PosixSignal.SIGINT, PosixSignal.SIGTERM];
        _registrations = [.. signals.Select(signal => PosixSignalRegistration.Create(signal, Handle))];
    }

    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _cancel.Cancel();
    }
}
