#!/usr/bin/env bash
# Runs Debian's InfluxDB 1.x (influxd) on 127.0.0.1 for PostureStream, with its data in one folder,
# creates the database and prints the --store URI to use. Stops with Ctrl-C.
#   PORT=8086 DATA=~/.local/share/posturestream/influxd DB=posture tools/influx/run-local-influxd.sh
set -euo pipefail
port=${PORT:-8086}
data=${DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/posturestream/influxd}
db=${DB:-posture}
command -v influxd >/dev/null || { echo "influxd is missing: apt-get install influxdb (or tools/install-deps.sh)" >&2; exit 1; }
mkdir -p "$data"
cat > "$data/influxd.conf" <<CONF
reporting-enabled = false
bind-address = "127.0.0.1:$((port + 2))"
[meta]
  dir = "$data/meta"
[data]
  dir = "$data/data"
  wal-dir = "$data/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$port"
  log-enabled = false
[logging]
  level = "warn"
CONF
influxd run -config "$data/influxd.conf" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/ping" >/dev/null && break
  sleep 0.1
done
curl -fs -XPOST "http://127.0.0.1:$port/query" --data-urlencode "q=CREATE DATABASE \"$db\"" >/dev/null
echo "influxd on 127.0.0.1:$port, data in $data" >&2
echo "store: influxdb-v1:http://127.0.0.1:$port?db=$db&precision=ms" >&2
wait $pid
