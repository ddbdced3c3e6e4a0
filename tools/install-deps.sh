#!/usr/bin/env bash
# Installs the Debian packages the tests and the demo use, when they are missing.
# A fresh machine has only the .NET SDK; this is run by tools/test.sh and tools/demo.sh.
set -euo pipefail

packages=(
  cmake        # firmware-protocol C reference and its CTest suite
  gcc
  socat        # virtual serial ports for link tests
  influxdb     # InfluxDB 1.x, started on 127.0.0.1 by the storage tests
  victoria-metrics  # a second /api/v2/write server for request-shape tests
  python3-scipy     # reference vectors for the filters (tools/filters/make_vectors.py)
  dbus         # dbus-daemon: a private bus for the BLE tests (BlueZ stand-in)
  chromium     # the dashboard's browser tests (driven by Playwright, which cannot download browsers here)
  gcc-arm-none-eabi        # the reference firmware's Cortex-M4 images (firmware-protocol/firmware)
  libnewlib-arm-none-eabi  # their C library (memcpy, libm)
  qemu-system-arm          # runs those images on an emulated STM32F405 (netduinoplus2) in the loop
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
