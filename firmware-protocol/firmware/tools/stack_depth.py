#!/usr/bin/env python3
"""Worst-case stack depth of a firmware image from GCC's call-graph files.

    stack_depth.py OBJECT_DIR ELF [--limit BYTES]

Reads every *.ci (-fcallgraph-info=su) under OBJECT_DIR, builds the call graph
with each function's frame size, and prints the deepest path from the reset
handler plus the deepest interrupt handler on top of it (an interrupt may
preempt at the worst moment; each exception entry stacks 8 words = 32 bytes
without FPU context). The one indirect call, psp_decoder_feed's message
callback, is resolved to ps_device.c's on_message. Library functions (memcpy,
libm, the soft-float helpers) have no call-graph data: their frames and calls
are read from the ELF's disassembly (push/stmdb/vpush, sub sp, bl).
Exits 1 if the total exceeds --limit, 2 if the graph has a cycle (recursion).
"""
import glob
import os
import re
import subprocess
import sys

EXCEPTION_FRAME = 32
ROOT = "ps_reset_handler"
ISRS = ("ps_systick_handler", "ps_usart1_handler", "ps_usart2_handler")
NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
BYTES = re.compile(r"\\n(\d+) bytes \(")


def disassembly_frames(elf):
    """Frame size and direct calls of every function in the ELF, from objdump."""
    text = subprocess.run(["arm-none-eabi-objdump", "-d", elf], check=True, capture_output=True, text=True).stdout
    frames, calls, fn = {}, {}, None
    for line in text.splitlines():
        head = re.match(r"^[0-9a-f]+ <([^>]+)>:$", line)
        if head:
            fn = head.group(1)
            frames[fn], calls[fn] = 0, set()
            continue
        if fn is None:
            continue
        m = re.search(r"\t(push|stmdb\s+sp!,|vpush)\s*\{([^}]*)\}", line)
        if m:
            regs = 0
            for part in m.group(2).split(","):
                part = part.strip()
                r = re.match(r"([rsd])(\d+)-[rsd](\d+)", part)
                regs += (int(r.group(3)) - int(r.group(2)) + 1) * (2 if r and r.group(1) == "d" else 1) if r else (2 if part.startswith("d") else 1)
            frames[fn] += 4 * regs
        m = re.search(r"\tsub(?:w)?\s+sp, (?:sp, )?#(\d+)", line)
        if m:
            frames[fn] += int(m.group(1))
        m = re.search(r"\tbl?x?\s+[0-9a-f]+ <([^>+]+)>", line)
        if m and re.search(r"\tbl\s", line):
            calls[fn].add(m.group(1))
    return frames, calls


def short(title):
    return title.rsplit(":", 1)[-1]


def load(directory):
    frames, calls = {}, {}
    for path in glob.glob(os.path.join(directory, "**", "*.ci"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for title, label in NODE.findall(text):
            m = BYTES.search(label)
            if m:
                frames[title] = int(m.group(1))
        for src, dst in EDGE.findall(text):
            calls.setdefault(src, set()).add(dst)
    # Static functions are titled "file:name", others "name": resolve bare names.
    by_name = {}
    for title in frames:
        by_name.setdefault(short(title), title)
    resolved = {}
    for src, dsts in calls.items():
        out = set()
        for d in dsts:
            if d == "__indirect_call":
                d = by_name.get("on_message", d)
            out.add(d if d in frames else by_name.get(short(d), d))
        resolved[src] = out
    return frames, resolved


def deepest(fn, frames, calls, unknown, stack=()):
    if fn in stack:
        print("recursion: " + " -> ".join(short(s) for s in stack + (fn,)))
        sys.exit(2)
    own = frames.get(fn)
    if own is None:
        own = 0
        unknown.add(short(fn))
    best, best_path = 0, []
    for callee in sorted(calls.get(fn, ())):
        depth, path = deepest(callee, frames, calls, unknown, stack + (fn,))
        if depth > best:
            best, best_path = depth, path
    return own + best, [(short(fn), own)] + best_path


def main():
    args = sys.argv[1:]
    limit = None
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i:i + 2]
    frames, calls = load(args[0])
    # Functions without call-graph data (libraries): from the disassembly.
    lib_frames, lib_calls = disassembly_frames(args[1])
    for fn, size in lib_frames.items():
        if fn not in frames and not any(short(t) == fn for t in frames):
            frames[fn] = size
            calls[fn] = lib_calls[fn]
    unknown = set()
    depth, path = deepest(ROOT, frames, calls, unknown)
    isr_depth, isr_path = 0, []
    for isr in ISRS:
        if isr in frames:
            d, p = deepest(isr, frames, calls, unknown)
            if d > isr_depth:
                isr_depth, isr_path = d, p
    total = depth + EXCEPTION_FRAME + isr_depth
    print(f"main path: {depth} bytes: " + " -> ".join(f"{n}({b})" for n, b in path))
    print(f"interrupt on top: {EXCEPTION_FRAME} + {isr_depth} bytes: " + " -> ".join(f"{n}({b})" for n, b in isr_path))
    print(f"worst case: {total} bytes")
    extern = sorted(u for u in unknown if u != "__indirect_call")
    if extern:
        print("no stack data (counted as 0): " + ", ".join(extern))
    if limit is not None and total > limit:
        print(f"exceeds the {limit}-byte stack")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
