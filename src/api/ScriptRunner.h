// ScriptRunner.h: source text -> parse -> compile -> run, for the API and host functions.
#pragma once

#include "runtime/Value.h"

#include <string_view>

namespace qjs {

class Context;
class FunctionBytecode;
class Runtime;

// QJS_DUMP_BYTECODE=1 in the environment: prints fb's listing (and its inner functions') on stderr.
void dump_bytecode_if_requested(Runtime&, const FunctionBytecode* fb);

// Runs `source` as a classic script in ctx's global scope; returns its completion value.
// `compile_failed` (optional) tells an early (parse) error from a runtime one.
Value run_script_source(Context&, std::string_view source, std::string_view filename, bool strict,
                        bool* compile_failed = nullptr);

} // namespace qjs
