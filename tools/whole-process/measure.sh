#!/usr/bin/env bash
# Whole-process figures of `posturestream run`, measured with /usr/bin/time -v (README.md beside this file).
#
#   bash tools/whole-process/measure.sh replay   # 10 s, 1 h and 10 h captures through run into SQLite, JIT vs ReadyToRun,
#                                                # and the Python baseline (tools/python-baseline) on the same captures
#   bash tools/whole-process/measure.sh live     # LIVE_WEARERS captures replayed in real time in one run, LIVE_SECONDS long
#   bash tools/whole-process/measure.sh all
#
# Settings (environment): RUNS=5 (runs per figure; medians are reported), PY_RUNS=3, BUILDS="jit r2r" (which builds
# the replay compares, any of jit r2r aot; live uses the last one), LIVE_WEARERS=1000, LIVE_SECONDS=60, OUT=build/whole-process.
# Results: OUT/results.txt (appended), one line per figure; each run's /usr/bin/time -v output stays in OUT/runs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
mode=${1:-replay}
out=${OUT:-$root/build/whole-process}
runs=${RUNS:-5}
py_runs=${PY_RUNS:-3}
builds=${BUILDS:-jit r2r}
wearers=${LIVE_WEARERS:-1000}
live_seconds=${LIVE_SECONDS:-60}
helpers=$root/tools/whole-process/captures.py
baseline=$root/tools/python-baseline/psp_pipeline.py
mkdir -p "$out/captures" "$out/runs"
results=$out/results.txt

say() { printf '%s\n' "$*" | tee -a "$results"; }

# jit and r2r are framework-dependent for this machine from the same sources (only ReadyToRun differs); aot is the
# Native AOT build (needs clang and zlib1g-dev; several minutes of CPU).
publish() {
  local build=$1 flags
  case "$build" in
    jit) flags=(--self-contained false -p:PublishReadyToRun=false) ;;
    r2r) flags=(--self-contained false -p:PublishReadyToRun=true) ;;
    aot) flags=(-p:PublishAot=true) ;;
    *) echo "unknown build '$build' (jit, r2r or aot)" >&2; exit 2 ;;
  esac
  if [ ! -x "$out/$build/posturestream" ]; then
    echo "publishing the $build build" >&2
    dotnet publish src/PostureStream.Cli -c Release --use-current-runtime "${flags[@]}" -o "$out/$build" -nologo -v q >&2
  fi
}

# A capture of SECONDS of office posture at 100 Hz, made once (simulate writes it as fast as it can).
capture() {
  local seconds=$1 file=$out/captures/office-$1s.psp
  if [ ! -s "$file" ]; then
    python3 "$helpers" scenario "$seconds" "$out/captures/office-$seconds.json"
    "$out/${builds##* }/posturestream" simulate --scenario "$out/captures/office-$seconds.json" --out "file:$file" --seed 1 >/dev/null
  fi
  echo "$file"
}

