using System.ComponentModel;
using PostureStream.Testing;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>
/// The reference firmware (firmware-protocol/firmware) running on QEMU's <c>netduinoplus2</c>, an emulated STM32F405.
/// Its USART1 is a Unix socket QEMU waits on before it starts the CPU, bridged by Debian's socat to a PTY the host opens
/// as a serial port, so nothing the firmware says at boot is lost; its semihosting output (BUZZ, sensor faults) goes to
/// a log file. <c>-icount shift=4,sleep=off</c> runs the CPU in virtual time and skips the idle time between samples, so
/// a two-minute scenario takes seconds and every run sees the same device clock.
/// Fails (never skips) when qemu-system-arm, socat or the image is missing.
/// </summary>
internal sealed class EmulatedBoard : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ChildProcess _qemu;
    private readonly ChildProcess _socat;

    private EmulatedBoard(ChildProcess qemu, ChildProcess socat, string ptyPath, string logPath)
    {
        _qemu = qemu;
        _socat = socat;
        PtyPath = ptyPath;
        LogPath = logPath;
    }

    /// <summary>The serial port the host opens (a link socat keeps to its PTY).</summary>
    public string PtyPath { get; }

    /// <summary>The firmware's semihosting log.</summary>
    public string LogPath { get; }

    /// <summary>Where tools/test.sh (PS_FIRMWARE_DIR) or a CMake build of firmware-protocol put the images.</summary>
    public static string ImagePath(string name) =>
        Path.Combine(
            Environment.GetEnvironmentVariable("PS_FIRMWARE_DIR") is { Length: > 0 } dir ? dir : RepoPaths.Combine("build", "firmware-protocol", "firmware", "arm"),
            name);

    /// <summary>Boots <paramref name="image"/> (e.g. <c>ps_qemu_raw.elf</c>) with its files in <paramref name="dir"/>.</summary>
    public static async Task<EmulatedBoard> StartAsync(string image, TempDirectory dir)
    {
        string imagePath = ImagePath(image);
        if (!File.Exists(imagePath))
        {
            throw new InvalidOperationException(
                $"{imagePath} is missing: build firmware-protocol first (tools/test.sh does; or cmake -S firmware-protocol -B build/firmware-protocol && cmake --build build/firmware-protocol)");
        }

        string socket = dir.Sub("usart1.sock");
        string pty = dir.Sub("usart1-pty");
        string log = dir.Sub("semihosting.log");
        ChildProcess qemu = Start("qemu-system-arm", "qemu-system-arm",
            "-M", "netduinoplus2", "-nographic", "-monitor", "none", "-kernel", imagePath,
            "-chardev", $"socket,id=usart1,path={socket},server=on,wait=on", "-serial", "chardev:usart1",
            "-chardev", $"file,id=semihosting,path={log}", "-semihosting-config", "enable=on,target=native,chardev=semihosting",
            "-icount", "shift=4,sleep=off");
        ChildProcess? socat = null;
        try
        {
            await Poll.UntilAsync(() => File.Exists(socket) || qemu.HasExited, Patience, "QEMU's USART1 socket");
            Assert.False(qemu.HasExited, $"qemu-system-arm stopped:\n{qemu.Output}");
            socat = Start("socat", "socat", "-d", "-d", $"pty,raw,echo=0,link={pty}", $"UNIX-CONNECT:{socket}");
            await Poll.UntilAsync(
                () => socat.Output.Contains("starting data transfer loop", StringComparison.Ordinal) || socat.HasExited, Patience, "socat's PTY");
            Assert.False(socat.HasExited, $"socat stopped:\n{socat.Output}");
            return new EmulatedBoard(qemu, socat, pty, log);
        }
        catch
        {
            socat?.Dispose();
            qemu.Dispose();
            throw;
        }
    }

    /// <summary>The semihosting log so far, one entry a line.</summary>
    public IReadOnlyList<string> LogLines()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }

        // QEMU keeps the file open for writing.
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The BUZZ commands the firmware acted on (it logs one line each).</summary>
    public int Buzzes => LogLines().Count(l => l.StartsWith("buzz ", StringComparison.Ordinal));

    public void Dispose()
    {
        _socat.Dispose();
        _qemu.Dispose();
    }

    private static ChildProcess Start(string package, string program, params string[] arguments)
    {
        try
        {
            return new ChildProcess(program, arguments);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed: run tools/install-deps.sh (Debian package {package})", e);
        }
    }
}
