# Writes the JS file IN as a C++ raw string literal to OUT (used by platform/wasm/CMakeLists.txt).
file(READ ${IN} text)
file(WRITE ${OUT} "R\"QJSJS(${text})QJSJS\"\n")
