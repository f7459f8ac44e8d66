// Module.h: ECMAScript modules (16.2): Source Text Module Records, linking, evaluation (with
// top-level await), namespace objects, import.meta and dynamic import().
//
// A module record is an object of ClassId::ModuleRecord (heap data the cycle collector and a
// snapshot can follow). Its environment is a vector of VarRef cells, one per top-level binding;
// an import binding is the exporting module's own cell, so bindings are live and shared without
// any indirection at run time. The realm keeps its modules in a registry keyed by resolved name
// (%ModuleRegistry%, a null-prototype object).
#pragma once

#include "runtime/Atom.h"
#include "runtime/Value.h"

#include <string>
#include <string_view>

namespace qjs {

class Context;
class Runtime;

// HostLoadImportedModule: resolves `specifier` as imported by `referrer` (a resolved module name
// or a script's file name) to a resolved name, and reads the source text. False when it cannot.
using ModuleHostLoader = bool (*)(void* opaque, const std::string& specifier, const std::string& referrer,
                                  std::string* resolved_name, std::string* source);
void set_module_host_loader(Runtime&, ModuleHostLoader, void* opaque);

// Parses `source` as the module named `name` (its resolved name), loads what it imports, links
// and evaluates it. Returns the promise of its evaluation (settled already unless the module
// graph has a top-level await). `compile_failed` tells an early error of this module's own source.
Value run_module_source(Context&, std::string_view source, std::string_view name, bool* compile_failed);

// import.meta of the module whose code has file name `filename`.
Value module_import_meta(Context&, Atom filename);
// A function performing import(specifier, options) for code with file name `referrer`.
Value module_import_function(Context&, Atom referrer);

} // namespace qjs
