using PostureStream.Signals.Detection;
using PostureStream.Storage.Files;

namespace PostureStream.Cli.Run;

/// <summary>The alerts JSON Lines file (or stdout) shared by every device (README, using it <c>--alerts-out</c>).</summary>
internal sealed class AlertOutput : IDisposable
{
    private readonly AlertJsonLinesWriter _writer;
    private readonly Lock _gate = new();

    private AlertOutput(Stream stream, bool leaveOpen) => _writer = new AlertJsonLinesWriter(stream, leaveOpen);

    public static AlertOutput? Open(string? target)
    {
        if (target is null)
        {
            return null;
        }

        if (target == "-")
        {
            return new AlertOutput(Console.OpenStandardOutput(), leaveOpen: false);
        }

        // Alerts are health data: a new file is 0600 and a new folder 0700, whatever the umask.
        string? directory = Path.GetDirectoryName(Path.GetFullPath(target));
        if (directory is not null)
        {
            PrivatePaths.CreateFolder(directory);
        }

        return new AlertOutput(PrivatePaths.OpenAppend(target), leaveOpen: false);
    }

    public void Write(in AlertEvent alert)
    {
        lock (_gate)
        {
            _writer.Write(in alert);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
