// Codegen.h: AST -> bytecode. One CodeGenerator compiles a whole Program (all nested functions);
// the per-function state is a FunctionState. The work is split by AST area over the Codegen*.cpp
// files.
#pragma once

#include "bytecode/Emitter.h"
#include "bytecode/FunctionBytecode.h"
#include "scope/ScopeAnalysis.h"

namespace qjs {

class Context;
class String;

// An entry of the break/continue/finally stack of a function.
struct ControlEntry {
    enum Kind : uint8_t {
        Loop,        // break/continue targets
        Switch,      // discriminant on the stack (dropped when leaving)
        LabelOnly,   // labelled non-loop statement: break only
        Finally,     // leaving runs the finally block (gosub)
        FinallyBody, // inside a finally block: the return address is on the stack (dropped)
        ForOf,       // iterator + next method on the stack: closed when leaving
        ForIn,       // for-in enumerator on the stack (dropped)
        Drop,        // one value on the stack (dropped when leaving)
        Destructure, // array destructuring: iterator + next on the stack, closed unless `done_reg`
    };
    Kind kind;
    ControlEntry* parent = nullptr;
    Label break_label = 0;
    Label continue_label = 0;
    bool has_continue = false;
    bool is_async = false;   // ForOf: async iteration (await the return() result)
    Label finally_label = 0; // Finally
    int32_t depth = 0;       // stack depth with the entry's own values on top (when pushed)
    uint32_t done_reg = 0;   // Destructure: register holding the iterator's done flag
    const AstString* labels[4] = {};
    uint32_t label_count = 0;
    bool accepts_unlabelled_break = false; // loops and switch
};

struct FunctionState {
    FunctionState* parent = nullptr;
    FunctionInfo* fi = nullptr;
    CodeUnit* node = nullptr;
    FunctionNode* fn = nullptr; // nullptr for Program
    Emitter em;
    ScopeInfo* scope = nullptr;
    ControlEntry* control = nullptr;
    Vector<uint32_t> free_temps;
    uint32_t completion_reg = UINT32_MAX; // script/eval completion value
    uint32_t dispose_reg = UINT32_MAX;    // the innermost `using` scope's DisposeCapability register
    bool is_generator = false;
    bool is_async = false;
    bool is_derived_ctor = false;
    bool in_field_init = false; // a field initializer / static block, or an arrow nested in one
    // Derived constructors: returns jump here with the value, outside every try block, so the
    // TypeError/ReferenceError of the return checks cannot be caught by the constructor itself.
    Label ctor_epilogue = 0;
    bool has_ctor_epilogue = false;
    // Scope descriptor index of each ScopeInfo of this function (direct eval).
    Vector<ScopeInfo*> scope_list;
    // Innermost optional chain: where a short-circuit jumps and the stack depth there.
    int32_t chain_depth = -1;
    Label chain_end = 0;
    bool chain_delete = false; // `delete a?.b` short-circuits to true
    // Pending labels for the next loop statement.
    const AstString* pending_labels[4] = {};
    uint32_t pending_label_count = 0;
};

// A scope with `using` declarations compiled like try/finally (CodegenUsing.cpp): the scope's
// DisposeCapability lives in `reg`; every exit disposes its resources.
struct DisposeRegion {
    ControlEntry* entry = nullptr; // nullptr: the scope has no `using` declarations
    uint32_t reg = UINT32_MAX;
    uint32_t saved_reg = UINT32_MAX;
    uint32_t start = 0;
    int32_t base = 0;
    bool is_async = false;
};

// A reference produced by evaluating an assignment target (values of its base on the stack).
struct Reference {
    enum Kind : uint8_t { Variable, Member, Computed, Super, Private, WithRef } kind = Variable;
    uint8_t base_count = 0; // values on the stack: 0, 1 (obj), 2 (obj key), 3 (this base key)
    Resolution res;         // Variable
    AstString name;         // Variable / Private
    Atom atom = 0;          // Member
    qjs::Variable* private_var = nullptr;
};

class CodeGenerator {
  public:
    CodeGenerator(Context& ctx, ScopeAnalysis& sa, String* source, Atom filename)
        : m_ctx(ctx), m_sa(sa), m_source(source), m_filename(filename) {}

    // Compiles the top level (script or eval code). New reference or nullptr (exception pending).
    FunctionBytecode* compile_program(Program* program);
    // Compiles one function (its closure is created by the caller). New reference or nullptr.
    FunctionBytecode* compile_function(FunctionNode* fn, FunctionState* parent, Atom name);

