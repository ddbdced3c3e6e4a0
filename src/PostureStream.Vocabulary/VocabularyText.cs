using System.Runtime.CompilerServices;
using System.Text;

namespace PostureStream.Vocabulary;

/// <summary>
/// The one spelling table: how every vocabulary value is written in both stores, the alerts file and the
/// dashboard's JSON. These strings are a contract (Storage README, schema): change none, add only.
/// </summary>
/// <remarks>
/// The UTF-8 switches below are the table; the <see cref="string"/> forms are made from them once, so the two can
/// never disagree and the line-protocol hot path allocates nothing. The switches have no <c>_ =&gt;</c> arm: a value
/// added to an enum without a spelling here is a compile error (CS8509).
/// </remarks>
public static class VocabularyText
{
    public static ReadOnlySpan<byte> ToUtf8(Activity value) => value switch
    {
        Activity.Unknown => "unknown"u8,
        Activity.Standing => "standing"u8,
        Activity.Sitting => "sitting"u8,
        Activity.Walking => "walking"u8,
        Activity.Bending => "bending"u8,
        Activity.Lying => "lying"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(PostureState value) => value switch
    {
        PostureState.Uncalibrated => "uncalibrated"u8,
        PostureState.Neutral => "neutral"u8,
        PostureState.Flattened => "flattened"u8,
        PostureState.Hyperextended => "hyperextended"u8,
        PostureState.SensorFault => "sensor_fault"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(AlertKind value) => value switch
    {
        AlertKind.Flattening => "flattening"u8,
        AlertKind.Hyperextension => "hyperextension"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(AlertPhase value) => value switch
    {
        AlertPhase.Raised => "raised"u8,
        AlertPhase.Reminder => "reminder"u8,
        AlertPhase.Cleared => "cleared"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(Transport value) => value switch
    {
        Transport.Serial => "serial"u8,
        Transport.Ble => "ble"u8,
        Transport.Tcp => "tcp"u8,
        Transport.File => "file"u8,
        Transport.Sim => "sim"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(ExerciseKind value) => value switch
    {
        ExerciseKind.Release => "release"u8,
        ExerciseKind.Stretch => "stretch"u8,
        ExerciseKind.Strengthen => "strengthen"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(SessionSource value) => value switch
    {
        SessionSource.Cli => "cli"u8,
        SessionSource.Dashboard => "dashboard"u8,
        SessionSource.Device => "device"u8,
    };

    public static ReadOnlySpan<byte> ToUtf8(CalibrationMethod value) => value switch
    {
        CalibrationMethod.Command => "command"u8,
        CalibrationMethod.Button => "button"u8,
        CalibrationMethod.AfterWalking => "after_walking"u8,
        CalibrationMethod.Functional => "functional"u8,
        CalibrationMethod.Manual => "manual"u8,
    };

    public static string ToText(Activity value) => Spelled<Activity>.Text(value);

    public static string ToText(PostureState value) => Spelled<PostureState>.Text(value);

    public static string ToText(AlertKind value) => Spelled<AlertKind>.Text(value);

    public static string ToText(AlertPhase value) => Spelled<AlertPhase>.Text(value);

    public static string ToText(Transport value) => Spelled<Transport>.Text(value);

    public static string ToText(ExerciseKind value) => Spelled<ExerciseKind>.Text(value);

    public static string ToText(SessionSource value) => Spelled<SessionSource>.Text(value);

    public static string ToText(CalibrationMethod value) => Spelled<CalibrationMethod>.Text(value);

    /// <summary>The stored spelling of any vocabulary value (for generic callers such as a JSON converter).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a vocabulary enum.</exception>
    public static string ToText<T>(T value)
        where T : struct, Enum => Spelled<T>.Text(value);

    /// <summary>Reads a stored spelling back; false for any text the table does not hold (case matters).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a vocabulary enum.</exception>
    public static bool TryParse<T>(ReadOnlySpan<char> text, out T value)
        where T : struct, Enum => Spelled<T>.TryParse(text, out value);

    /// <summary>True for the enums this table spells.</summary>
    public static bool Spells(Type enumType) =>
        enumType == typeof(Activity) || enumType == typeof(PostureState) || enumType == typeof(AlertKind)
        || enumType == typeof(AlertPhase) || enumType == typeof(Transport)
        || enumType == typeof(ExerciseKind) || enumType == typeof(SessionSource) || enumType == typeof(CalibrationMethod);

    private delegate ReadOnlySpan<byte> Speller<in T>(T value);

    /// <summary>Each enum's strings, indexed by value (the vocabulary enums are byte-backed and numbered from 0 without gaps).</summary>
    private static class Spelled<T>
        where T : struct, Enum
    {
        private static readonly string[] Texts = Build();

        public static string Text(T value)
        {
            byte index = Unsafe.As<T, byte>(ref value);
            return index < Texts.Length
                ? Texts[index]
                : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");
        }

        public static bool TryParse(ReadOnlySpan<char> text, out T value)
        {
            for (int i = 0; i < Texts.Length; i++)
            {
                if (text.SequenceEqual(Texts[i]))
                {
                    byte index = (byte)i;
                    value = Unsafe.As<byte, T>(ref index);
                    return true;
                }
            }

            value = default;
            return false;
        }

        private static string[] Build()
        {
            Delegate speller = typeof(T) switch
            {
                var t when t == typeof(Activity) => (Speller<Activity>)ToUtf8,
                var t when t == typeof(PostureState) => (Speller<PostureState>)ToUtf8,
                var t when t == typeof(AlertKind) => (Speller<AlertKind>)ToUtf8,
                var t when t == typeof(AlertPhase) => (Speller<AlertPhase>)ToUtf8,
                var t when t == typeof(Transport) => (Speller<Transport>)ToUtf8,
                var t when t == typeof(ExerciseKind) => (Speller<ExerciseKind>)ToUtf8,
                var t when t == typeof(SessionSource) => (Speller<SessionSource>)ToUtf8,
                var t when t == typeof(CalibrationMethod) => (Speller<CalibrationMethod>)ToUtf8,
                _ => throw new ArgumentException($"{typeof(T).Name} is not a vocabulary enum", nameof(T)),
            };
            var spell = (Speller<T>)speller;
            T[] values = Enum.GetValues<T>();
            var texts = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                T value = values[i];
                if (Unsafe.As<T, byte>(ref value) != i)
                {
                    throw new InvalidOperationException($"{typeof(T).Name} must be numbered from 0 without gaps");
                }

                texts[i] = Encoding.UTF8.GetString(spell(value));
            }

            return texts;
        }
    }
}
