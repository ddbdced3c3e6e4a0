#!/usr/bin/env bash
# The main command. Builds the posturestream tool, then runs the quick-demo end to end: the simulated
# wearer speaks PSP on a new pseudo-terminal, `posturestream run` reads it through the real serial
# link into the full pipeline, the embedded SQLite store and the dashboard (http://127.0.0.1:5080),
# printing alerts as they happen. Needs only the .NET SDK.
#
#   bash tools/demo.sh                 # quick-demo at 5x real time (about 2 minutes)
#   DEMO_SPEED=1 bash tools/demo.sh    # in real time (10 minutes), as a wearer would live it
#   bash tools/demo.sh decode FILE     # any other posturestream command instead
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/PostureStream.Cli -c Release -nologo -v q >&2
tool=(dotnet src/PostureStream.Cli/bin/Release/net10.0/posturestream.dll)
if [ $# -gt 0 ]; then
  exec "${tool[@]}" "$@"
fi

speed=${DEMO_SPEED:-5}
work=$(mktemp -d)
data=${DEMO_DATA_DIR:-$work/data}
cleanup() { kill "${sim_pid:-}" "${run_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"${tool[@]}" simulate --scenario quick-demo --out pty --speed "$speed" --buzz-log "$work/buzzes.jsonl" > "$work/sim.out" &
sim_pid=$!
for _ in $(seq 100); do [ -s "$work/sim.out" ] && break; sleep 0.1; done
pty=$(head -n 1 "$work/sim.out")
echo "simulated wearer on $pty (quick-demo at ${speed}x); dashboard on http://127.0.0.1:5080" >&2

# Faster than real time, stamp samples by the device clock so the times shown follow the scenario.
clock=""; [ "$speed" != "1" ] && clock="&clock=device"
"${tool[@]}" run --source "serial:$pty?name=demo-wearer$clock" --data-dir "$data" &
run_pid=$!

wait "$sim_pid" || true
kill -TERM "$run_pid" 2>/dev/null || true
wait "$run_pid" || true
echo "buzzes the device received: $(grep -c . "$work/buzzes.jsonl" 2>/dev/null || echo 0)" >&2
