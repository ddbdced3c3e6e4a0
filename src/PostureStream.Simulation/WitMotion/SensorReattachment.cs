namespace PostureStream.Simulation.WitMotion;

/// <summary>
/// The wearer took a sensor off and stuck it on again another way (after a shower, say): from <paramref name="At"/>
/// (scenario time) on, the sensor sits as <paramref name="Mounting"/> says. Its stream goes on unbroken, as a sensor
/// that stayed powered and connected would send it; only its orientation on the body changed.
/// </summary>
public sealed record SensorReattachment(TimeSpan At, SensorMounting Mounting);
