# CMake platform file for WASI (wasm32-wasi), used by cmake/wasm32-wasi.cmake: CMake 3.25 has none.
set(WASI 1)
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
