#!/usr/bin/env bash
# Converts every nano1.0 assembly of ours (shipped code, the NFUnitTest test assembly, the host's probes) to a
# .pe with the kit's Metadata Processor (MDP), against the REAL nanoFramework libraries of the kit (not our
# contracts), and lays out the libraries' .pe files the nanoCLR loads with them.
# A .pe is accepted only with MDP exit 0, empty stderr and an NFMRK1 header; sizes are printed.
# Build first (dotnet build LockFirmware.sln). Output: artifacts/nano/*.pe (ours), artifacts/nano/libs/*.pe.
#
#   tools/VirtualEsp32/convert.sh            # env: CONFIGURATION (Debug), LOCKFW_NANO_KIT
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
kit="${LOCKFW_NANO_KIT:-$repo/../shared/nanoframework}"
config="${CONFIGURATION:-Debug}"
out="$repo/artifacts/nano"
mdp="$kit/bin/mdp/nanoFramework.Tools.MetaDataProcessor.dll"
[ -f "$mdp" ] || { echo "convert: no MDP at $mdp (the kit belongs at ../shared/nanoframework beside the clone)" >&2; exit 2; }

# Libraries whose native method table in nf-interpreter (a3e8139a1) has no slot for the compiler-generated
# Microsoft.CodeAnalysis.EmbeddedAttribute that the kit's csc build put first in the assembly: with the kit's
# .pe every native index is off by one (Aes.Encrypt runs DecryptAesEcb, HMACSHA256 throws NotSupported, the
# checksum still matches). These are converted again from the kit's real .dll without that class, as
# upstream's packages are laid out. Checked table by table (docs/nanoframework.md); Gpio and Hardware.Esp32
# tables do have the slot, mscorlib.pe is NuGet's own.
shifted="nanoFramework.System.Security.Cryptography nanoFramework.Runtime.Native nanoFramework.Runtime.Events
         nanoFramework.System.Text nanoFramework.System.Collections System.IO.FileSystem nanoFramework.Device.Bluetooth"

# Our nano1.0 assemblies: every project with the flavor, except the contracts (the kit has the real ones).
dlls=()
while IFS= read -r proj; do
    grep -qE '<TargetFrameworks?>[^<]*nano1\.0' "$proj" || continue
    dir="$(dirname "$proj")/bin/$config/nano1.0"
    name="$(basename "$proj" .csproj)"
    [ -f "$dir/NFUnitTest.dll" ] && name=NFUnitTest   # test projects are named for the stock launcher
    if [ ! -f "$dir/$name.dll" ]; then
        # shipped code and tests must be there; a tool's nano program only when its user built it
        case "$proj" in "$repo"/tools/*) echo "convert: skipped $name (not built)" >&2; continue ;; esac
        echo "convert: missing $dir/$name.dll (build first)" >&2; exit 1
    fi
    dlls+=("$dir/$name.dll")
done < <(cd "$repo" && find firmware hal tests tools -name '*.csproj' -not -path 'tools/NanoContracts/*' \
             | LC_ALL=C sort | sed "s|^|$repo/|")

# Every assembly MDP may need to resolve: the kit's real libraries, then ours.
hints=()
for dll in "$kit"/bin/libs/*.dll "${dlls[@]}"; do
    hints+=(-loadHints "$(basename "$dll" .dll)" "$dll")
done

status=0
# mdp DIR DLL [MDP options]: DLL -> DIR/<name>.pe, accepted or removed
mdp() {
    local dir=$1 dll=$2 name err code; shift 2
    name="$(basename "$dll" .dll)"
    rm -f "$dir/$name.pe" "$dir/$name.pdbx"
    err="$(cd "$dir" && dotnet "$mdp" "${hints[@]}" "$@" -parse "$dll" -compile "$name.pe" false 2>&1 >/dev/null)"
    code=$?
    if [ $code -ne 0 ] || [ -n "$err" ] || [ "$(head -c 6 "$dir/$name.pe" 2>/dev/null)" != NFMRK1 ]; then
        echo "convert: REJECTED $name (exit $code)${err:+: $err}" >&2
        rm -f "$dir/$name.pe"
        status=1
        return
    fi
    size "$dir/$name.pe" "$*"
}
size() { printf 'convert: %-48s %7d bytes %s\n' "$(basename "$1")" "$(stat -c %s "$1")" "$2"; }

rm -rf "$out" && mkdir -p "$out/libs"
for pe in "$kit"/bin/libs/*.pe; do
    name="$(basename "$pe" .pe)"
    if [[ " $(echo $shifted) " == *" $name "* ]]; then
        mdp "$out/libs" "$kit/bin/libs/$name.dll" -excludeClassByName Microsoft.CodeAnalysis.EmbeddedAttribute
    else
        cp "$pe" "${pe%.pe}.pdbx" "$out/libs/" && size "$out/libs/$name.pe" "(kit)"
    fi
done
for dll in "${dlls[@]}"; do
    mdp "$out" "$dll"
done
exit $status
