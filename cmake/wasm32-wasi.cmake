# CMake toolchain file for the wasm32-wasi reactor build with Debian's packages
# (tools/wasm/install-deps.sh installs them):
#
#   cmake -S . -B build-wasm -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/wasm32-wasi.cmake -DCMAKE_BUILD_TYPE=MinSizeRel
#
# Target wasm32-wasi (WASI preview1), wasi-libc and libc++ for wasm32 from /usr, no exceptions or RTTI,
# reactor modules (no _start: the host calls exports), the stack first in linear memory (an overflow traps
# instead of corrupting data) with an explicit size that the engine's stack limit derives from, and
# __stack_pointer exported for the host.
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
list(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR})

set(QJS_WASM_LLVM_VERSION 19 CACHE STRING "clang/lld major version of the wasm build")
find_program(CMAKE_C_COMPILER NAMES clang-${QJS_WASM_LLVM_VERSION} REQUIRED)
find_program(CMAKE_CXX_COMPILER NAMES clang++-${QJS_WASM_LLVM_VERSION} REQUIRED)
# The archiver: the compiler's own version when installed (needed for QJS_WASM_LTO, whose bitcode objects
# an older llvm-ar cannot index), else any llvm-ar. Own cache names, so that a build folder configured
# before with another llvm-ar switches over (CMakeLists.txt sets CMAKE_AR from them).
find_program(QJS_WASM_AR NAMES llvm-ar-${QJS_WASM_LLVM_VERSION} llvm-ar REQUIRED)
find_program(QJS_WASM_RANLIB NAMES llvm-ranlib-${QJS_WASM_LLVM_VERSION} llvm-ranlib REQUIRED)
set(CMAKE_AR ${QJS_WASM_AR} CACHE FILEPATH "archiver of the wasm build" FORCE)
set(CMAKE_RANLIB ${QJS_WASM_RANLIB} CACHE FILEPATH "ranlib of the wasm build" FORCE)
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
set(CMAKE_CXX_COMPILER_TARGET wasm32-wasi)
set(CMAKE_SYSROOT /usr CACHE PATH "wasi-libc sysroot (Debian: /usr, with /usr/include/wasm32-wasi)")

# The linear-memory stack in bytes; CMakeLists.txt passes it to the engine as QJS_WASM_STACK_SIZE, from
# which the default stack limit is derived.
set(QJS_WASM_STACK_SIZE 1048576 CACHE STRING "wasm stack size in bytes")

# Bulk memory (memcpy/memset as memory.copy/fill) and non-trapping float-to-int conversions (no range
# check around each double -> int): both in every engine since 2019 (Node 12, Chrome 75, Firefox 64,
# Safari 15); 4 KB less after wasm-opt, no slower.
set(QJS_WASM_FEATURES "-mbulk-memory -mnontrapping-fptoint")
set(CMAKE_C_FLAGS_INIT "${QJS_WASM_FEATURES}")
set(CMAKE_CXX_FLAGS_INIT "${QJS_WASM_FEATURES} -fno-exceptions -fno-rtti")
# MinSizeRel (what tools/wasm/build.sh builds): -Oz, the size-first level (-Os still inlines and unrolls
# for speed), for the module's 637 KiB budget.
# (Cache entries: CMake's own MinSizeRel defaults, -Os, would come after an _INIT value and win.)
set(CMAKE_C_FLAGS_MINSIZEREL "-Oz -DNDEBUG" CACHE STRING "C flags of MinSizeRel wasm builds")
set(CMAKE_CXX_FLAGS_MINSIZEREL "-Oz -DNDEBUG" CACHE STRING "C++ flags of MinSizeRel wasm builds")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-mexec-model=reactor -fuse-ld=lld -Wl,--stack-first -Wl,-z,stack-size=${QJS_WASM_STACK_SIZE} -Wl,--export=__stack_pointer")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
