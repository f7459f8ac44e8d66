// ParserImpl.h: the recursive-descent parser's internal state, shared by the Parse*.cpp files.
#pragma once

#include "lexer/Lexer.h"
#include "parser/Parser.h"
#include "parser/ScopeTracker.h"

namespace qjs {

// Parser-internal Node::flags bit (not part of the AST contract): an array/object literal had a
// spread followed by a comma, so it cannot be reinterpreted as a pattern with a rest element.
constexpr uint8_t NodeFlagInternalRestNotLast = 1 << 7;

// Per function (or Program, class field initializer, static block) parsing state.
struct FunctionState {
    CodeUnit* unit = nullptr;
    FunctionNode* fn = nullptr; // nullptr for the Program
    FunctionState* parent = nullptr;
    bool is_async = false;
    bool is_generator = false;
    bool is_arrow = false;
    bool strict = false;
    FunctionKind kind = FunctionKind::Normal;
    bool allow_super_property = false;
    bool allow_super_call = false;
    bool allow_new_target = false;
    bool arguments_forbidden = false; // class field initializers and static blocks
    bool await_reserved = false;      // static blocks: `await` can be neither identifier nor expression
    bool in_parameters = false;       // parsing this function's formal parameters
    ScopeState* var_scope = nullptr;
    Identifier* duplicate_parameter = nullptr; // first repeated parameter name
    ArenaVector<Identifier*> parameter_ids;    // for re-validation when a directive makes it strict

    struct Label {
        const char16_t* name;
        bool is_loop;
    };
    ArenaVector<Label> labels;
    uint32_t breakable_depth = 0;
    uint32_t iteration_depth = 0;
    uint32_t pending_labels = 0; // labels directly preceding the statement being parsed
};

// Per class body state (private names).
struct ClassState {
    ClassState* parent = nullptr;
    ClassNode* node = nullptr;
    struct Reference {
        const char16_t* name;
        uint32_t offset, line, column;
        uint32_t length;
    };
    ArenaVector<Reference> references; // private names used, checked when the class ends
};

// Facts gathered while parsing an expression that may turn out to be a pattern or arrow parameters
// (the cover grammars). Offsets are of the first occurrence; 0 means none (offset+1 is stored).
struct CoverInfo {
    uint32_t shorthand_init = 0; // `{a = 1}`: only valid as a pattern
    uint32_t shorthand_init_line = 0, shorthand_init_column = 0;
    uint32_t double_proto = 0; // duplicate __proto__: only valid as a pattern
    uint32_t double_proto_line = 0, double_proto_column = 0;
};

// Counters of things that make a parenthesized expression invalid as arrow parameters or that must
// be transferred to an arrow function parsed afterwards.
struct UseCounters {
    uint32_t yield_expressions = 0;
    uint32_t await_expressions = 0;
    uint32_t await_identifiers = 0;
    uint32_t this_uses = 0;
    uint32_t arguments_uses = 0;
    uint32_t super_property_uses = 0;
    uint32_t super_call_uses = 0;
    uint32_t new_target_uses = 0;
    uint32_t direct_evals = 0;
};

class Parser {
  public:
    Parser(Arena& arena, const char* source, size_t length, const ParseOptions& options);
    Program* parse_program();
    ParseResult parse_dynamic_function(DynamicFunctionKind kind, const char* params, size_t params_length,
                                       const char* body, size_t body_length);
    const ParseError& error() const { return m_error; }

    // ---- tokens (Parser.cpp)
    void advance();
    bool at(Tok t) const { return m_tok.type == t; }
    bool eat(Tok t) {
        if (m_tok.type != t) return false;
        advance();
        return true;
    }
    bool expect(Tok t);
    bool consume_semicolon();
    Token peek();
    Token peek2(Token* second);
    bool failed() const { return m_error.message != nullptr; }
    std::nullptr_t fail(const char* message);
    std::nullptr_t fail_at(const Token& t, const char* message);
    std::nullptr_t fail_at_offset(uint32_t offset, uint32_t line, uint32_t column, const char* message);
    std::nullptr_t fail_at_node(const Node* n, const char* message);
    std::nullptr_t fail_unexpected();
    std::nullptr_t fail_oom();
    bool enter_depth();
    void leave_depth() { m_depth--; }

