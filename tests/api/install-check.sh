#!/usr/bin/env bash
# tests/api/install-check.sh BUILD-DIR: installs the build into a temporary prefix and builds
# examples/embed/hello.c out of tree against it, through pkg-config and through find_package(qjs), each
# linked statically (qjs, qjs::qjs) and against libqjs.so (qjs-shared, qjs::qjs_shared), and the C++
# example examples/embed/hello.cpp (the header-only C++ layer, -fno-exceptions -fno-rtti) both ways;
# each program must run and print its greeting. libqjs.so must carry its SONAME and export only the
# C API. The installed qjsc compiles examples/hello.js into an executable that prints what qjs prints.
# Prints "N passed, N failed".
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

export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
pkgconfig_build() {
    cc "$repo/examples/embed/hello.c" $(pkg-config --cflags --libs qjs) -o "$work/hello-pc" && "$work/hello-pc"
}
check pkg-config pkgconfig_build

# Linked against libqjs.so (found through LD_LIBRARY_PATH: the prefix is not a system directory).
pkgconfig_shared_build() {
    cc "$repo/examples/embed/hello.c" $(pkg-config --cflags --libs qjs-shared) -o "$work/hello-pc-so" &&
        ldd "$work/hello-pc-so" | grep "libqjs.so" > /dev/null &&
        LD_LIBRARY_PATH="$work/prefix/lib" "$work/hello-pc-so"
}
check pkg-config-shared pkgconfig_shared_build

cpp_build() {
    c++ -std=c++20 -fno-exceptions -fno-rtti "$repo/examples/embed/hello.cpp" $(pkg-config --cflags --libs qjs) \
        -o "$work/hello-cpp" && "$work/hello-cpp" &&
        c++ -std=c++20 -fno-exceptions -fno-rtti "$repo/examples/embed/hello.cpp" \
            $(pkg-config --cflags --libs qjs-shared) -o "$work/hello-cpp-so" &&
        LD_LIBRARY_PATH="$work/prefix/lib" "$work/hello-cpp-so"
}
check cpp-layer cpp_build

# The shared library: versioned name and SONAME, and nothing exported but the C API.
shared_exports() {
    local lib
    lib="$(ls "$work"/prefix/lib/libqjs.so.*.*.* 2> /dev/null | head -n 1)"
    [[ -n "$lib" && -L "$work/prefix/lib/libqjs.so" ]] || { echo "libqjs.so not installed"; return 1; }
    readelf -d "$lib" | grep "SONAME.*libqjs\.so\.[0-9]" > /dev/null || { echo "no SONAME"; return 1; }
    local others
    others="$(nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' | grep -v -E '^(JS_|__JS_|js_)' || true)"
    [[ -z "$others" ]] || { echo "exported beyond the API:"; echo "$others" | head; return 1; }
    echo "hello from function: $(nm -D --defined-only "$lib" | grep -c ' T ') exported functions"
}
check shared-exports shared_exports

find_package_build() {
    mkdir -p "$work/fp"
    cp "$repo/examples/embed/hello.c" "$work/fp/"
    cat > "$work/fp/CMakeLists.txt" << 'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(embed_check C CXX)
find_package(qjs 0.1 REQUIRED)
add_executable(hello hello.c)
target_link_libraries(hello PRIVATE qjs::qjs)
add_executable(hello_shared hello.c)
target_link_libraries(hello_shared PRIVATE qjs::qjs_shared)
CMAKE
    cmake -S "$work/fp" -B "$work/fp/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" &&
        cmake --build "$work/fp/build" && "$work/fp/build/hello" &&
        ldd "$work/fp/build/hello_shared" | grep "libqjs.so" > /dev/null && "$work/fp/build/hello_shared"
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