    bool failed() const { return m_failed; }

    // For direct eval: the ClosureVar descriptors of the eval function were preassigned.
    const EvalCallerBinding* m_eval_bindings = nullptr;

  private:
    friend struct ClassCompiler;
    // ---- CodegenFunctions.cpp ----
    FunctionBytecode* finish_function(FunctionState& fs, Atom name, uint32_t flags, uint32_t src_start,
                                      uint32_t src_end);
    void emit_prologue(FunctionState& fs);
    void emit_parameters(FunctionState& fs);
    void emit_function_declarations(FunctionState& fs, Scope* scope, ScopeInfo* si);
    void emit_closure(FunctionState& fs, FunctionNode* fn, Atom name);
    uint32_t add_function_constant(FunctionState& fs, FunctionBytecode* fb);
    void emit_global_declarations(FunctionState& fs, Program* program);
    bool emit_eval_declarations(FunctionState& fs, Program* program);
    bool check_eval_conflicts(FunctionState& fs, Program* program); // false: SyntaxError thrown
    void emit_return(FunctionState& fs, bool has_value);
    uint32_t new_temp(FunctionState& fs);
    void free_temp(FunctionState& fs, uint32_t reg);
    uint32_t reg_of(FunctionState& fs, Variable* v);
    uint32_t scope_index(FunctionState& fs, ScopeInfo* s);
    FunctionBytecode* compile_default_constructor(FunctionState& parent, ClassNode* cls, Atom name,
                                                  bool derived);

    // ---- CodegenStatements.cpp ----
    void emit_statement(FunctionState& fs, Node* n);
    void emit_statements(FunctionState& fs, const AstVector<Node*>& list);
    void enter_scope(FunctionState& fs, ScopeInfo* s, Scope* decls);
    void emit_block(FunctionState& fs, BlockStatement* b);
    void emit_variable_declaration(FunctionState& fs, VariableDeclaration* d);
    void emit_if(FunctionState& fs, IfStatement* s);
    void emit_while(FunctionState& fs, WhileStatement* s);
    void emit_do_while(FunctionState& fs, DoWhileStatement* s);
    void emit_for(FunctionState& fs, ForStatement* s);
    void emit_switch(FunctionState& fs, SwitchStatement* s);
    void emit_try(FunctionState& fs, TryStatement* s);
    void emit_break_continue(FunctionState& fs, Identifier* label, bool is_continue);
    void emit_labeled(FunctionState& fs, LabeledStatement* s);
    void emit_with(FunctionState& fs, WithStatement* s);
    // Unwinds control entries from the innermost up to (excluding) `target` (nullptr: all).
    void unwind_to(FunctionState& fs, ControlEntry* target);
    ControlEntry* push_control(FunctionState& fs, ControlEntry::Kind kind);
    void pop_control(FunctionState& fs);
    void take_pending_labels(FunctionState& fs, ControlEntry* e);

    // ---- CodegenUsing.cpp ----
    // Starts disposing what `using` declarations of `scope` add (no-op without any).
    DisposeRegion begin_dispose_region(FunctionState& fs, Scope* scope);
    void end_dispose_region(FunctionState& fs, DisposeRegion& r);
    // AddDisposableResource for the value on top of the stack (kept) when `kind` is a using kind.
    void emit_dispose_add(FunctionState& fs, DeclarationKind kind);

    // ---- CodegenModules.cpp ----
    FunctionBytecode* compile_module_program(Program* program);
    void emit_module_item(FunctionState& fs, Node* n); // import/export declarations
    void emit_import_call(FunctionState& fs, ImportCall* n);

    // ---- CodegenIteration.cpp ----
    void emit_for_in(FunctionState& fs, ForInStatement* s);
    void emit_for_of(FunctionState& fs, ForOfStatement* s);
    void emit_for_each_target(FunctionState& fs, Node* left, Scope* scope);
    void emit_yield(FunctionState& fs, YieldExpression* y);
    void emit_yield_star(FunctionState& fs, YieldExpression* y);
    void emit_await(FunctionState& fs);

