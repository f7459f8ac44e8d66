// ModuleInfo.h: between parsing and scope analysis of module code: collects the module's static
// description (ModuleCompileInfo) and the environment bindings scope analysis must know about.
#pragma once

#include "bytecode/Compiler.h"
#include "parser/Ast.h"
#include "scope/ScopeAnalysis.h"

namespace qjs {

// Fills `info` from the parsed module and points `sao` at the module environment's bindings
// (allocated in `arena`). False on out of memory.
bool collect_module_info(Runtime&, Arena&, Program*, ModuleCompileInfo* info, ScopeAnalysisOptions* sao);

} // namespace qjs
