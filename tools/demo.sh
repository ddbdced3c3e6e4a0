#!/usr/bin/env bash
# The main command: builds the posturestream tool and runs the main job on this machine.
# Needs only the .NET SDK; extra arguments are passed to the tool in place of the default job.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/PostureStream.Cli -c Release -nologo -v q >&2
tool=(dotnet src/PostureStream.Cli/bin/Release/net10.0/posturestream.dll)
if [ $# -gt 0 ]; then
  exec "${tool[@]}" "$@"
fi
exec "${tool[@]}" decode tests/PostureStream.Cli.Tests/Captures/sample.psp
