namespace PostureStream.Vocabulary;

/// <summary>What an exercise programme works on (the <c>kind</c> tag of <c>programme</c>).</summary>
public enum ExerciseKind : byte
{
    /// <summary>Myofascial release of the tight side.</summary>
    Release = 0,

    /// <summary>Stretching the tight side.</summary>
    Stretch,

    /// <summary>Strengthening the weak side.</summary>
    Strengthen,
}
