#!/usr/bin/env bash
# Builds our nanoCLR host (the "virtual ESP32") into a cache outside the clone, keyed by a hash of
# every input, and prints the path of the runner (nanoFramework.nanoCLR.test) on stdout.
# A second call with the same inputs only prints the path.
#
#   tools/VirtualEsp32/build.sh            # -> ~/.cache/lockfw/virtual-esp32/<hash>/build/bin/nanoFramework.nanoCLR.test
#
# Inputs: every CMake/C/C++ file of this folder, the kit's nf-interpreter, Mbed TLS and littlefs tarballs
# (../shared/nanoframework or $LOCKFW_NANO_KIT), the compiler and cmake versions.
# Without the kit, the same pinned upstream commits are cloned (needs network).
# Env: LOCKFW_CACHE (default ~/.cache/lockfw), VESP32_JOBS (default 2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
kit="${LOCKFW_NANO_KIT:-$repo/../shared/nanoframework}"
cache_root="${LOCKFW_CACHE:-$HOME/.cache/lockfw}/virtual-esp32"
jobs="${VESP32_JOBS:-2}"

NF_COMMIT=a3e8139a1ba778e33ca81b023099765eada6c456
MBEDTLS_TAG=mbedtls-3.6.6
LITTLEFS_TAG=v2.11.2
nf_tar="$kit/src/nf-interpreter-a3e8139a1.tar.gz"
mbedtls_tar="$kit/src/mbedtls-3.6.6.tar.gz"
littlefs_tar="$kit/src/littlefs-v2.11.2.tar.gz"

log() { echo "virtual-esp32: $*" >&2; }
for tool in cmake ninja g++; do
    command -v "$tool" >/dev/null || { log "missing $tool (apt-get install cmake ninja-build g++)"; exit 2; }
done

if [ -f "$nf_tar" ] && [ -f "$mbedtls_tar" ] && [ -f "$littlefs_tar" ]; then
    sources="kit $(sha256sum "$nf_tar" "$mbedtls_tar" "$littlefs_tar" | cut -d' ' -f1 | tr '\n' ' ')"
else
    sources="clone $NF_COMMIT $MBEDTLS_TAG $LITTLEFS_TAG"
fi
hash=$( {
    echo "$sources"
    (cd "$here" && find . -type f \( -name '*.c' -o -name '*.cpp' -o -name '*.h' -o -name '*.cmake' -o -name CMakeLists.txt -o -name build.sh \) -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort | xargs sha256sum)
    g++ --version | head -1
    cmake --version | head -1
} | sha256sum | cut -c1-16)
dir="$cache_root/$hash"
runner="$dir/build/bin/nanoFramework.nanoCLR.test"

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9    # one build per input set, even when CI and dotnet test ask at once
if [ -f "$dir/ok" ] && [ -x "$runner" ]; then
    echo "$runner"
    exit 0
fi

log "building into $dir (5-7 min on 2 cores; log: $dir/build.log)"
rm -rf "$dir/src" "$dir/build" "$dir/ok"
mkdir -p "$dir/src"
if [[ "$sources" == kit* ]]; then
    tar -xzf "$nf_tar" -C "$dir/src"
    mkdir -p "$dir/src/mbedtls" && tar -xzf "$mbedtls_tar" -C "$dir/src/mbedtls"
    mv "$dir/src/nf-interpreter-a3e8139a1" "$dir/src/nf-interpreter"
    tar -xzf "$littlefs_tar" -C "$dir/src"
    mv "$dir/src/littlefs-v2.11.2" "$dir/src/littlefs"
else
    log "kit not found at $kit: cloning the pinned upstream commits"
    git clone -q https://github.com/nanoframework/nf-interpreter "$dir/src/nf-interpreter"
    git -C "$dir/src/nf-interpreter" checkout -q "$NF_COMMIT"
    git clone -q --depth 1 --branch "$MBEDTLS_TAG" https://github.com/Mbed-TLS/mbedtls "$dir/src/mbedtls"
    git -C "$dir/src/mbedtls" submodule update -q --init --depth 1 framework 2>/dev/null || true
    git clone -q --depth 1 --branch "$LITTLEFS_TAG" https://github.com/littlefs-project/littlefs "$dir/src/littlefs"
fi

{
    cmake -S "$here" -B "$dir/build" -G Ninja \
        -DNF_INTERPRETER_DIR="$dir/src/nf-interpreter" -DMBEDTLS_DIR="$dir/src/mbedtls" -DLITTLEFS_DIR="$dir/src/littlefs"
    cmake --build "$dir/build" -j "$jobs"
} >"$dir/build.log" 2>&1 || { tail -40 "$dir/build.log" >&2; log "build failed (log: $dir/build.log)"; exit 1; }

[ -x "$runner" ] || { log "build ended without $runner"; exit 1; }
touch "$dir/ok"
log "built $runner"
echo "$runner"
