using System.Globalization;
using System.Text.Json;
using PostureStream.Simulation.Physiology;

using PostureStream.Simulation.Scenarios;

namespace PostureStream.Simulation.Truth;

/// <summary>
/// Writes a <see cref="GroundTruth"/> as JSON Lines: one "scenario" header, then the segments, events,
/// bends, gaps, faults, alerts and quiet spans, each group in device-time order. Times are unwrapped
/// device microseconds ("…Us"); the format is documented in the README.
/// </summary>
public static class TruthWriter
{
    public static void Write(GroundTruth truth, Stream output)
    {
        var options = new JsonWriterOptions { SkipValidation = false };
        void Line(Action<Utf8JsonWriter> body)
        {
            using (var json = new Utf8JsonWriter(output, options))
            {
                json.WriteStartObject();
                body(json);
                json.WriteEndObject();
            }

            output.WriteByte((byte)'\n');
        }

        SimulationPlan plan = truth.Plan;
        Line(j =>
        {
            j.WriteString("type", "scenario");
            j.WriteString("name", plan.Scenario.Name);
            j.WriteString("description", plan.Scenario.Description);
            j.WriteNumber("seed", plan.Seed);
            j.WriteNumber("durationSeconds", Math.Round(plan.Duration.TotalSeconds, 6));
            j.WriteString("deviceId", plan.DeviceId.ToString("x16", CultureInfo.InvariantCulture));
            j.WriteString("deviceName", plan.DeviceName);
            j.WriteNumber("sampleRateHz", plan.Device.SampleRateHz);
            j.WriteNumber("samplesPerFrame", plan.Device.FrameSamples);
            j.WriteString("profile", DeviceOutputs.Name(plan.Device.Output));
            j.WriteNumber("clockSkewPpm", Math.Round(plan.ClockSkewPpm, 3));
            j.WriteNumber("startTick", plan.StartTick);
            j.WriteNumber("firstUs", truth.FirstMicroseconds);
            j.WriteNumber("lastUs", truth.LastMicroseconds);
            j.WriteNumber("samples", truth.SamplesReceived);
            j.WriteNumber("lostFrames", truth.FramesLost);
            j.WriteStartObject("wearer");
            WriteNeutral(j, "standingNeutral", plan.Anatomy.StandingNeutral);
            WriteNeutral(j, "sittingNeutral", plan.Anatomy.SittingNeutral);
            j.WriteEndObject();
            EpisodeRules r = truth.Rules;
            j.WriteStartObject("rules");
            j.WriteNumber("flatteningStart", r.FlatteningStartDegrees);
            j.WriteNumber("flatteningEnd", r.FlatteningEndDegrees);
            j.WriteNumber("hyperextensionStart", r.HyperextensionStartDegrees);
            j.WriteNumber("hyperextensionEnd", r.HyperextensionEndDegrees);
            j.WriteNumber("sustainSeconds", r.Sustain.TotalSeconds);
            j.WriteNumber("reminderSeconds", r.ReminderInterval.TotalSeconds);
            j.WriteNumber("maxExcursionSeconds", r.MaxExcursion.TotalSeconds);
            j.WriteEndObject();
        });
        foreach (TruthSegment s in truth.Segments)
        {
            Line(j =>
            {
                j.WriteString("type", "segment");
                j.WriteNumber("index", s.Index);
                j.WriteString("kind", s.Kind);
                j.WriteString("activity", s.Activity);
                j.WriteString("posture", s.Posture);
                j.WriteNumber("startUs", s.StartMicroseconds);
                j.WriteNumber("endUs", s.EndMicroseconds);
                j.WriteNumber("startSeconds", s.StartSeconds);
                j.WriteNumber("endSeconds", s.EndSeconds);
                j.WriteNumber("transitionSeconds", s.TransitionSeconds);
                j.WriteNumber("pelvicTilt", s.PelvicTiltDegrees);
                j.WriteNumber("lordosisDelta", s.LordosisDeltaDegrees);
                j.WriteNumber("lumbarFlexion", s.LumbarFlexionDegrees);
            });
        }

        foreach (TruthEvent e in truth.Events)
        {
            Line(j =>
            {
                j.WriteString("type", "event");
                j.WriteNumber("code", e.Code);
                j.WriteString("name", e.Name);
                j.WriteNumber("deviceUs", e.DeviceMicroseconds);
                j.WriteNumber("tick", e.Tick);
                j.WriteBoolean("lost", e.Lost);
            });
        }

        foreach (TruthBend b in truth.Bends)
        {
            Line(j =>
            {
                j.WriteString("type", "bend");
                j.WriteNumber("segment", b.Segment);
                j.WriteNumber("startUs", b.StartMicroseconds);
                j.WriteNumber("endUs", b.EndMicroseconds);
                j.WriteNumber("peakLumbarFlexion", b.PeakLumbarFlexionDegrees);
                j.WriteNumber("peakPelvicRotation", b.PeakPelvicRotationDegrees);
                j.WriteNumber("lumbarShare", b.LumbarShare);
                j.WriteBoolean("lumbarDominant", b.LumbarDominant);
            });
        }

        WriteSpans(truth.Gaps, "gap", Line);
        WriteSpans(truth.Faults, "fault", Line);
        foreach (TruthAlert a in truth.Alerts)
        {
            Line(j =>
            {
                j.WriteString("type", "alert");
                j.WriteString("kind", a.Kind);
                j.WriteString("phase", a.Phase);
                j.WriteNumber("deviceUs", a.DeviceMicroseconds);
                j.WriteNumber("tick", a.Tick);
                j.WriteNumber("episodeStartUs", a.EpisodeStartMicroseconds);
                j.WriteNumber("durationSeconds", a.DurationSeconds);
                j.WriteNumber("peakDeltaDegrees", a.PeakDeltaDegrees);
                j.WriteString("activity", a.Activity);
            });
        }

        WriteSpans(truth.QuietSpans, "quiet", Line);
    }

    public static byte[] ToArray(GroundTruth truth)
    {
        using var memory = new MemoryStream();
        Write(truth, memory);
        return memory.ToArray();
    }

    private static void WriteSpans(IEnumerable<TruthSpan> spans, string type, Action<Action<Utf8JsonWriter>> line)
    {
        foreach (TruthSpan span in spans)
        {
            line(j =>
            {
                j.WriteString("type", type);
                if (type != "gap")
                {
                    j.WriteString(type == "fault" ? "sensor" : "reason", span.Reason);
                }

                j.WriteNumber("startUs", span.StartMicroseconds);
                j.WriteNumber("endUs", span.EndMicroseconds);
            });
        }
    }

    private static void WriteNeutral(Utf8JsonWriter j, string name, PostureAngles a)
    {
        j.WriteStartObject(name);
        j.WriteNumber("pelvisPitch", Math.Round(a.PelvisPitch, 3));
        j.WriteNumber("lumbarPitch", Math.Round(a.LumbarPitch, 3));
        j.WriteNumber("pelvisRoll", Math.Round(a.PelvisRoll, 3));
        j.WriteNumber("lumbarRoll", Math.Round(a.LumbarRoll, 3));
        j.WriteNumber("lordosis", Math.Round(a.Lordosis, 3));
        j.WriteEndObject();
    }
}
