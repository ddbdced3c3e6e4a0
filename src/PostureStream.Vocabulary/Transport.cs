namespace PostureStream.Vocabulary;

/// <summary>How a device's bytes arrive (the <c>transport</c> tag of <c>link_stats</c>).</summary>
public enum Transport : byte
{
    Serial = 0,
    Ble,
    Tcp,
    File,
    Sim,
}
