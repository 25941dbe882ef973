#!/usr/bin/env bash
# Runs the keypad's entry buffer, counter (on the settings store) and LED pattern player on the real nanoCLR
# (../shared/nanoframework kit): compiles Program.cs against mscorlib 1.17.11 and the nano1.0 Core, converts
# everything with the Metadata Processor, runs it, and checks the "ok" lines. Build the solution first.
#   bash tests/nanoclr/keypad-smoke/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
K=${NANO_KIT:-../shared/nanoframework}; L=$K/bin/libs
O=firmware/LockFirmware.Core/bin/Debug/nano1.0
H=hal/LockFirmware.Hal/bin/Debug/nano1.0
work=$(mktemp -d)
csc=$( (ls "$(dirname "$(readlink -f "$(command -v dotnet)")")"/sdk/*/Roslyn/bincore/csc.dll 2>/dev/null || true) | tail -1)
[ -n "$csc" ] || { echo "keypad-smoke: the SDK's csc.dll not found" >&2; exit 2; }
dotnet "$csc" -nologo -noconfig -nostdlib+ -target:exe -out:"$work/KeypadSmoke.dll" -reference:"$L/mscorlib.dll" \
  -reference:"$O/LockFirmware.Core.dll" -reference:"$H/LockFirmware.Hal.dll" tests/nanoclr/keypad-smoke/Program.cs
mdp() { dotnet "$K/bin/mdp/nanoFramework.Tools.MetaDataProcessor.dll" -loadHints mscorlib "$L/mscorlib.dll" \
  -loadHints LockFirmware.Hal "$H/LockFirmware.Hal.dll" -loadHints LockFirmware.Core "$O/LockFirmware.Core.dll" \
  -parse "$1" -compile "$2" false >/dev/null; }
mdp "$H/LockFirmware.Hal.dll" "$work/LockFirmware.Hal.pe"
mdp "$O/LockFirmware.Core.dll" "$work/LockFirmware.Core.pe"
mdp "$work/KeypadSmoke.dll" "$work/KeypadSmoke.pe"
out=$("$K/bin/nanoclr/bin/nanoFramework.nanoCLR.test" "$L/mscorlib.pe" "$work/LockFirmware.Hal.pe" "$work/LockFirmware.Core.pe" "$work/KeypadSmoke.pe" | tr -d '\r' | sed -n '/^Ready/,$p')
echo "$out"
rm -rf "$work"
[ "$(echo "$out" | grep -c ' ok$')" -eq 5 ] && echo "$out" | grep -q '^END$' || { echo "keypad-smoke: FAILED" >&2; exit 1; }
echo "keypad-smoke: 5 checks ok on the nanoCLR"
