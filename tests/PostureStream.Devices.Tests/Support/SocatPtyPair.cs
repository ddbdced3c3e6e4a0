using System.Diagnostics;
using PostureStream.Devices.Links;
using PostureStream.Devices.Serial;

namespace PostureStream.Devices.Tests.Support;

/// <summary>
/// Two PTYs joined by Debian's socat (<c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>),
/// one of the real components the tests use for virtual serial ports (README, how it is tested). Bytes written to one link path come out of the other.
/// Fails (never skips) when socat cannot be started.
/// </summary>
internal sealed class SocatPtyPair : IAsyncDisposable
{
    private readonly Process _process;

    private SocatPtyPair(Process process, string a, string b)
    {
        _process = process;
        PathA = a;
        PathB = b;
    }

    public string PathA { get; }

    public string PathB { get; }

    public static async Task<SocatPtyPair> StartAsync(string a, string b)
    {
        var start = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-d", "-d", $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("socat is not installed: run tools/install-deps.sh (Debian package socat)", e);
        }

        using var timeout = new CancellationTokenSource(LinkExtensions.Patience);
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("starting data transfer loop", StringComparison.Ordinal))
            {
                _ = DrainAsync(process.StandardError);
                return new SocatPtyPair(process, a, b);
            }
        }

        throw new InvalidOperationException($"socat exited with code {process.ExitCode} before its PTYs were ready");
    }

    /// <summary>
    /// Opens the B end for the test's device without touching its settings (socat made it raw) and without
    /// flushing, so frames the host sent before the device end was opened are not lost.
    /// </summary>
    public IDeviceLink OpenDeviceEnd()
    {
        int fd = SerialNative.Open(PathB, SerialNative.O_RDWR | SerialNative.O_NOCTTY | SerialNative.O_NONBLOCK | SerialNative.O_CLOEXEC);
        return fd >= 0 ? new FileDescriptorLink(new FileDescriptorHandle(fd), "socat device end") : throw new IOException($"cannot open {PathB}");
    }

    /// <summary>Stops socat: both PTY masters close, as when a USB adapter is pulled.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(LinkExtensions.Patience);
        }

        // Killed, socat cannot remove its links; udev would remove a by-id link when the device goes.
        File.Delete(PathA);
        File.Delete(PathB);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
            // socat is gone.
        }
    }
}
