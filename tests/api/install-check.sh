#!/usr/bin/env bash
# tests/api/install-check.sh BUILD-DIR: installs the build into a temporary prefix and builds
# examples/embed/hello.c out of tree against it, through pkg-config and through find_package(qjs);
# each build must run and print its greeting; the installed qjsc compiles examples/hello.js into an
# executable that prints what qjs prints. Prints "N passed, N failed".
set -u -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$repo/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() { # NAME COMMAND...
    if "${@:2}" > "$work/$1.log" 2>&1 && grep -q "hello from function" "$work/$1.log"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1:"
        tail -n 20 "$work/$1.log"
    fi
}
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" 2>&1 || { cat "$work/install.log"; echo "0 passed, 1 failed"; exit 1; }

pkgconfig_build() {
    export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
    cc "$repo/examples/embed/hello.c" $(pkg-config --cflags --libs qjs) -o "$work/hello-pc" && "$work/hello-pc"
}
check pkg-config pkgconfig_build

find_package_build() {
    mkdir -p "$work/fp"
    cp "$repo/examples/embed/hello.c" "$work/fp/"
    cat > "$work/fp/CMakeLists.txt" << 'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(embed_check C CXX)
find_package(qjs 0.1 REQUIRED)
add_executable(hello hello.c)
target_link_libraries(hello PRIVATE qjs::qjs)
CMAKE
    cmake -S "$work/fp" -B "$work/fp/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" &&
        cmake --build "$work/fp/build" && "$work/fp/build/hello"
}
check find_package find_package_build

# The installed qjsc builds an executable from examples/hello.js (headers and libraries found next to it).
qjsc_build() {
    (cd "$work" && "$work/prefix/bin/qjsc" -o hello-qjsc "$repo/examples/hello.js" && ./hello-qjsc)
}
if qjsc_build > "$work/qjsc.log" 2>&1 && [[ -s "$work/qjsc.log" ]] &&
    diff -q <("$build/qjs" "$repo/examples/hello.js") "$work/qjsc.log" > /dev/null; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    echo "FAIL qjsc:"
    tail -n 20 "$work/qjsc.log"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
