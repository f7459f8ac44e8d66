# Writes the JS file IN as a C++ raw string literal to OUT (used by platform/wasm/CMakeLists.txt), without
# its whole-line comments and indentation (a third of Bridge.js, kept out of the module's data). The
# source must not have multi-line template literals or strings.
file(READ ${IN} text)
string(PREPEND text "\n")
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" text "${text}")
string(REGEX REPLACE "\n[ \t]+" "\n" text "${text}")
string(REGEX REPLACE "^\n" "" text "${text}")
file(WRITE ${OUT} "R\"QJSJS(${text})QJSJS\"\n")
