// ModuleRecord.h: the heap layout of module records and module namespace objects (internal to
// src/module).
#pragma once

#include "bytecode/Compiler.h"
#include "runtime/Object.h"
#include "runtime/VarRef.h"

#include <string>

namespace qjs {

enum class ModuleStatus : uint8_t { New, Unlinked, Linking, Linked, Evaluating, EvaluatingAsync, Evaluated };

// A Source Text Module Record (16.2.1.6). Every reference it holds is a Value visited by its
// class hooks.
class ModuleRecord : public Object {
  public:
    Value m_name;                  // the resolved name (String)
    Value m_bytecode;              // the module function's FunctionBytecode (InternalCell)
    Value m_function;              // the module function (created by InitializeEnvironment)
    Value m_namespace;             // the namespace object, once requested
    Value m_deferred_namespace;    // the deferred namespace object (import defer), once requested
    Value m_meta;                  // import.meta, once requested
    Value m_error;                 // [[EvaluationError]] when m_has_error
    Value m_top_promise;           // [[TopLevelCapability]]'s promise
    Value m_cycle_root;            // [[CycleRoot]]
    Vector<Value> m_env;           // per binding slot: its VarRef cell (InternalCell)
    Vector<Value> m_requested;     // per request: the ModuleRecord it loaded
    Vector<Value> m_async_parents; // [[AsyncParentModules]]
    ModuleCompileInfo m_info;
    Atom m_name_atom = atoms::invalid;
    ModuleStatus m_status = ModuleStatus::New;
    bool m_has_tla = false;
    bool m_host = false; // a host (C) module: m_function sets its exports, it has no code
    bool m_has_error = false;
    bool m_async_evaluation = false;
    uint32_t m_dfs_index = 0;
    uint32_t m_dfs_ancestor_index = 0;
    uint32_t m_pending_async_dependencies = 0;
    uint64_t m_async_order = 0;
};

// A module namespace exotic object (10.4.6).
class ModuleNamespaceObject : public Object {
  public:
    Value m_module;
    Vector<Atom> m_names;    // [[Exports]], sorted by code units
    Vector<Value> m_cells;   // the binding (VarRef, InternalCell) of each name
    bool m_deferred = false; // [[Deferred]]: using an export evaluates the module first
};

inline ModuleRecord* as_module_record(Object* o) {
    return static_cast<ModuleRecord*>(o);
}

void register_module_classes();
// ModuleNamespaceCreate without exports (the caller fills m_names/m_cells).
Value create_module_namespace(Context&, ModuleRecord*, bool deferred);
// GetModuleNamespace(module, phase) (borrowed): the deferred one for `import defer`.
Result<Object*> get_module_namespace(Context&, ModuleRecord*, bool deferred = false);
// ReadyForSyncExecution: the module (and what it imports) can be evaluated synchronously now.
bool ready_for_sync_execution(ModuleRecord*);
// GetModuleExportsList's evaluation of a deferred namespace's module: a TypeError when it cannot run
// synchronously now, else EvaluateSync (its evaluation error, if any, is thrown).
Result<void> evaluate_module_sync(Context&, ModuleRecord*);
Result<void> link_module(Context&, ModuleRecord*);
Value evaluate_module(Context&, ModuleRecord*); // the evaluation promise
std::string atom_to_utf8(Context&, Atom);

} // namespace qjs
