namespace PostureStream.Cli.Configuration;

/// <summary>
/// A wearer of two WitMotion sensors (<c>--wearer NAME --lumbar URI --pelvis URI</c>, or an entry of
/// <c>Wearers</c> in the configuration file): one device in the outputs, whose sensors are read by
/// <c>witmotion-serial:</c>, <c>witmotion-ble:</c> or <c>file:</c> (a timed capture) URIs.
/// </summary>
public sealed class WearerSettings
{
    /// <summary>The wearer's display name; empty = <c>wearer-</c> and the last 4 hex digits of its id.</summary>
    public string? Name { get; set; }

    /// <summary>The URI of the sensor on the lower back.</summary>
    public string Lumbar { get; set; } = "";

    /// <summary>The URI of the sensor on the pelvis (sacrum).</summary>
    public string Pelvis { get; set; } = "";

    /// <summary>A PSP device (any live source URI: serial:, tcp:, ble:) that buzzes for this wearer; null = no buzzer.</summary>
    public string? Buzzer { get; set; }
}
