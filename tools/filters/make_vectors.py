#!/usr/bin/python3
"""Reference vectors for the Butterworth low-pass of PostureStream.Signals (DESIGN §6).

Run with the Debian interpreter that sees python3-scipy:
    /usr/bin/python3 tools/filters/make_vectors.py
It rewrites tests/PostureStream.Signals.Tests/Vectors/butterworth.json: for each sample rate,
cutoff and order, the second-order sections scipy designs and the output of filtering a fixed
test signal from the steady state of its first value (sosfilt_zi * x[0]), as the C# filter does.
Floats are written with repr(), which round-trips exactly.
"""
import json
import os

import numpy as np
import scipy
from scipy import signal

CASES = [
    (100.0, 2.0, 2),
    (100.0, 2.0, 4),
    (104.0, 2.0, 2),
    (104.0, 2.0, 4),
    (50.0, 5.0, 2),
    (50.0, 5.0, 4),
    (100.0, 2.0, 1),
    (100.0, 2.0, 3),
]
LENGTH = 500


def test_signal(fs: float) -> np.ndarray:
    """A posture-like trace: offset, slow sway, walking-band wobble, tremor and a few spikes."""
    t = np.arange(LENGTH) / fs
    rng = np.random.RandomState(20261122)
    x = 12.5 + 4.0 * np.sin(2 * np.pi * 0.3 * t) + 1.5 * np.sin(2 * np.pi * 1.8 * t)
    x += 0.4 * np.sin(2 * np.pi * 9.0 * t) + rng.normal(0.0, 0.2, LENGTH)
    x[[50, 51, 200, 333]] += [25.0, -20.0, 40.0, -30.0]
    return x


def main() -> None:
    cases = []
    for fs, cutoff, order in CASES:
        sos = signal.butter(order, cutoff, btype="low", fs=fs, output="sos")
        x = test_signal(fs)
        y, _ = signal.sosfilt(sos, x, zi=signal.sosfilt_zi(sos) * x[0])
        cases.append({
            "sampleRateHz": fs,
            "cutoffHz": cutoff,
            "order": order,
            "sos": [[float(v) for v in row] for row in sos],
            "input": [float(v) for v in x],
            "output": [float(v) for v in y],
        })
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, "tests", "PostureStream.Signals.Tests", "Vectors", "butterworth.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"generator": "tools/filters/make_vectors.py", "scipy": scipy.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