# Runs a command under /usr/bin/time -v; prints "cpu_seconds peak_rss_kib wall exit_status" and keeps its output.
timed() {
  local name=$1; shift
  local log=$out/runs/$name
  set +e
  /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2>&1
  local status=$?
  set -e
  python3 - "$log.time" "$status" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
get = lambda label: re.search(re.escape(label) + r": (.*)", text).group(1).strip()
wall = get("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall_s = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall)))
print(f"{float(get('User time (seconds)')) + float(get('System time (seconds)')):.3f} {get('Maximum resident set size (kbytes)')} {wall_s:.1f} {sys.argv[2]}")
PY
}

median() { python3 -c 'import statistics,sys; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.3f}")' "$@"; }

samples_in() { python3 "$baseline" "$1" | sed -n 's/.* samples=\([0-9]*\).*/\1/p'; }

replay() {
  for build in $builds; do publish "$build"; done
  say "== replay into the default SQLite store, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), RUNS=$runs; median of user+sys CPU"
  say "capture  samples  build  cpu_s  samples_per_cpu_s  peak_rss_mib  runs(cpu_s)"
  declare -gA cpu_of
  for seconds in 10 3600 36000; do
    local file samples
    file=$(capture "$seconds")
    samples=$(samples_in "$file")
    local label=$([ "$seconds" -ge 3600 ] && echo "$((seconds / 3600))h" || echo "${seconds}s")
    local all_builds=$builds
    [ "$seconds" -le 3600 ] && all_builds="$builds python"
    for build in $all_builds; do
      local cpus=() rsses=() n=$runs
      [ "$build" = python ] && n=$py_runs
      for i in $(seq "$n"); do
        local data=$out/data-$build && rm -rf "$data"
        local r
        if [ "$build" = python ]; then
          r=$(timed "$label-$build-$i" python3 "$baseline" "$file")
        else
          r=$(timed "$label-$build-$i" "$out/$build/posturestream" run --source "file:$file" --data-dir "$data" --no-dashboard --quiet)
        fi
        read -r cpu rss _ status <<< "$r"
        [ "$status" = 0 ] || { echo "run $label-$build-$i exited $status (see $out/runs/$label-$build-$i.out)" >&2; exit 1; }
        cpus+=("$cpu"); rsses+=("$rss")
      done
      local m rss_m
      m=$(median "${cpus[@]}"); rss_m=$(median "${rsses[@]}")
      cpu_of[$label-$build]=$m
      say "$(printf '%-7s %8s  %-6s %6s  %9.0f  %8.1f  %s' "$label" "$samples" "$build" "$m" "$(python3 -c "print($samples / $m)")" "$(python3 -c "print($rss_m / 1024)")" "${cpus[*]}")"
      eval "samples_$label=$samples"
    done
  done
  for build in $builds; do
    python3 - "$build" "${cpu_of[10s-$build]}" "${cpu_of[1h-$build]}" "${cpu_of[10h-$build]}" "$samples_1h" "$samples_10h" "${cpu_of[1h-python]}" <<'PY' | tee -a "$results"
import sys
build, c10s, c1h, c10h, s1h, s10h, py1h = sys.argv[1], *map(float, sys.argv[2:])
steady = (s10h - s1h) / (c10h - c1h)
print(f"{build}: start-up {c10s:.2f} s CPU (a 10 s capture); steady {steady:,.0f} samples per CPU-second (10 h minus 1 h); "
      f"1 h capture {c1h:.2f} s = {c1h / py1h:.2f} of the Python baseline's {py1h:.2f} s")
PY
  done
}

live() {
  local build=${builds##* }
  publish "$build"
  local file dir=$out/captures/live-$wearers-$live_seconds
  file=$(capture "$live_seconds")
  [ -s "$dir/w$wearers.psp" ] || python3 "$helpers" wearers "$file" "$wearers" "$dir"
  local sources=()
  for i in $(seq "$wearers"); do sources+=(--source "file:$dir/w$i.psp?speed=realtime"); done
  local data=$out/data-live && rm -rf "$data"
  local r name=live-$build-$wearers-$live_seconds
  r=$(timed "$name" "$out/$build/posturestream" run "${sources[@]}" --data-dir "$data" --no-dashboard --quiet)
  read -r cpu rss wall status <<< "$r"
  local stored behind
  stored=$(python3 "$helpers" rows "$data/posturestream.db")
  behind=$(grep -ciE 'behind|lost|dropp' "$out/runs/$name.out" || true)
  say "== live, $(date -u +%FT%TZ): $wearers wearers from file: captures at speed=realtime, $live_seconds s each, one process, $build build"
  say "load average after: $(cut -d" " -f1-3 /proc/loadavg) (other processes on this machine compete for the same cores)"
  say "exit $status, wall ${wall} s, CPU ${cpu} s ($(python3 -c "print(f'{$cpu / $wall:.2f}')") cores), peak RSS $(python3 -c "print(f'{$rss / 1024:.0f}')") MiB"
  say "lines of run's output about a store behind / points lost or dropped: $behind (output: $out/runs/$name.out)"
  say "stored: $stored (posture expected ≈ $((wearers * live_seconds * 10)): 10 a second per wearer)"
}

case "$mode" in
  replay) replay ;;
  live) live ;;
  all) replay; live ;;
  *) echo "usage: measure.sh replay|live|all" >&2; exit 2 ;;
esac
