#!/usr/bin/env bash
# The main command. Publishes the posturestream tool (ReadyToRun, into build/tool), then runs the quick-demo
# end to end: the simulated wearer speaks PSP on a new pseudo-terminal, `posturestream run` reads it through the real serial
# link into the full pipeline, the embedded SQLite store and the dashboard (on a free port of
# 127.0.0.1, printed once it serves), printing alerts as they happen. Needs only the .NET SDK.
#
#   bash tools/demo.sh                          # quick-demo at 5x real time (about 2 minutes)
#   DEMO_SPEED=1 bash tools/demo.sh             # in real time (10 minutes), as a wearer would live it
#   DEMO_DATA_DIR=~/ps-demo bash tools/demo.sh  # keep the store, calibration and alerts in ~/ps-demo
#   DEMO_PORT=5080 bash tools/demo.sh           # serve the dashboard on this port instead of a free one
#   bash tools/demo.sh decode FILE              # any other posturestream command instead
#   DEMO_TOOL=path/posturestream.dll bash tools/demo.sh   # use that build, do not build (the tests do this)
#
# Without DEMO_DATA_DIR the data lives in a temporary folder that is deleted when the demo ends.
# If `run` cannot start, the simulator is stopped and the demo exits with run's exit code and message.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DEMO_TOOL:-}" ]; then
  tool=(dotnet "$DEMO_TOOL")
else
  # The published build users install: ReadyToRun for this machine (src/PostureStream.Cli/README.md).
  dotnet publish src/PostureStream.Cli -c Release --use-current-runtime --self-contained false -o build/tool -nologo -v q >&2
  tool=(build/tool/posturestream)
fi
if [ $# -gt 0 ]; then
  exec "${tool[@]}" "$@"
fi

speed=${DEMO_SPEED:-5}
work=$(mktemp -d)
data=${DEMO_DATA_DIR:-$work/data}
cleanup() {
  [ -n "${sim_pid:-}" ] && kill "$sim_pid" 2>/dev/null || true
  [ -n "${run_pid:-}" ] && kill "$run_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Prints run's progress as it comes. A "link lost … reconnecting" line is held until the next line and
# dropped once the scenario is over: the simulator closing its terminal is the demo ending, not a fault.
show_progress() {
  local held="" line
  while IFS= read -r line; do
    [ -n "$held" ] && [ ! -e "$work/sim.done" ] && printf '%s\n' "$held"
    held=""
    case "$line" in
      *": link lost ("*"); reconnecting") held=$line ;;
      *" dashboard on http"*) printf '%s\n' "$line"; echo "open the dashboard: ${line##* dashboard on }" >&2 ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
}

"${tool[@]}" simulate --scenario quick-demo --out pty --speed "$speed" --buzz-log "$work/buzzes.jsonl" > "$work/sim.out" &
sim_pid=$!
for _ in $(seq 300); do { [ -s "$work/sim.out" ] || ! kill -0 "$sim_pid" 2>/dev/null; } && break; sleep 0.1; done
pty=$(head -n 1 "$work/sim.out" 2>/dev/null || true)
if [ -z "$pty" ]; then
  echo "demo: the simulator did not start (no pseudo-terminal announced)" >&2
  exit 1
fi
echo "simulated wearer on $pty (quick-demo at ${speed}x); data in $data" >&2

# Faster than real time, stamp samples by the device clock so the times shown follow the scenario.
clock=""; [ "$speed" != "1" ] && clock="&clock=device"
: > "$work/run.out"
"${tool[@]}" run --source "serial:$pty?name=demo-wearer$clock" --data-dir "$data" \
  --dashboard "http://127.0.0.1:${DEMO_PORT:-0}" --alerts-out "$work/alerts.jsonl" > "$work/run.out" &
run_pid=$!
tail -n +1 -f --pid="$run_pid" "$work/run.out" | show_progress &
progress_pid=$!

# Whichever ends first: the scenario (the normal end) or run (it could not start, or failed).
while kill -0 "$sim_pid" 2>/dev/null && kill -0 "$run_pid" 2>/dev/null; do sleep 0.2; done
if ! kill -0 "$run_pid" 2>/dev/null; then
  set +e; wait "$run_pid"; status=$?; set -e
  run_pid=""
  kill "$sim_pid" 2>/dev/null || true
  wait "$progress_pid" 2>/dev/null || true
  echo "demo: posturestream run stopped before the scenario ended (exit $status); its message is above" >&2
  exit $(( status == 0 ? 1 : status ))
fi

wait "$sim_pid" || true
sim_pid=""
touch "$work/sim.done"
kill -TERM "$run_pid" 2>/dev/null || true
set +e; wait "$run_pid"; status=$?; set -e
run_pid=""
wait "$progress_pid" 2>/dev/null || true

raised=$(grep -c '"phase":"raised"' "$work/alerts.jsonl" 2>/dev/null || true)
buzzes=$(grep -c . "$work/buzzes.jsonl" 2>/dev/null || true)
{
  echo
  echo "demo finished: the scenario ended, ${raised:-0} alerts raised, ${buzzes:-0} buzzes the device received (run exit $status)"
  if [ -n "${DEMO_DATA_DIR:-}" ]; then
    cp "$work/alerts.jsonl" "$data/demo-alerts.jsonl" 2>/dev/null || true
    echo "data kept in $data (posturestream.db, calibration/, demo-alerts.jsonl); look at it again with"
    echo "  bash tools/demo.sh dashboard --store sqlite:$data/posturestream.db"
    echo "  bash tools/demo.sh export --store sqlite:$data/posturestream.db --from 2000-01-01 --to 2100-01-01 --format csv --out demo.csv"
  else
    echo "data in $data is deleted now; to keep it, run: DEMO_DATA_DIR=\$HOME/posturestream-demo bash tools/demo.sh"
  fi
} >&2
exit "$status"