    // ---- CodegenExpressions.cpp ----
    void emit_expression(FunctionState& fs, Node* n);
    void emit_expression_named(FunctionState& fs, Node* n, Atom name); // NamedEvaluation
    void emit_expression_drop(FunctionState& fs, Node* n);
    void emit_condition_jump(FunctionState& fs, Node* n, Label target, bool jump_if);
    void emit_identifier(FunctionState& fs, Identifier* id, bool for_typeof);
    void emit_get_resolution(FunctionState& fs, const Resolution& r, const AstString& name, bool for_typeof);
    void emit_put_resolution(FunctionState& fs, const Resolution& r, const AstString& name, bool init);
    void emit_store_name(FunctionState& fs, ScopeInfo* scope, const AstString& name, bool init);
    void emit_load_variable(FunctionState& fs, Variable* v);
    void emit_store_variable(FunctionState& fs, Variable* v, bool init);
    void emit_this(FunctionState& fs);
    void emit_unary(FunctionState& fs, UnaryExpression* u);
    void emit_delete(FunctionState& fs, Node* arg);
    void emit_update(FunctionState& fs, UpdateExpression* u, bool need_value);
    void emit_binary(FunctionState& fs, BinaryExpression* b);
    void emit_logical(FunctionState& fs, LogicalExpression* l);
    void emit_assignment(FunctionState& fs, AssignmentExpression* a, bool need_value);
    void emit_call(FunctionState& fs, CallExpression* c);
    void emit_super_call(FunctionState& fs, CallExpression* c);
    void emit_new(FunctionState& fs, NewExpression* n);
    // Pushes the arguments; returns the count, or -1 when they were collected into an array (spread).
    int32_t emit_arguments(FunctionState& fs, const AstVector<Node*>& args);
    void emit_member(FunctionState& fs, MemberExpression* m, bool keep_object);
    void emit_chain(FunctionState& fs, ChainExpression* c);
    void emit_optional_check(FunctionState& fs);
    void emit_array(FunctionState& fs, ArrayExpression* a);
    void emit_object(FunctionState& fs, ObjectExpression* o);
    void emit_template(FunctionState& fs, TemplateLiteral* t);
    void emit_tagged_template(FunctionState& fs, TaggedTemplateExpression* t);
    void emit_string(FunctionState& fs, const AstString& s);
    void emit_number(FunctionState& fs, double v);
    // Pushes a constant of the function's pool.
    void emit_constant(FunctionState& fs, Value v);
    // The value of a BigInt literal (undefined after fail_oom).
    Value bigint_literal_value(const BigIntLiteral* b);
    void emit_property_key(FunctionState& fs, Node* key, bool computed); // pushes the key value
    Atom property_key_atom(Node* key);                                   // non-computed key -> atom
    void emit_private_name_value(FunctionState& fs, Variable* v);
    void emit_home_object(FunctionState& fs);

    // References (assignment targets).
    // Pushes the base values. `compound`: the target is read then written (one resolution).
    Reference emit_reference(FunctionState& fs, Node* target, bool compound = false);
    void emit_reference_get(FunctionState& fs, const Reference& r, bool keep_base);
    void emit_reference_put(FunctionState& fs, const Reference& r, bool keep_value);
    void emit_dup_base(FunctionState& fs, uint8_t count);

    // ---- CodegenPatterns.cpp ----
    // Binds/assigns the value on top of the stack (consumed) to a pattern or target.
    // init: declaration binding initialization (let/const/var/params), else assignment.
    void emit_pattern(FunctionState& fs, Node* target, bool init);
    void emit_object_pattern(FunctionState& fs, ObjectPattern* p, bool init);
    void emit_array_pattern(FunctionState& fs, ArrayPattern* p, bool init);
    void emit_default_value(FunctionState& fs, Node* target, Node* value);
    void emit_reference_target_put(FunctionState& fs, Node* element, const Reference& ref);
    Node* reference_target(FunctionState& fs, Node* target);

    // ---- CodegenClasses.cpp ----
    void emit_class(FunctionState& fs, ClassNode* cls, Atom name);

    // ---- helpers ----
    Atom atom_of(const AstString& s);
    Atom binding_atom(Variable* v);
    Atom atom_of_ascii(const char* s);
    void set_position(FunctionState& fs, Node* n) { fs.em.set_position(n->line(), n->column()); }
    void fail_oom();

    Context& m_ctx;
    ScopeAnalysis& m_sa;
    String* m_source;
    Atom m_filename;
    bool m_failed = false;
};

bool is_anonymous_function_definition(Node* n);

// Debugging aid for tests: functions compiled with inconsistent stack depths at a label.
extern uint32_t g_codegen_depth_mismatches;

} // namespace qjs
