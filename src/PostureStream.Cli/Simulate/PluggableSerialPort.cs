using System.Runtime.Versioning;
using PostureStream.Devices.Posix;

namespace PostureStream.Cli.Simulate;

/// <summary>
/// One simulated USB-serial sensor on a pseudo-terminal that can be unplugged and plugged back in. Plugged in, the
/// host reads it at <see cref="Path"/>: the PTY's own /dev/pts path, or, when the port may be re-plugged, a symbolic
/// link in a private folder (as udev's /dev/serial/by-id/ links are). <see cref="Unplug"/> closes the PTY, so a host
/// reading it sees a hang-up, and removes the link, so reopening fails; <see cref="PlugIn"/> opens a new PTY behind the
/// same link, as a re-plugged adapter comes back at the same by-id path. A re-plugged port sends only once a host has
/// opened it again exclusively (as run does): what the sensor sends before is lost, as on a cable nobody reads.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class PluggableSerialPort : IDisposable
{
    private readonly string? _link;
    private volatile PseudoTerminal? _pty;
    private bool _replugged;

    private PluggableSerialPort(string? link)
    {
        _link = link;
        _pty = PseudoTerminal.Open();
        Publish();
    }

    /// <summary>What the host opens.</summary>
    public string Path => _link ?? _pty!.SlavePath;

    /// <summary>The PTY in use while plugged in (the host's commands are read from it), else null.</summary>
    public PseudoTerminal? Current => _pty;

    /// <summary>Whether what is written now reaches a host: plugged in, and, after a re-plug, reopened by one.</summary>
    public bool Connected => _pty is { } pty && (!_replugged || pty.HeldExclusively);

    /// <summary>Whether the host has read all that was written (or nobody can read it: unplugged, not reopened yet).</summary>
    public bool AllRead => !Connected || _pty!.Unread == 0;

    /// <summary>A port on a fixed PTY (its /dev/pts path), or, with <paramref name="linkPath"/>, one that can be re-plugged there.</summary>
    public static PluggableSerialPort Open(string? linkPath) => new(linkPath);

    /// <summary>Writes when <see cref="Connected"/>; returns whether it did.</summary>
    public bool TryWrite(ReadOnlySpan<byte> bytes, CancellationToken cancel)
    {
        if (!Connected)
        {
            return false;
        }

        _pty!.Write(bytes, cancel);
        return true;
    }

    public void Unplug()
    {
        if (_link is not null)
        {
            File.Delete(_link);
        }

        _pty?.Dispose();
        _pty = null;
    }

    public void PlugIn()
    {
        if (_pty is not null)
        {
            return;
        }

        _pty = PseudoTerminal.Open();
        _replugged = true;
        Publish();
    }

    public void Dispose()
    {
        Unplug();
    }

    /// <summary>Points the link at the current PTY atomically (a new link renamed over the old), so a host never sees it half-made.</summary>
    private void Publish()
    {
        if (_link is null)
        {
            return;
        }

        string next = _link + ".new";
        File.Delete(next);
        File.CreateSymbolicLink(next, _pty!.SlavePath);
        File.Move(next, _link, overwrite: true);
    }
}
