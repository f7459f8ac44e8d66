// Compiler.h: entry points of the front end: source text -> parse -> scope analysis -> bytecode.
// Parse errors become thrown SyntaxErrors ("file:line:col: message"); nesting too deep becomes a
// RangeError.
#pragma once

#include "parser/ImportPhase.h"
#include "runtime/Atom.h"
#include "runtime/Runtime.h"
#include "runtime/Value.h"

#include <cstddef>
#include <cstdint>

namespace qjs {

class Context;
struct FunctionBytecode;

// Compiles a classic script (global code). The result is a new reference.
Result<FunctionBytecode*> compile_script(Context&, const char* utf8, size_t length, Atom filename,
                                         bool strict);

// What the caller of a direct eval provides.
struct EvalCaller {
    FunctionBytecode* function = nullptr; // the calling function's bytecode
    uint32_t eval_site = 0;               // operand of the direct eval call instruction (scope snapshot)
};

// Compiles eval code. For a direct eval, `caller` describes the calling code (its visible bindings
// become the eval function's closure variables, in the order of the caller's eval-site snapshot);
// nullptr for an indirect eval (global code in the realm).
Result<FunctionBytecode*> compile_eval(Context&, const char* utf8, size_t length, const EvalCaller* caller,
                                       bool strict_caller);

// What the module machinery (src/module) needs to know about a compiled module (16.2.1.6 Source
// Text Module Records). Every top-level binding of the module is a slot of its environment; the
// module function sees slot i as the closure variable whose ClosureVarDesc::index is i.
namespace modbinding {
enum : uint8_t { Lexical = 1, Function = 2, Import = 4 };
}
struct ModuleBindingDesc {
    Atom name = atoms::invalid;
    uint8_t flags = 0; // modbinding::*
};
constexpr uint32_t kNoSlot = 0xffffffffu;
struct ModuleImportDesc {
    uint32_t request = 0;                        // index into requests
    Atom import_name = atoms::invalid;           // invalid: namespace import (`* as x`)
    uint32_t slot = 0;                           // the local binding
    ImportPhase phase = ImportPhase::Evaluation; // defer: a deferred namespace; source: a module source
};
struct ModuleExportDesc {
    Atom export_name = atoms::invalid;
    uint32_t slot = kNoSlot;           // local exports: the binding
    uint32_t request = kNoSlot;        // indirect exports: the module re-exported from
    Atom import_name = atoms::invalid; // indirect: its export name; invalid: `export * as ns`
};
struct ModuleEvaluationStep {
    uint32_t request = 0;
    bool deferred = false; // `import defer`
    bool operator==(const ModuleEvaluationStep&) const = default;
};
// The type an import asks for with `with { type: "..." }` (import attributes): JSON, text and bytes
// modules are synthetic modules whose only export is `default` (the parsed JSON value, the source as
// a string, or a Uint8Array over an immutable ArrayBuffer). Without the attribute a name ending in
// ".json" is a JSON module, as in QuickJS. An attribute the host does not support fails the load: an
// unknown key with a SyntaxError (AllImportAttributesSupported), an unknown type with a TypeError.
enum class ModuleType : uint8_t { JavaScript, Json, Text, Bytes, UnsupportedKey, UnsupportedType };
constexpr uint8_t kModuleTypeCount = 6;
// A ModuleRequest Record: two requests are the same module when specifier and type agree.
struct ModuleRequest {
    Atom specifier = atoms::invalid;
    ModuleType type = ModuleType::JavaScript;
    bool operator==(const ModuleRequest&) const = default;
};
// The type named by a `type` import attribute's value (UnsupportedType for an unknown name).
ModuleType module_type_named(std::string_view value);
struct ModuleCompileInfo {
    Vector<ModuleRequest> requests; // in source order, without duplicates
    Vector<ModuleBindingDesc> bindings;
    Vector<ModuleImportDesc> imports;
    Vector<ModuleExportDesc> local_exports;
    Vector<ModuleExportDesc> indirect_exports;
    Vector<uint32_t> star_exports; // requests of `export * from`
    // [[RequestedModules]] as InnerModuleEvaluation walks them, in source order: a request imported
    // both ways appears twice. A deferred step evaluates only the request's async dependencies.
    Vector<ModuleEvaluationStep> evaluation_steps;
    bool has_top_level_await = false;
};

// Compiles module code. The module function is strict; called with `this` === true it only
// instantiates the hoisted function declarations (InitializeEnvironment), called with undefined it
// runs the module body (async when the module has a top-level await).
Result<FunctionBytecode*> compile_module(Context&, const char* utf8, size_t length, Atom filename,
                                         ModuleCompileInfo* info);

enum class DynamicFunctionKind : uint8_t;

// CreateDynamicFunction (20.2.1.1.1): compiles `function anonymous(params\n) {\nbody\n}` (or the
// generator/async forms). Returns the bytecode of the function itself (not of a script): the caller
// creates the closure in the global scope.
Result<FunctionBytecode*> compile_dynamic_function(Context&, DynamicFunctionKind kind, const char* params,
                                                   size_t params_length, const char* body,
                                                   size_t body_length);

} // namespace qjs
