using System.Threading.Channels;

namespace PostureStream.Cli.Tests.EndToEnd;

/// <summary>A writer that hands each line (the source URIs simulate prints as it starts) to a channel.</summary>
internal sealed class LineChannelWriter(ChannelWriter<string> lines) : StringWriter
{
    public override void WriteLine(string? value) => lines.TryWrite(value ?? "");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
