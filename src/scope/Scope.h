// Scope.h: the result of scope analysis: for every function (and the script/eval top level) its
// variable slots and closure variables, and for every AST node that creates an environment the
// bindings it declares. Everything lives in the parse Arena and dies with it.
//
// Storage model (shared with the interpreter):
// - Arguments live in argument slots, other bindings in local slots of the frame.
// - A binding that an inner function captures (or that direct eval may reach) lives in a VarRef
//   cell stored in its register from the start of its scope; closures receive the cell itself.
//   A captured simple parameter is boxed in place in the prologue.
// - Script top-level var/function bindings are global object properties and top-level
//   let/const/class are global lexical bindings: both are resolved at run time by name.
#pragma once

#include "parser/Arena.h"
#include "parser/Ast.h"

#include <cstdint>

namespace qjs {

struct Scope;
struct ScopeInfo;
struct FunctionInfo;

enum class BindingKind : uint8_t {
    Var,       // var, function declaration at function level, parameter-scope-less vars
    Parameter, // a formal parameter
    Let,
    Const,
    Class,           // class declaration (mutable like let)
    ClassInner,      // the class's own name inside its body (immutable)
    LexicalFunction, // function declared in a block (mutable like let, initialized at block entry)
    CatchParameter,
    FunctionSelf, // a named function expression's own name (immutable, silent in sloppy mode)
    Arguments,    // the `arguments` object
    PrivateName,  // `#x`: holds the private symbol (or brand) created when the class is evaluated
    Special,      // this, new.target, the home object, the active function, internal temporaries
};

inline bool binding_is_lexical(BindingKind k) {
    return k == BindingKind::Let || k == BindingKind::Const || k == BindingKind::Class ||
           k == BindingKind::ClassInner;
}
inline bool binding_is_const(BindingKind k) {
    return k == BindingKind::Const || k == BindingKind::ClassInner;
}

struct Variable {
    AstString name;
    BindingKind kind;
    bool captured = false;    // lives in a VarRef cell (an inner function or eval can reach it)
    bool is_argument = false; // lives in argument slot `index` (simple parameters, not captured)
    bool needs_tdz = false;   // reads must check for the uninitialized marker
    uint32_t index = 0;       // local number (register argument_count + index), or the argument register
    // Private accessors: the setter lives in a second hidden binding (this one holds the getter).
    Variable* private_setter = nullptr;
    ScopeInfo* scope = nullptr;
    Node* declaration = nullptr; // declaring node (Identifier, FunctionNode, ClassNode) when known
    // For private names: the element kind and whether static (brand checks, accessor pairs).
    uint8_t private_kind = 0;
    bool private_static = false;
    // Direct eval caller bindings: `index` is the caller's closure variable (else its register).
    bool caller_closure = false;
    // Direct eval caller binding declared in a block of the calling function (not its var scope).
    bool caller_block_level = false;
    // Direct eval from a function body: a binding of the caller's parameter scope (parameter
    // expressions present); a `var` of the same name reuses it.
    bool caller_param_level = false;
    bool is_private_setter = false; // the hidden setter half of a private accessor
};

enum class ScopeKind : uint8_t {
    Function,     // the var scope of a function (also the script/eval top level)
    Parameter,    // parameter bindings when the list has expressions (separate from the body vars)
    Block,        // block, for head, switch case block, catch clause
    Class,        // class body: inner name, private names
    FunctionName, // a named function expression's self binding
    With,         // a `with` object environment (dynamic lookups)
    Caller,       // direct eval: the bindings of the calling code, visible by name
};

struct ScopeInfo {
    ScopeKind kind = ScopeKind::Block;
    ScopeInfo* parent = nullptr;
    FunctionInfo* function = nullptr;
    Node* node = nullptr;
    ArenaVector<Variable*> vars;
    // For With scopes: the local holding the with object.
    Variable* with_object = nullptr;
    // Names here may be shadowed at run time by eval-declared vars (sloppy direct eval).
    bool eval_var_scope = false;
    // A With scope standing for a function's direct-eval var object: consulted like a `with`
    // object but without @@unscopables, and calls through it get an undefined `this`.
    bool is_var_object = false;

    Variable* find(const AstString& name, bool private_name) const;
};

// One entry of a function's closure variable list: where the parent finds the cell when it
// creates the closure.
struct ClosureVar {
    AstString name;
    Variable* var;          // the captured binding (in some enclosing function)
    bool from_parent_local; // true: parent's local slot `index`; false: parent's closure var `index`
    uint32_t index;
};

struct FunctionInfo {
    CodeUnit* node = nullptr; // Program or FunctionNode
    FunctionInfo* parent = nullptr;
    ScopeInfo* outer = nullptr;         // the scope the function is created in (nullptr at top level)
    ScopeInfo* param_scope = nullptr;   // parameter scope (== var_scope for simple parameter lists)
    ScopeInfo* var_scope = nullptr;     // the body's var scope
    ScopeInfo* lexical_scope = nullptr; // top-level lexical declarations of the body (may == var_scope)

    ArenaVector<Variable*> locals; // every local slot, in index order
    uint32_t argument_count = 0;   // formal parameters (argument slots)
    ArenaVector<ClosureVar> closure_vars;

    // Special bindings (nullptr when unused).
    Variable* this_var = nullptr;
    Variable* new_target_var = nullptr;
    Variable* home_object_var = nullptr;
    Variable* arguments_var = nullptr;
    Variable* active_function_var = nullptr; // for class field initialization in constructors
    // Sloppy functions with direct eval: the object receiving the `var`s eval code declares.
    Variable* eval_var_object = nullptr;
    // Sloppy direct eval code: the caller's var object its `var`s are created on (a caller binding).
    Variable* eval_var_target = nullptr;

    bool is_strict = false;
    bool is_arrow = false;
    bool is_program = false;           // script/eval top level
    bool is_global_code = false;       // script or sloppy indirect/global eval: vars are global properties
    bool has_direct_eval = false;      // this function (or a nested arrow) calls eval directly
    bool has_dynamic_scope = false;    // some lookups must go through with objects / eval var objects
    bool separate_param_scope = false; // parameters with expressions: distinct var environment

    Variable* new_local(Arena&, const AstString& name, BindingKind, ScopeInfo*);
    // Index of `var` in this function's closure variables, adding it (and entries in the parents).
    uint32_t closure_index(Arena&, Variable* var);
};

// How an identifier reference resolves.
enum class ResolutionKind : uint8_t {
    Local,    // local slot
    Argument, // argument slot
    Closure,  // closure variable
    Global,   // global object property or global lexical binding, by name at run time
};

struct Resolution {
    ResolutionKind kind = ResolutionKind::Global;
    Variable* var = nullptr; // nullptr for Global
    uint32_t index = 0;      // slot or closure index
    // With scopes crossed before reaching the binding (innermost first): each with object must be
    // asked first at run time.
    ScopeInfo* withs[8] = {};
    uint32_t with_count = 0;
    bool through_eval_scope = false; // a sloppy direct eval may have declared the name
};

// Caller context of a direct eval, built by the compiler from the calling function's bytecode.
struct EvalCallerBinding {
    AstString name;
    BindingKind kind;
    bool from_caller_closure; // caller's closure variable `index`, else caller's register `index`
    uint32_t index;
    bool block_level = false; // a local of a block scope of the caller (not its var scope)
    bool param_level = false; // a parameter-scope local, seen from the caller's body
    // Private names (kind PrivateName) and private accessor setters (kind Special).
    uint8_t private_kind = 0;
    bool private_static = false;
    bool private_setter = false;
};

} // namespace qjs
