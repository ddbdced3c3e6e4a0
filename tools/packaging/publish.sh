#!/usr/bin/env bash
# Self-contained single-file builds of the posturestream tool for a PC (linux-x64) and a Raspberry Pi
# 3/4/5 running a 64-bit OS (linux-arm64, e.g. a bedside gateway), ReadyToRun as every publish of the tool.
# Output: artifacts/<rid>/posturestream.
set -euo pipefail
cd "$(dirname "$0")/../.."
for rid in ${RIDS:-linux-x64 linux-arm64}; do
  dotnet publish src/PostureStream.Cli -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
    -o "artifacts/$rid" -nologo -v q
  echo "artifacts/$rid/posturestream"
done
