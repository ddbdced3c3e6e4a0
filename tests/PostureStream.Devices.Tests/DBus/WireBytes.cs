using System.Text;

namespace PostureStream.Devices.Tests.DBus;

/// <summary>Writes expected wire bytes readably: ints are single bytes, strings are their ASCII bytes.</summary>
internal static class WireBytes
{
    public static byte[] Of(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (object part in parts)
        {
            switch (part)
            {
                case int b: bytes.Add(checked((byte)b)); break;
                case string text: bytes.AddRange(Encoding.ASCII.GetBytes(text)); break;
                case byte[] raw: bytes.AddRange(raw); break;
                default: throw new ArgumentException(part.GetType().Name);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>n zero bytes of alignment padding.</summary>
    public static byte[] Pad(int n) => new byte[n];
}
