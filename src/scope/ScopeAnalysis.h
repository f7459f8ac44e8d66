// ScopeAnalysis.h: builds the scope tree of a parsed Program (see Scope.h), decides slots and which
// bindings are captured, and resolves identifier references. Code generation walks the AST again
// and asks `scope_of`/`function_of`/`resolve` with the same scopes.
#pragma once

#include "scope/Scope.h"

namespace qjs {

// Pointer-keyed map living in the arena.
template <typename V> class NodeMap {
  public:
    bool put(Arena& arena, const void* key, V value);
    V get(const void* key) const;

  private:
    struct Entry {
        const void* key;
        V value;
    };
    Entry* m_entries = nullptr;
    uint32_t m_capacity = 0;
    uint32_t m_count = 0;
};

struct ScopeAnalysisOptions {
    bool is_eval = false;
    bool is_direct_eval = false; // the caller's bindings are in `caller_bindings`
    // Direct eval: bindings of the calling code, innermost first.
    const EvalCallerBinding* caller_bindings = nullptr;
    uint32_t caller_binding_count = 0;
    bool caller_is_global = false; // sloppy direct eval from global code: vars become global properties
    // Module code: `caller_bindings` are the module environment's bindings (every top-level
    // declaration and import); the module function reaches them as closure variables.
    bool is_module = false;
};

class ScopeAnalysis {
  public:
    explicit ScopeAnalysis(Arena& arena) : m_arena(arena) {}

    // Analyses the whole program. Returns false on out of memory.
    bool run(Program* program, const ScopeAnalysisOptions& options);

    FunctionInfo* function_of(const Node* code_unit) const { return m_functions.get(code_unit); }
    // The scope a node creates (blocks, for heads, switch, catch, class, with), or nullptr.
    ScopeInfo* scope_of(const Node* node) const { return m_scopes.get(node); }
    // The self-binding scope of a named function expression.
    ScopeInfo* name_scope_of(const FunctionNode* fn) const { return m_name_scopes.get(fn); }
    FunctionInfo* top() const { return m_top; }

    // Resolves `name` as seen from `scope` inside function `fi`. Adds closure variables as needed
    // (the analysis pass already did, so code generation sees stable indexes).
    Resolution resolve(FunctionInfo* fi, ScopeInfo* scope, const AstString& name, bool private_name = false);
    // Resolution of a known variable from inside `fi`.
    Resolution resolve_variable(FunctionInfo* fi, Variable* var);

    Arena& arena() { return m_arena; }
    bool out_of_memory() const { return m_oom; }

    // Synthetic names (unique pointers, never equal to a parsed identifier).
    static AstString name_this();
    static AstString name_new_target();
    static AstString name_home_object();
    static AstString name_active_function();
    static AstString name_arguments();
    static AstString name_brand();
    static AstString name_static_brand();
    static AstString name_eval_vars(); // the hidden binding holding a function's eval var object
    static AstString name_with();      // the hidden binding holding a `with` object

    // Classes: the synthetic functions running instance / static field initializers and static
    // blocks (nullptr when the class has none), and the hidden binding holding a computed field key.
    FunctionInfo* instance_init_of(const ClassNode* cls) const { return m_instance_inits.get(cls); }
    FunctionInfo* static_init_of(const ClassNode* cls) const { return m_static_inits.get(cls); }
    Variable* field_key_of(const ClassElement* e) const { return m_field_keys.get(e); }

  private:
    friend struct ScopeWalker;
    Arena& m_arena;
    NodeMap<FunctionInfo*> m_functions;
    NodeMap<ScopeInfo*> m_scopes;
    NodeMap<ScopeInfo*> m_name_scopes;
    NodeMap<FunctionInfo*> m_instance_inits;
    NodeMap<FunctionInfo*> m_static_inits;
    NodeMap<Variable*> m_field_keys;
    FunctionInfo* m_top = nullptr;
    bool m_oom = false;
};

bool ast_names_equal(const AstString& a, const AstString& b);

} // namespace qjs
