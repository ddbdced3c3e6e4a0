namespace PostureStream.Vocabulary;

/// <summary>What the wearer is doing, as debounced by the detector (Signals README, detection).</summary>
public enum Activity : byte
{
    Unknown = 0,
    Standing,
    Sitting,
    Walking,
    Bending,
    Lying,
}
