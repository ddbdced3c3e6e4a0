using System.Text.Json;
using PostureStream.Devices.Session;
using PostureStream.Protocol;

namespace PostureStream.Devices.Discovery;

/// <summary>One row of <c>posturestream devices</c>: a port, whether this user may open it, and (with --probe) who answered.</summary>
public sealed record PortListingEntry(SerialPortInfo Port, string? AccessProblem, HelloMessage? Hello);

/// <summary>Writes the port list as an aligned table or as JSON.</summary>
public static class PortListing
{
    private static readonly string[] Headers = ["PORT", "SOURCE", "USB", "SERIAL", "DESCRIPTION", "DRIVER", "NOTE"];

    public static void WriteTable(TextWriter output, IReadOnlyList<PortListingEntry> entries, bool probed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entries);
        List<string[]> rows = [Headers, .. entries.Select(e => Row(e, probed))];
        int[] widths = [.. Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length))];
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    public static void WriteJson(Stream output, IReadOnlyList<PortListingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (PortListingEntry entry in entries)
        {
            SerialPortInfo p = entry.Port;
            json.WriteStartObject();
            json.WriteString("path", p.DevicePath);
            json.WriteString("byId", p.ByIdPath);
            json.WriteString("source", "serial:" + p.PreferredPath);
            json.WriteString("kernelName", p.KernelName);
            json.WriteString("driver", p.Driver);
            json.WriteString("usbVendorId", p.UsbVendorId);
            json.WriteString("usbProductId", p.UsbProductId);
            json.WriteString("serialNumber", p.SerialNumber);
            json.WriteString("manufacturer", p.Manufacturer);
            json.WriteString("product", p.Product);
            json.WriteBoolean("accessible", entry.AccessProblem is null);
            if (entry.Hello is { } hello)
            {
                json.WriteStartObject("hello");
                json.WriteString("deviceId", hello.DeviceId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("name", hello.Name);
                json.WriteString("fwVersion", hello.FirmwareVersion);
                json.WriteNumber("sampleRateHz", hello.SampleRateHz);
                json.WriteNumber("sensorMask", (byte)hello.Sensors);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string[] Row(PortListingEntry e, bool probed)
    {
        SerialPortInfo p = e.Port;
        string description = string.Join(" ", new[] { p.Manufacturer, p.Product }.Where(s => !string.IsNullOrEmpty(s)));
        string note = e.AccessProblem is not null ? "no access (see below)"
            : e.Hello is { } hello ? $"PSP device '{hello.Name}' id {hello.DeviceId:x16} fw {hello.FirmwareVersion}"
            : probed ? "no answer to IDENTIFY" : "";
        // USB descriptor strings and the HELLO name come from the device: no control characters reach the terminal.
        return [p.DevicePath, "serial:" + p.PreferredPath, p.UsbId ?? "-", DeviceText.Printable(p.SerialNumber ?? "-"),
            DeviceText.Printable(description.Length > 0 ? description : "-"), p.Driver, DeviceText.Printable(note)];
    }
}
