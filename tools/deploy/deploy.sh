#!/usr/bin/env bash
# Builds an app (the lock, or the courier's keypad) for a board against the real nanoFramework packages,
# converts it with the nanoFramework Metadata Processor, and deploys it with nanoff. The nanoFramework firmware
# itself is flashed once beforehand (README, "Flash a real lock").
#
#   tools/deploy/deploy.sh [--app lock|keypad] --board esp32-devkitc --port /dev/ttyUSB0 [--dry-run] [--mdp-version 3.0.100]
#   (--app keypad defaults to --board esp32-keypad)
#
# Needs: .NET 10 SDK and a NuGet feed with the nanoFramework packages (nuget.org); nanoff
# (dotnet tool install -g nanoff); on Linux/macOS mono, because MetadataProcessor.Console.exe is a .NET
# Framework program.
set -euo pipefail
cd "$(dirname "$0")/../.."

app=lock; board=""; port=""; dry=0
# The Metadata Processor of the v1 line (the CLR without generics that CoreLibrary 1.17.11 targets).
mdp_version=3.0.100
while [ $# -gt 0 ]; do
  case "$1" in
    --app) app="$2"; shift 2 ;;
    --board) board="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --mdp-version) mdp_version="$2"; shift 2 ;;
    *) echo "deploy: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
case "$app" in
  lock) project=LockFirmware.Device; [ -n "$board" ] || board=esp32-devkitc ;;
  keypad) project=LockFirmware.Keypad; [ -n "$board" ] || board=esp32-keypad ;;
  *) echo "deploy: --app is lock or keypad, not '$app'" >&2; exit 2 ;;
esac
[ -f "boards/$board/Board.cs" ] || { echo "deploy: no board '$board' (see boards/)" >&2; exit 2; }
[ -n "$port" ] || [ "$dry" = 1 ] || { echo "deploy: --port is required (the board's serial port)" >&2; exit 2; }
target=$(sed -n 's/.*NanoffTarget = "\([^"]*\)".*/\1/p' "boards/$board/Board.cs")
run() { echo "+ $*"; [ "$dry" = 1 ] || "$@"; }

# 1. Build against the real packages (not the contracts).
run dotnet build "firmware/$project" -c Release -p:NanoApi=packages -p:Board="$board"
out=firmware/$project/bin/Release/nano1.0

# 2. The Metadata Processor, from NuGet, into a local folder.
mdp_dir=.deploy/mdp
if [ ! -d "$mdp_dir" ] && [ "$dry" = 0 ]; then
  mkdir -p .deploy && cat > .deploy/mdp.proj <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="nanoFramework.Tools.MetadataProcessor.CLI" Version="[$mdp_version]" /></ItemGroup>
</Project>
PROJ
  dotnet restore .deploy/mdp.proj --packages .deploy/packages
  cp -r "$(find .deploy/packages/nanoframework.tools.metadataprocessor.cli -type d -name MetadataProcessor | head -1)" "$mdp_dir"
fi
mdp="$mdp_dir/MetadataProcessor.Console.exe"
[ "$(uname -s)" = "Linux" ] || [ "$(uname -s)" = "Darwin" ] && mdp_cmd=(mono "$mdp") || mdp_cmd=("$mdp")

# 3. Our assemblies to .pe (the packages ship their .pe files); hints let it resolve references.
hints=()
for dll in "$out"/*.dll; do hints+=(-loadHints "$(basename "$dll" .dll)" "$dll"); done
for name in LockFirmware.Hal LockFirmware.Core LockFirmware.Hal.Esp32 "$project"; do
  run "${mdp_cmd[@]}" "${hints[@]}" -parse "$out/$name.dll" -compile "$out/$name.pe" false
  [ "$dry" = 1 ] || [ -s "$out/$name.pe" ] || { echo "deploy: Metadata Processor produced no $name.pe (read its output above)" >&2; exit 1; }
done

# 4. One deployment image: every .pe the app needs, then nanoff.
image=$out/lockfirmware-$app-$board.bin
if [ "$dry" = 0 ]; then
  cat "$out"/*.pe > "$image"
  echo "deployment image: $image ($(wc -c < "$image") bytes)"
fi
run nanoff --target "$target" --serialport "$port" --deploy --image "$image"
if [ "$app" = keypad ]; then
  echo "deployed the keypad to $board on $port. Pair it at the door: lockctl keypad pair, then hold * and # (docs/keypad.md)."
else
  echo "deployed to $board on $port. Open the serial console to read the setup key (first boot)."
fi
