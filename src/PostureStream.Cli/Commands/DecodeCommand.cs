using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using PostureStream.Protocol;

namespace PostureStream.Cli.Commands;

/// <summary><c>posturestream decode FILE</c>: a capture as JSON Lines, one message a line; counts on stderr.</summary>
public static class DecodeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a capture file of raw PSP bytes (as recorded from a link or written by 'simulate --out file:')" };
        var command = new Command("decode", "print a PSP capture as JSON Lines, one message a line, with error counts on stderr") { file };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(file)!, Console.OpenStandardOutput(), Console.Error, cancel));
        return command;
    }

    public static async Task<int> RunAsync(string path, Stream output, TextWriter errors, CancellationToken cancel)
    {
        FileStream input;
        try
        {
            input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await errors.WriteLineAsync($"posturestream decode: {FileProblem.DescribeRead(path, e)} (decode reads a PSP capture, as recorded by a source's record= or written by 'simulate --out file:')");
            return ExitCodes.Usage;
        }

        await using (input)
        {
            var decoder = new PspStreamDecoder();
            var buffer = new byte[1 << 16];
            await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            int read;
            while ((read = await input.ReadAsync(buffer, cancel)) > 0)
            {
                WriteFrames(decoder, buffer.AsSpan(0, read), json, output);
                await json.FlushAsync(cancel);
            }

            await output.FlushAsync(cancel);
            await errors.WriteLineAsync(DescribeCounts(decoder.Stats));
        }

        return ExitCodes.Ok;
    }

    private static void WriteFrames(PspStreamDecoder decoder, ReadOnlySpan<byte> chunk, Utf8JsonWriter json, Stream output)
    {
        while (decoder.TryDecode(ref chunk, out PspFrame frame))
        {
            PspJson.Write(json, frame);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    public static string DescribeCounts(PspDecoderStats s) =>
        $"frames={s.Frames} bytes={s.Bytes} empty={s.EmptyFrames} cobs_errors={s.CobsErrors} crc_errors={s.CrcErrors} " +
        $"short={s.ShortBodies} oversize={s.OversizeBodies} bad_length={s.BadLengths} unknown_version={s.UnknownVersions} " +
        $"unknown_type={s.UnknownTypes} lost_device={s.LostDeviceFrames} lost_host={s.LostHostFrames} " +
        $"seq_reset_device={s.DeviceSeqResets} seq_reset_host={s.HostSeqResets} resyncs={s.Resyncs}";
}
