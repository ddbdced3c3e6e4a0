using System.Diagnostics;

namespace PostureStream.Testing;

/// <summary>
/// A real dbus-daemon (Debian package dbus) on a unix socket in a temp folder, with a generated
/// session-like configuration that lets every connection own any name and call anything. A test that
/// needs it fails when it cannot start.
/// </summary>
public sealed class PrivateBusDaemon : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly string _directory;
    private Process _process;

    private PrivateBusDaemon(Process process, string directory, string address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    /// <summary>The bus address, unix:path=..., the same after <see cref="RestartAsync"/>.</summary>
    public string Address { get; private set; }

    public static Task<PrivateBusDaemon> StartAsync() => StartAsync(Directory.CreateTempSubdirectory("psbus-").FullName);

    /// <summary>
    /// A daemon listening in <paramref name="directory"/> (created if need be; deleted with the daemon), so its address
    /// is known before it starts and is the same for every daemon started there: for code that reads the bus address
    /// once per process (Tmds.DBus.Protocol caches DBUS_SYSTEM_BUS_ADDRESS and DBUS_SESSION_BUS_ADDRESS).
    /// </summary>
    public static async Task<PrivateBusDaemon> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        (Process process, string address) = await LaunchAsync(directory);
        return new PrivateBusDaemon(process, directory, address);
    }

    /// <summary>Kills the daemon (every connection drops) and starts a new one on the same socket path.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        (_process, Address) = await LaunchAsync(_directory);
    }

    private static async Task<(Process Process, string Address)> LaunchAsync(string directory)
    {
        string socket = Path.Combine(directory, "bus");
        string config = Path.Combine(directory, "bus.conf");
        await File.WriteAllTextAsync(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
              "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={socket}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);

        var start = new ProcessStartInfo("dbus-daemon", ["--config-file=" + config, "--print-address", "--nofork", "--nopidfile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("dbus-daemon is not installed: apt-get install dbus (tools/install-deps.sh does it)", e);
        }

        using var timeout = new CancellationTokenSource(StartTimeout);
        string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (string.IsNullOrWhiteSpace(line))
        {
            string error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("dbus-daemon printed no address: " + error);
        }

        // Without the daemon's guid, like the system bus address: a client checks a guid it is given,
        // and the restarted daemon has a new one.
        return (process, "unix:path=" + socket);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }
}
