using System.Text;
using PostureStream.Vocabulary;

namespace PostureStream.Vocabulary.Tests;

/// <summary>
/// Every value of every vocabulary enum has one spelling that reads back to it: a value added without a spelling
/// fails to compile (CS8509 in the table's switches), and a duplicated or wrong one fails here.
/// </summary>
public sealed class SpellingTests
{
    [Fact]
    public void EveryActivity_RoundTrips() => AssertRoundTrip<Activity>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryPostureState_RoundTrips() => AssertRoundTrip<PostureState>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryAlertKind_RoundTrips() => AssertRoundTrip<AlertKind>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryAlertPhase_RoundTrips() => AssertRoundTrip<AlertPhase>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryTransport_RoundTrips() => AssertRoundTrip<Transport>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryExerciseKind_RoundTrips() => AssertRoundTrip<ExerciseKind>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EverySessionSource_RoundTrips() => AssertRoundTrip<SessionSource>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    [Fact]
    public void EveryCalibrationMethod_RoundTrips() => AssertRoundTrip<CalibrationMethod>(VocabularyText.ToText, v => VocabularyText.ToUtf8(v).ToArray());

    /// <summary>The stored strings are a contract: these rows are what both stores, the alerts file and the dashboard hold today.</summary>
    [Theory]
    [InlineData(typeof(Activity), "unknown standing sitting walking bending lying")]
    [InlineData(typeof(PostureState), "uncalibrated neutral flattened hyperextended sensor_fault")]
    [InlineData(typeof(AlertKind), "flattening hyperextension")]
    [InlineData(typeof(AlertPhase), "raised reminder cleared")]
    [InlineData(typeof(Transport), "serial ble tcp file sim")]
    [InlineData(typeof(ExerciseKind), "release stretch strengthen")]
    [InlineData(typeof(SessionSource), "cli dashboard device")]
    [InlineData(typeof(CalibrationMethod), "command button after_walking functional manual")]
    public void Spellings_AreTheStoredStrings(Type enumType, string expected)
    {
        string actual = string.Join(' ', Enum.GetValues(enumType).Cast<Enum>().Select(Spell));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Spells_NamesExactlyTheVocabularyEnums()
    {
        Type[] enums = [.. typeof(VocabularyText).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic)];
        Assert.NotEmpty(enums);
        Assert.All(enums, t => Assert.True(VocabularyText.Spells(t), $"{t.Name} has no spelling"));
        Assert.False(VocabularyText.Spells(typeof(DayOfWeek)));
    }

    [Fact]
    public void UnnamedValue_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VocabularyText.ToText((AlertKind)7));
        Assert.Throws<System.Runtime.CompilerServices.SwitchExpressionException>(() => VocabularyText.ToUtf8((AlertKind)7).ToArray());
    }

    [Theory]
    [InlineData("Flattening")]
    [InlineData("flattening ")]
    [InlineData("")]
    [InlineData("hyper")]
    public void TryParse_RefusesAnyOtherText(string text) =>
        Assert.False(VocabularyText.TryParse(text, out AlertKind _));

    [Fact]
    public void NonVocabularyEnum_IsAProgrammerError() =>
        Assert.ThrowsAny<Exception>(() => VocabularyText.ToText(DayOfWeek.Monday));

    private static string Spell(Enum value) => value switch
    {
        Activity v => VocabularyText.ToText(v),
        PostureState v => VocabularyText.ToText(v),
        AlertKind v => VocabularyText.ToText(v),
        AlertPhase v => VocabularyText.ToText(v),
        Transport v => VocabularyText.ToText(v),
        ExerciseKind v => VocabularyText.ToText(v),
        SessionSource v => VocabularyText.ToText(v),
        CalibrationMethod v => VocabularyText.ToText(v),
        _ => throw new ArgumentException($"{value.GetType().Name} is not spelled here", nameof(value)),
    };

    private static void AssertRoundTrip<T>(Func<T, string> text, Func<T, byte[]> utf8)
        where T : struct, Enum
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (T value in Enum.GetValues<T>())
        {
            string spelled = text(value);
            Assert.False(string.IsNullOrEmpty(spelled));
            Assert.True(seen.Add(spelled), $"{typeof(T).Name}.{value} shares the spelling '{spelled}'");
            Assert.Equal(spelled, Encoding.UTF8.GetString(utf8(value)));
            Assert.Equal(spelled, VocabularyText.ToText<T>(value));
            Assert.True(VocabularyText.TryParse(spelled, out T back));
            Assert.Equal(value, back);
        }
    }
}
