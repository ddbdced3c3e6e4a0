#!/usr/bin/env python3
"""Helpers of measure.sh (standard library only).

    captures.py scenario SECONDS OUT.json     a scenario of SECONDS of office-like posture at 100 Hz
    captures.py wearers CAPTURE.psp N OUTDIR  N copies of CAPTURE whose HELLO carries device id 1..N and name wN
    captures.py rows STORE.db                 rows per table of a SQLite store, as table=count

The scenario repeats a 10-minute block (standing, walking, sitting, a 90 s slump that raises an alert, reaching,
a bend, an anterior tilt) so a 1-hour and a 10-hour capture have the same mix.
"""
import json
import os
import sqlite3
import struct
import sys

BLOCK = [
    {"kind": "standing", "seconds": 30},
    {"kind": "walking", "seconds": 60},
    {"kind": "sitting", "seconds": 120},
    {"kind": "slumped-sitting", "seconds": 90},
    {"kind": "sitting", "seconds": 60},
    {"kind": "reaching", "seconds": 30},
    {"kind": "standing", "seconds": 20},
    {"kind": "hip-hinge-bend", "seconds": 6},
    {"kind": "standing", "seconds": 34},
    {"kind": "anterior-tilt-standing", "seconds": 70},
    {"kind": "walking", "seconds": 80},
]


def scenario(seconds, out):
    total = min(20, seconds)
    segments = [{"kind": "standing", "seconds": total, "event": "calibrate"}]
    while total < seconds:
        for segment in BLOCK:
            if total >= seconds:
                break
            take = min(segment["seconds"], seconds - total)
            segments.append(dict(segment, seconds=take) if segment["kind"] != "hip-hinge-bend" or take == segment["seconds"]
                            else {"kind": "standing", "seconds": take})
            total += take
    doc = {
        "name": f"office-{seconds}s",
        "description": f"{seconds} s of office posture at 100 Hz (tools/whole-process)",
        "device": {"sampleRateHz": 100, "samplesPerFrame": 8, "dropoutRate": 0, "corruptionRate": 0, "deviceId": "0000000000000001", "name": "w1"},
        "segments": segments,
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def cobs_decode(encoded):
    out, i = bytearray(), 0
    while i < len(encoded):
        code = encoded[i]
        out += encoded[i + 1:i + code]
        i += code
        if code != 0xFF and i < len(encoded):
            out.append(0)
    return bytes(out)


def cobs_encode(body):
    out, block = bytearray(), bytearray()
    for b in body:
        if b == 0:
            out.append(len(block) + 1)
            out += block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out.append(0xFF)
                out += block
                block = bytearray()
    out.append(len(block) + 1)
    out += block
    return bytes(out)


def wearers(capture, n, outdir):
    """Rewrites the HELLO frames (device id and name); every other byte stays as it is."""
    with open(capture, "rb") as f:
        stream = f.read()
    frames = stream.split(b"\x00")
    os.makedirs(outdir, exist_ok=True)
    hello_positions = []
    for index, encoded in enumerate(frames):
        if encoded:
            body = cobs_decode(encoded)
            if len(body) >= 6 + 15 and body[1] == 0x01:
                hello_positions.append(index)
    for wearer in range(1, n + 1):
        copy = list(frames)
        for index in hello_positions:
            body = cobs_decode(frames[index])
            payload = bytearray(body[4:-2])
            name = f"w{wearer}".encode()
            payload[0:8] = struct.pack("<Q", wearer)
            payload = payload[:14] + bytes([len(name)]) + name
            new_body = body[:4] + bytes(payload)
            new_body += struct.pack("<H", crc16(new_body))
            copy[index] = cobs_encode(new_body)
        with open(os.path.join(outdir, f"w{wearer}.psp"), "wb") as f:
            f.write(b"\x00".join(copy))


def rows(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        names = [r[0] for r in connection.execute("select name from sqlite_master where type in ('table','view') and name like 'posture%' order by name")]
        print(" ".join(f"{name}={connection.execute(f'select count(*) from {name}').fetchone()[0]}" for name in names))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "scenario" and len(sys.argv) == 4:
        scenario(int(sys.argv[2]), sys.argv[3])
    elif command == "wearers" and len(sys.argv) == 5:
        wearers(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif command == "rows" and len(sys.argv) == 3:
        rows(sys.argv[2])
    else:
        sys.exit(__doc__)
