#!/usr/bin/env bash
# The test command: builds everything and runs every suite (the xunit projects and the firmware C
# tests under CTest), then prints one line "N passed, N failed, N skipped" counted from the TRX
# and JUnit results. Exits non-zero when anything failed or did not build.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
results=$root/TestResults
rm -rf "$results" && mkdir -p "$results"
status=0

bash tools/install-deps.sh || { echo "could not install the Debian packages the tests need" >&2; exit 1; }

echo "== firmware-protocol (C, CTest)"
if cmake -S firmware-protocol -B build/firmware-protocol -DCMAKE_BUILD_TYPE=Release >/dev/null \
   && cmake --build build/firmware-protocol -j2 >/dev/null; then
  ctest --test-dir build/firmware-protocol --output-on-failure --output-junit "$results/ctest.xml" || status=1
else
  echo "firmware-protocol did not build" >&2; status=1
fi
export PSP_DUMP="$root/build/firmware-protocol/psp_dump"
export PS_FIRMWARE_DIR="$root/build/firmware-protocol/firmware/arm"  # the QEMU images for the firmware-in-the-loop tests

echo "== .NET build"
dotnet build PostureStream.sln -c Release -nologo -v q || { echo "the .NET build failed" >&2; exit 1; }

# The CLI must build for the platforms users install it on, not only this one (framework-dependent).
for rid in win-x64 osx-arm64 linux-arm64; do
  echo "== publish $rid"
  dotnet publish src/PostureStream.Cli -c Release -r "$rid" --self-contained false -o "build/publish/$rid" -nologo -v q \
    || { echo "the CLI did not publish for $rid" >&2; status=1; }
done

for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 5m || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*'); f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  s=$(echo "$counters" | grep -o ' notExecuted="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
if [ -e "$results/ctest.xml" ]; then
  suite=$(tr '\n\t' '  ' < "$results/ctest.xml" | grep -o '<testsuite [^>]*>' | head -1)
  t=$(echo "$suite" | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*'); f=$(echo "$suite" | grep -o ' failures="[0-9]*"' | grep -o '[0-9]*')
  s=$(echo "$suite" | grep -o ' skipped="[0-9]*"' | grep -o '[0-9]*'); d=$(echo "$suite" | grep -o ' disabled="[0-9]*"' | grep -o '[0-9]*')
  skip=$(( ${s:-0} + ${d:-0} ))
  passed=$((passed + ${t:-0} - ${f:-0} - skip)); failed=$((failed + ${f:-0})); skipped=$((skipped + skip))
fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