    template <typename T> T* make_node(const Token& start) {
        T* n = m_arena.make<T>();
        if (!n) {
            fail_oom();
            return nullptr;
        }
        n->set_position(start.line, start.column);
        n->start = start.start;
        return n;
    }
    template <typename T> T* make_node_at(const Node* start) {
        T* n = m_arena.make<T>();
        if (!n) {
            fail_oom();
            return nullptr;
        }
        n->set_position(start->line(), start->column());
        n->start = start->start;
        return n;
    }
    template <typename T> T* make_node_kind(NodeKind kind, const Token& start) {
        T* n = m_arena.make<T>(kind);
        if (!n) {
            fail_oom();
            return nullptr;
        }
        n->set_position(start.line, start.column);
        n->start = start.start;
        return n;
    }
    template <typename T> T* finish(T* n) {
        n->end = m_prev_end;
        return n;
    }
    template <typename T> bool push(ArenaVector<T>& v, const T& value) {
        if (!v.push_back(m_arena, value)) {
            fail_oom();
            return false;
        }
        return true;
    }
    Scope* new_scope();

    // ---- identifiers and context (Parser.cpp)
    bool strict() const { return m_fn->strict; }
    bool yield_is_keyword() const { return m_fn->is_generator || m_fn->strict; }
    bool await_is_keyword() const { return m_fn->is_async || m_module || m_fn->await_reserved; }
    // The current token can start a BindingIdentifier/IdentifierReference here.
    bool at_identifier() const;
    // Validates the current token as IdentifierReference/BindingIdentifier/LabelIdentifier and
    // returns an Identifier node (advancing). `binding`: also reject eval/arguments in strict mode.
    Identifier* parse_identifier(bool binding);
    bool check_identifier_token(const Token& t, bool binding);
    bool check_binding_name(const Identifier* id); // eval/arguments in strict + reserved words
    Identifier* make_identifier(const Token& t);
    void note_use_this();
    void note_use_arguments();
    void note_use_super_property();
    void note_use_super_call();
    void note_use_new_target();

    // ---- program and directives (Parser.cpp)
    bool parse_directives(AstVector<Node*>& body, bool& became_strict);
    bool parse_source_elements(AstVector<Node*>& body, Tok end_token);
    bool finish_function_state(FunctionState& fs);

    // ---- statements (ParseStatements.cpp)
    Node* parse_statement_list_item();
    Node* parse_statement();
    Node* parse_block_statement(ScopeState* preset = nullptr);
    BlockStatement* parse_block_with_scope(ScopeKind kind, ScopeState* parent_catch);
    VariableDeclaration* parse_variable_declaration(DeclarationKind kind, bool in, bool for_head,
                                                    bool* single_no_init);
    Node* parse_if();
    Node* parse_for();
    Node* parse_while();
    Node* parse_do_while();
    Node* parse_return();
    Node* parse_break_continue(bool is_break);
    Node* parse_throw();
    Node* parse_try();
    Node* parse_switch();
    Node* parse_with();
    Node* parse_labeled_or_expression(uint32_t pending);
    Node* parse_expression_statement();
    Node* parse_loop_body();
    bool at_let_declaration();
    // `using` / `await using` starts a UsingDeclaration / AwaitUsingDeclaration here. `for_head`:
    // `for (using of` is an identifier `using` followed by `of`.
    bool at_using_declaration(bool for_head);
    bool at_await_using_declaration();
    // Parses a UsingDeclaration / AwaitUsingDeclaration statement (with its early errors).
    Node* parse_using_declaration(bool is_await);
    bool declare_pattern_names(Node* pattern, DeclarationKind kind);

    // ---- expressions (ParseExpressions.cpp)
    Node* parse_expression(bool in, CoverInfo* cover = nullptr);
    Node* parse_assignment(bool in, CoverInfo* cover = nullptr);
    Node* parse_conditional(bool in, CoverInfo* cover);
    Node* parse_binary(int min_precedence, bool in, CoverInfo* cover);
    Node* parse_unary(CoverInfo* cover);
    Node* parse_update(CoverInfo* cover);
    Node* parse_lhs(CoverInfo* cover, bool allow_call = true);
    Node* parse_member_tail(Node* expr, const Token& start, bool allow_call, bool& in_chain);
    Node* parse_primary(CoverInfo* cover);
    Node* parse_paren_or_arrow(CoverInfo* cover);
    Node* parse_array_literal(CoverInfo* cover);
    Node* parse_object_literal(CoverInfo* cover);
    Node* parse_template(Node* tag, const Token& start);
    Node* parse_new();
    Node* parse_super();
    Node* parse_import_expression(const Token& start);
    bool parse_arguments(AstVector<Node*>& args);
    Node* parse_yield(bool in);
    Node* parse_property_name(bool& computed, bool allow_private, Token& key_token);
    Node* make_literal_from_token(const Token& t);
    Node* parse_async_arrow_or_call(CoverInfo* cover);
    void check_cover(const CoverInfo& cover, bool as_pattern);
    bool validate_expression(CoverInfo& cover);

