using System.Collections;
using System.Text;
using PostureStream.Devices.DBus;

namespace PostureStream.Devices.Tests.DBus;

/// <summary>
/// Random signatures (nested arrays, structs, dicts, variants after odd offsets) with random values:
/// what the writer writes, the reader reads back the same. Seeded, so a failure repeats.
/// </summary>
public sealed class RoundTripTests
{
    private const string Basic = "ybnqiuxtdsog";

    [Fact]
    public void RandomSignaturesAndValues_RoundTrip()
    {
        var random = new Random(20261122);
        for (int run = 0; run < 500; run++)
        {
            var signature = new StringBuilder();
            var values = new List<object>();
            int count = random.Next(1, 5);
            for (int i = 0; i < count; i++)
            {
                string type = RandomType(random, depth: 0);
                signature.Append(type);
                values.Add(RandomValue(random, type));
            }

            var writer = new DBusWriter();
            writer.WriteValues(signature.ToString(), values);
            var reader = new DBusReader(writer.ToArray(), bigEndian: false);
            object[] read = reader.ReadValues(signature.ToString());

            Assert.Equal(0, reader.Remaining);
            Assert.True(DeepEqual(values.ToArray(), read), $"run {run}: signature {signature} did not round-trip");
        }
    }

    private static string RandomType(Random random, int depth)
    {
        int pick = random.Next(depth >= 3 ? 1 : 5);
        return pick switch
        {
            0 => Basic[random.Next(Basic.Length)].ToString(),
            1 => "a" + RandomType(random, depth + 1),
            2 => "(" + string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomType(random, depth + 1))) + ")",
            3 => "a{" + Basic[random.Next(Basic.Length)] + RandomType(random, depth + 1) + "}",
            _ => "v",
        };
    }

    private static object RandomValue(Random random, string type)
    {
        switch (type[0])
        {
            case 'y': return (byte)random.Next(256);
            case 'b': return random.Next(2) == 1;
            case 'n': return (short)random.Next(short.MinValue, short.MaxValue);
            case 'q': return (ushort)random.Next(ushort.MaxValue);
            case 'i': return random.Next(int.MinValue, int.MaxValue);
            case 'u': return (uint)random.NextInt64(uint.MaxValue);
            case 'x': return random.NextInt64(long.MinValue, long.MaxValue);
            case 't': return (ulong)random.NextInt64(long.MaxValue) * 2;
            case 'd': return Math.Round(random.NextDouble() * 1e6, 3);
            case 's': return new string('é', random.Next(4)) + random.Next();
            case 'o': return new DBusObjectPath("/org/bluez/hci" + random.Next(3));
            case 'g': return new DBusSignature(RandomType(random, depth: 2));
            case 'v':
                string inner = RandomType(random, depth: 2);
                return new DBusVariant(new DBusSignature(inner), RandomValue(random, inner));
            case '(':
                return DBusSignatures.Split(type[1..^1]).Select(t => RandomValue(random, t)).ToArray();
            case 'a' when type[1] == 'y':
                return Enumerable.Range(0, random.Next(5)).Select(_ => (byte)random.Next(256)).ToArray();
            case 'a' when type[1] == '{':
                string entry = type[2..^1];
                string keyType = entry[..1];
                var dictionary = new Dictionary<object, object>();
                for (int i = random.Next(4); i > 0; i--)
                {
                    dictionary[RandomValue(random, keyType)] = RandomValue(random, entry[1..]);
                }

                return dictionary;
            case 'a':
                return Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, type[1..])).ToArray();
            default:
                throw new ArgumentException(type);
        }
    }

    private static bool DeepEqual(object expected, object actual) => (expected, actual) switch
    {
        (DBusVariant e, DBusVariant a) => e.Signature == a.Signature && DeepEqual(e.Value, a.Value),
        (IDictionary e, IDictionary a) => e.Count == a.Count && e.Keys.Cast<object>().All(k => a.Contains(k) && DeepEqual(e[k]!, a[k]!)),
        (byte[] e, byte[] a) => e.AsSpan().SequenceEqual(a),
        (object[] e, object[] a) => e.Length == a.Length && e.Zip(a).All(p => DeepEqual(p.First, p.Second)),
        _ => Equals(expected, actual),
    };
}
