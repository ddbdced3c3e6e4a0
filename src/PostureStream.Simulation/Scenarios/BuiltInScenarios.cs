using PostureStream.Protocol;

namespace PostureStream.Simulation.Scenarios;

/// <summary>The scenarios that ship with the simulator, by name.</summary>
public static class BuiltInScenarios
{
    public const string QuickDemo = "quick-demo";
    public const string OfficeDay = "office-day";
    public const string SustainTest = "sustain-test";

    /// <summary>The functional calibration of a wearer of two WitMotion sensors (<see cref="WitMotion.CalibrationRoutine"/>), alone.</summary>
    public const string FunctionalCalibration = "functional-calibration";

    /// <summary>The scenarios of a day's posture, which quality runs score.</summary>
    public static IReadOnlyList<string> Names { get; } = [QuickDemo, OfficeDay, SustainTest];

    /// <summary>Short routines to try a command on (no alerts are due in them): not in <see cref="Names"/>.</summary>
    public static IReadOnlyList<string> Routines { get; } = [FunctionalCalibration];

    public static bool TryGet(string name, out Scenario scenario)
    {
        Scenario? found = name switch
        {
            QuickDemo => CreateQuickDemo(),
            OfficeDay => CreateOfficeDay(),
            SustainTest => CreateSustainTest(),
            FunctionalCalibration => CreateFunctionalCalibration(),
            _ => null,
        };
        scenario = found!;
        return found is not null;
    }

    /// <summary>
    /// What <c>calibrate --wearer</c> asks of the wearer, played once: stand still 8 s, one slow forward bend from the
    /// hips and back up (10 s), stand 6 s — 24 s in all.
    /// </summary>
    public static Scenario CreateFunctionalCalibration() =>
        new Scenario(FunctionalCalibration, [.. WitMotion.CalibrationRoutine.Segments])
        {
            Description = "Stand still, one slow forward bend and back up: the functional calibration of two sensors",
            Device = new DeviceProfile(),
        }.Validate();

    /// <summary>
    /// About 10 minutes with every kind of segment: a flattening and a hyper-extension episode long
    /// enough to raise an alert, a sub-threshold slump, both bends, lying, a sensor fault, a link
    /// dropout, calibrate and snooze button presses; the device tick wraps 100 s in.
    /// </summary>
    public static Scenario CreateQuickDemo() => new ScenarioBuilder(QuickDemo)
        .Standing(20, DeviceEventCode.CalibrateRequest)
        .Walking(30).With(s => s with { Dropout = TimeSpan.FromSeconds(1.5) })
        .Standing(10)
        .Sitting(20, DeviceEventCode.CalibrateRequest)
        .Slumped(90)
        .Sitting(30)
        .Fidgeting(30)
        .Reaching(25)
        .Standing(15)
        .HipHinge()
        .Standing(8)
        .LumbarBend()
        .Standing(10)
        .AnteriorTilt(85)
        .Standing(20)
        .Walking(40).With(s => s with { Event = DeviceEventCode.SnoozeRequest })
        .Sitting(15).With(s => s with { Fault = SensorFault.Lumbar })
        .Slumped(40)
        .Sitting(15)
        .Lying(30)
        .Standing(20)
        .Walking(20)
        .Standing(10)
        .Build(
            "About 10 minutes of every kind of segment, with one flattening and one hyper-extension alert",
            new DeviceProfile { StartTick = uint.MaxValue - 99_999_999 });

    /// <summary>
    /// The sustain and excursion rules at their edges: episodes just under and just over 60 s,
    /// excursions of 3 s (pauses) and 4 s (ends), and a walk in the middle of an episode (pauses).
    /// </summary>
    public static Scenario CreateSustainTest() => new ScenarioBuilder(SustainTest)
        .Standing(15, DeviceEventCode.CalibrateRequest)
        .Sitting(15, DeviceEventCode.CalibrateRequest)
        .Slumped(55, -18).Sitting(15)
        .Slumped(65, -18).Sitting(15)
        .Slumped(35, -18).Sitting(3).Slumped(35, -18).Sitting(15)
        .Slumped(35, -18).Sitting(4).Slumped(35, -18).Sitting(15)
        .Standing(15)
        .AnteriorTilt(40, 12).Walking(20, 12).AnteriorTilt(30, 12).Standing(15)
        .AnteriorTilt(57, 12).Standing(15)
        .AnteriorTilt(63, 12).Standing(15)
        .Build("Episodes just under and just over 60 s, 3 s and 4 s excursions, a walk inside an episode");

    /// <summary>
    /// Eight hours of office work: long sitting with slumps (one long enough for a reminder each
    /// block), short stand-ups, walks, reaches, bends and a lunch break.
    /// </summary>
    public static Scenario CreateOfficeDay()
    {
        var day = new ScenarioBuilder(OfficeDay)
            .Standing(30, DeviceEventCode.CalibrateRequest)
            .Walking(120)
            .Sitting(30, DeviceEventCode.CalibrateRequest);
        TimeSpan eightHours = TimeSpan.FromHours(8);
        for (int block = 0; day.Duration < eightHours - TimeSpan.FromMinutes(50); block++)
        {
            day.Sitting(600).Fidgeting(60);
            day.Slumped(block % 2 == 0 ? 720 : 300);
            day.Sitting(300).Reaching(60);
            day.Standing(30).Walking(180).Standing(30);
            day.AnteriorTilt(block % 3 == 1 ? 120 : 45).Standing(60);
            day.HipHinge().Standing(10).LumbarBend().Standing(10);
            if (block == 3)
            {
                day.Walking(300).Sitting(1200).Walking(300).Standing(20);
                day.Sitting(30).With(s => s with { Fault = SensorFault.Pelvis });
            }

            day.Sitting(400).Slumped(50).Sitting(200);
            if (block == 5)
            {
                day.Walking(60).With(s => s with { Event = DeviceEventCode.SnoozeRequest });
            }
        }

        double remaining = Math.Max(60, (eightHours - day.Duration).TotalSeconds);
        day.Walking(remaining);
        return day.Build("Eight hours at a desk: slumps long enough for reminders, stand-ups, walks, a lunch break");
    }
}
