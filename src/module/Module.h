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

// A loader that produces module records itself (quickjs.h's JS_SetModuleLoaderFunc): returns the
// record (registered in the realm under its resolved name) for `specifier` imported by `referrer`,
// or nullptr with an exception pending. `registered` finds an already loaded module by resolved name
// first; it is called with the resolved name the loader computes through `resolve`.
struct ModuleRecordLoader {
    // The resolved name of `specifier` imported by `referrer` (false with an exception pending).
    bool (*resolve)(Context&, void* opaque, const std::string& referrer, const std::string& specifier,
                    std::string* resolved);
    // The record of the module with resolved name `name` (nullptr with an exception pending).
    Object* (*load)(Context&, void* opaque, const std::string& name);
    // The bytes of the module named `name` for a JSON, text or bytes import (false with an exception
    // pending); nullptr: such imports are refused (JSON from a ".json" name goes through `load`).
    bool (*read)(Context&, void* opaque, const std::string& name, std::string* bytes);
    void* opaque;
};
// Replaces the source loader of the runtime when `loader.load` is set; clears it when null.
void set_module_record_loader(Runtime&, const ModuleRecordLoader& loader);

// Parses `source` as the module named `name` (its resolved name), loads what it imports, links
// and evaluates it. Returns the promise of its evaluation (settled already unless the module
// graph has a top-level await). `compile_failed` tells an early error of this module's own source.
Value run_module_source(Context&, std::string_view source, std::string_view name, bool* compile_failed);

// ---- module records for the embedding API (JS_EVAL_FLAG_COMPILE_ONLY, C modules, images) ----

struct ModuleCompileInfo;
class FunctionBytecode;

bool is_module_record(const Object*);
// Parses `source` as the module named `name` and registers it, without loading its imports.
Result<Object*> compile_module_record(Context&, std::string_view source, std::string_view name);
// A module record for compiled module code (read from a bytecode image), registered under the
// bytecode's file name unless a module of that name exists (then that one is returned).
Result<Object*> module_record_from_bytecode(Context&, FunctionBytecode*, ModuleCompileInfo&&);
// The module's bytecode and compile info (null for a host module).
FunctionBytecode* module_record_bytecode(Object*);
const ModuleCompileInfo& module_record_info(Object*);
// A host module (quickjs.h's C modules): no code; `init` (a function called with no arguments when
// the module is evaluated) sets its exports. Registered under `name`.
Result<Object*> create_host_module(Context&, Atom name);
void set_host_module_init(Object* module, Value init);
// Declares export `name` (before the module is linked); sets its value (any time).
Result<void> add_host_module_export(Context&, Object* module, Atom name);
Result<void> set_host_module_export(Context&, Object* module, Atom name, Value v);
// Loads every module `module` imports, recursively (JS_ResolveModule).
Result<void> load_module_requests(Context&, Object* module);
// Loads the imports, links and evaluates: the promise of the evaluation (JS_EvalFunction).
Value link_and_evaluate_module(Context&, Object* module);
Atom module_record_name(Object*);
// The module's namespace object (its imports are loaded first).
Value module_record_namespace(Context&, Object*);
// The module's import.meta object.
Value module_record_meta(Context&, Object*);

// import.meta of the module whose code has file name `filename`.
Value module_import_meta(Context&, Atom filename);
// A function performing import(specifier, options) for code with file name `referrer`.
Value module_import_function(Context&, Atom referrer);

} // namespace qjs
