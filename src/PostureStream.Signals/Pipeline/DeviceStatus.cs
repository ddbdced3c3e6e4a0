namespace PostureStream.Signals.Pipeline;

/// <summary>
/// A device's status report (PSP STATUS, or whatever a sensor says about itself). The fault flags hold until the
/// next status: while set, that sensor's values are unavailable. Unknown values are null.
/// </summary>
/// <param name="BatteryMillivolts">Battery voltage, mV; null when the device does not say.</param>
/// <param name="BatteryPercent">Battery charge, 0–100 %; null when unknown.</param>
/// <param name="TemperatureCelsius">Device temperature, °C; null when unknown.</param>
/// <param name="Charging">True while the battery charges.</param>
/// <param name="Faults">Sensors the device reports in fault.</param>
public readonly record struct DeviceStatus(int? BatteryMillivolts, int? BatteryPercent, double? TemperatureCelsius, bool Charging, SensorFaults Faults);