    // ---- patterns (ParsePatterns.cpp)
    Node* parse_binding_target();  // BindingIdentifier or BindingPattern
    Node* parse_binding_element(); // target with optional default
    Node* parse_binding_pattern();
    // Converts an expression to an assignment target (destructuring assignment or for-in/of head).
    Node* to_assignment_target(Node* expr, bool is_pattern_leaf);
    // Converts an arrow parameter expression to a binding pattern.
    Node* to_binding_target(Node* expr);
    // `web_compat_call`: Annex B runtime errors for function call assignment targets (sloppy mode,
    // not for logical assignment or inside destructuring patterns).
    bool is_simple_assignment_target(Node* expr, bool web_compat_call = false);
    bool collect_bound_names(Node* pattern, AstVector<Identifier*>& out);

    // ---- functions (ParseFunctions.cpp)
    FunctionNode* parse_function(const Token& start, NodeKind kind, bool is_async, bool is_statement,
                                 bool default_export);
    FunctionNode* parse_method_function(const Token& start, FunctionKind kind, bool is_async,
                                        bool is_generator, bool derived_or_super_allowed);
    bool parse_formal_parameters(FunctionNode* fn);
    bool parse_function_body(FunctionNode* fn, FunctionState& fs, bool expression_body_allowed);
    Node* parse_arrow_function(const Token& start, AstVector<Node*>* params, Identifier* single,
                               bool is_async, const UseCounters& before_params);
    bool validate_parameters(FunctionNode* fn, bool strict_now, bool unique_required);
    void begin_function_state(FunctionState& fs, CodeUnit* unit, FunctionNode* fn, FunctionKind kind,
                              bool is_async, bool is_generator, bool is_arrow);
    void end_function_state(FunctionState& fs);

    // ---- classes (ParseClasses.cpp)
    ClassNode* parse_class(const Token& start, bool is_statement, bool default_export);
    bool parse_class_element(ClassNode* cls, bool& seen_constructor);
    void use_private_name(const Token& t);
    bool finish_class_private_names(ClassState& cs);

    // ---- modules (ParseModules.cpp)
    Node* parse_import_declaration();
    Node* finish_import_from(ImportDeclaration* decl);
    Node* parse_export_declaration();
    bool parse_module_export_name(AstString& name, Node*& node, bool& is_string);
    StringLiteral* parse_module_specifier();
    bool parse_import_attributes(AstVector<ImportAttribute>& out);
    bool check_module_exports();

    // ---- declarations (EarlyErrors.cpp)
    bool declare_var(Identifier* id);
    bool declare_lexical(Identifier* id, DeclarationKind kind);
    bool declare_function(FunctionNode* fn);
    bool declare_parameter(Identifier* id);
    void push_scope(ScopeState& s, ScopeKind kind, Scope* scope);
    bool pop_scope(ScopeState& s);

    Arena& m_arena;
    ParseOptions m_options;
    Interner m_interner;
    Lexer m_lexer;
    Token m_tok;
    uint32_t m_prev_end = 0;
    uint32_t m_prev_line = 1; // line of the previous token's end (for error positions)
    ParseError m_error;
    bool m_module = false;
    uint32_t m_depth = 0;
    FunctionState* m_fn = nullptr;
    ScopeState* m_scope = nullptr;
    ClassState* m_class = nullptr;
    ScopeState* m_top_scope = nullptr;
    UseCounters m_counters;
    bool m_in_class_field_init = false;
    // The [In] parameter of the innermost AssignmentExpression being parsed: an arrow function's
    // concise body takes it (`for (x => 0 in o;;)` is not a for(;;) loop).
    bool m_assignment_in = true;

    // Interned well-known names for pointer comparisons.
    const char16_t* m_name_eval = nullptr;
    const char16_t* m_name_arguments = nullptr;
    const char16_t* m_name_let = nullptr;
    const char16_t* m_name_async = nullptr;
    const char16_t* m_name_constructor = nullptr;
    const char16_t* m_name_proto = nullptr;
    const char16_t* m_name_prototype = nullptr;
    const char16_t* m_name_default_binding = nullptr;

    // Module export names, for duplicate detection, and local names exported (checked at the end).
    ArenaVector<const char16_t*> m_exported_names_interned;
    ArenaVector<AstString> m_exported_string_names;
    ArenaVector<Identifier*> m_exported_locals;
};

// Decl helper: an RAII-free depth guard used as `if (!enter_depth()) return nullptr; ... leave_depth();`
} // namespace qjs
