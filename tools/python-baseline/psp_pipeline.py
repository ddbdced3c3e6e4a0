#!/usr/bin/env python3
"""A plain single-threaded PSP pipeline in Python (standard library only): the comparison baseline for the
whole-process figures (tools/whole-process/README.md).

It does what `posturestream run` does up to detection, with no storage: splits the stream at 0x00, COBS-decodes and
CRC-checks each frame (firmware-protocol/SPEC.md), unwraps the u32 microsecond ticks, low-passes the four angle
channels with a 2nd-order Butterworth (2 Hz cut-off, bilinear transform, as the Signals low-pass by default),
takes the standing neutral from the first 5 s, and detects flattening / hyper-extension episodes on lordosis_delta
with the same hysteresis thresholds (-10/-7 and +8/+5 degrees) and a 60 s sustain timer that tolerates 3 s excursions.

    python3 tools/python-baseline/psp_pipeline.py capture.psp

Prints one line: frames, samples, corrupt frames, alerts raised.
"""
import math
import struct
import sys

NOT_AVAILABLE = -32768
CUTOFF_HZ = 2.0
NEUTRAL_SECONDS = 5.0
FLAT_START, FLAT_END, HYPER_START, HYPER_END = -10.0, -7.0, 8.0, 5.0
SUSTAIN_SECONDS = 60.0
EXCURSION_SECONDS = 3.0


def crc16_table():
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return table


CRC_TABLE = crc16_table()


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc = ((crc << 8) & 0xFFFF) ^ CRC_TABLE[(crc >> 8) ^ b]
    return crc


def cobs_decode(encoded):
    """The body, or None for a COBS error."""
    out = bytearray()
    i, n = 0, len(encoded)
    while i < n:
        code = encoded[i]
        i += 1
        end = i + code - 1
        if end > n:
            return None
        out += encoded[i:end]
        i = end
        if code != 0xFF and i < n:
            out.append(0)
    return bytes(out)


class Biquad:
    """2nd-order Butterworth low-pass, direct form II transposed."""

    def __init__(self, cutoff_hz, rate_hz):
        cutoff_hz = min(cutoff_hz, 0.45 * rate_hz)
        k = math.tan(math.pi * cutoff_hz / rate_hz)
        q = 1 / math.sqrt(2)
        norm = 1 / (1 + k / q + k * k)
        self.b0 = k * k * norm
        self.b1 = 2 * self.b0
        self.b2 = self.b0
        self.a1 = 2 * (k * k - 1) * norm
        self.a2 = (1 - k / q + k * k) * norm
        self.z1 = self.z2 = 0.0
        self.primed = False

    def step(self, x):
        if not self.primed:
            # Start at rest on the first value (no ramp from zero), as the Signals filter does.
            self.z1 = x - self.b0 * x
            self.z2 = self.b2 * x - self.a2 * x
            self.primed = True
        y = self.b0 * x + self.z1
        self.z1 = self.b1 * x - self.a1 * y + self.z2
        self.z2 = self.b2 * x - self.a2 * y
        return y


class Detector:
    """Hysteresis on lordosis_delta, an episode raised once it has accumulated 60 s, ended by a > 3 s excursion."""

    def __init__(self):
        self.kind = None
        self.accumulated = 0.0
        self.excursion = 0.0
        self.raised = False
        self.last_time = None
        self.alerts = 0

    def step(self, time_s, delta):
        dt = 0.0 if self.last_time is None else time_s - self.last_time
        self.last_time = time_s
        if self.kind is None:
            if delta <= FLAT_START:
                self.kind, self.accumulated, self.excursion, self.raised = "flattening", 0.0, 0.0, False
            elif delta >= HYPER_START:
                self.kind, self.accumulated, self.excursion, self.raised = "hyperextension", 0.0, 0.0, False
            return
        back = delta > FLAT_END if self.kind == "flattening" else delta < HYPER_END
        if back:
            self.excursion += dt
            if self.excursion > EXCURSION_SECONDS:
                self.kind = None
            return
        self.excursion = 0.0
        self.accumulated += dt
        if not self.raised and self.accumulated >= SUSTAIN_SECONDS:
            self.raised = True
            self.alerts += 1


def run(path):
    with open(path, "rb") as f:
        stream = f.read()
    frames = samples = corrupt = 0
    rate = 100
    filters = None
    last_tick = None
    micros = 0
    neutral_sum = 0.0
    neutral_count = 0
    neutral = None
    detector = Detector()
    start = 0
    while True:
        end = stream.find(b"\x00", start)
        if end < 0:
            break
        encoded = stream[start:end]
        start = end + 1
        if not encoded:
            continue
        body = cobs_decode(encoded)
        if body is None or len(body) < 6 or body[0] != 1 or crc16(body[:-2]) != (body[-2] | (body[-1] << 8)):
            corrupt += 1
            continue
        frames += 1
        kind = body[1]
        payload = body[4:-2]
        if kind == 0x01 and len(payload) >= 15:
            rate = struct.unpack_from("<H", payload, 11)[0] or rate
            filters = None
        elif kind == 0x02 and payload and len(payload) == 1 + 12 * payload[0]:
            if filters is None:
                filters = [Biquad(CUTOFF_HZ, rate) for _ in range(4)]
            for k in range(payload[0]):
                tick, lp, lr, pp, pr = struct.unpack_from("<Ihhhh", payload, 1 + 12 * k)
                if last_tick is not None:
                    micros += (tick - last_tick) & 0xFFFFFFFF
                last_tick = tick
                samples += 1
                if NOT_AVAILABLE in (lp, lr, pp, pr):
                    continue
                lumbar = filters[0].step(lp / 100.0)
                filters[1].step(lr / 100.0)
                pelvis = filters[2].step(pp / 100.0)
                filters[3].step(pr / 100.0)
                lordosis = pelvis - lumbar
                time_s = micros / 1e6
                if neutral is None:
                    neutral_sum += lordosis
                    neutral_count += 1
                    if time_s >= NEUTRAL_SECONDS:
                        neutral = neutral_sum / neutral_count
                    continue
                detector.step(time_s, lordosis - neutral)
    print(f"frames={frames} samples={samples} corrupt={corrupt} alerts={detector.alerts}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: psp_pipeline.py CAPTURE.psp")
    run(sys.argv[1])
