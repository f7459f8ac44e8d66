// Ast.h: the abstract syntax tree produced by the parser and consumed by scope analysis and the
// bytecode compiler. This header is a contract between stages: additions are fine, changes are not.
//
// Conventions
// - Node names and field names follow ESTree (https://github.com/estree/estree) where possible.
// - All nodes and lists live in the parse Arena and die with it. Nodes are plain structs: there is
//   no ownership, no destructors, no virtual functions. Downcast with `as<T>(node)` after checking
//   `node->kind` (the debug build asserts the kind).
// - Optional children are nullptr when absent.
// - Every node has `line`/`column` (1-based; column counts UTF-16 code units from the line start,
//   plus one) of its first token, and [start, end) byte offsets into the UTF-8 source. For
//   functions and classes [start, end) is exactly the source text Function.prototype.toString
//   must return (see FunctionNode for the precise rules).
// - Strings are UTF-16 (AstString). Identifier names (Identifier, PrivateIdentifier, labels,
//   property names written as identifiers, import/export names written as identifiers) are
//   interned per parse: equal names have equal `data` pointers, so `a.data == b.data` compares
//   names. String literal values are NOT interned and may contain lone surrogates.
// - Early errors are all detected by the parser: a Program that is returned is valid.
#pragma once

#include "parser/Arena.h"
#include "parser/ImportPhase.h"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace qjs {

// ---------------------------------------------------------------------------------------------
// Strings and lists

struct AstString {
    const char16_t* data = nullptr;
    uint32_t length = 0;

    bool empty() const { return length == 0; }
    // Content comparison (use pointer comparison for interned identifier names).
    bool equals(const AstString& other) const {
        if (length != other.length) return false;
        for (uint32_t i = 0; i < length; i++)
            if (data[i] != other.data[i]) return false;
        return true;
    }
    bool equals_ascii(const char* s) const {
        uint32_t i = 0;
        for (; i < length; i++, s++)
            if (*s == 0 || data[i] != char16_t(static_cast<unsigned char>(*s))) return false;
        return *s == 0;
    }
};

template <typename T> using AstVector = ArenaVector<T>;

// ---------------------------------------------------------------------------------------------
// Node kinds

enum class NodeKind : uint8_t {
#define X(kind, type) kind,
#include "parser/AstNodes.def"
#undef X
};

const char* node_kind_name(NodeKind kind);

// Node::flags bits.
enum NodeFlag : uint8_t {
    // The expression was written in parentheses, e.g. `(a) = f` or `(function () {})`. Matters for
    // NamedEvaluation (`(a) = function () {}` does not name the function) and is otherwise ignorable.
    NodeFlagParenthesized = 1 << 0,
};

// 16 bytes, so that a node's pointer fields follow the header without padding: line and column take
// 24 bits each (past 16,777,215 they read as that value: positions only feed messages and debug info).
struct Node {
    NodeKind kind;
    uint8_t flags = 0;

  private:
    uint16_t m_line_low = 0;
    uint32_t m_column_and_line_high = 0; // column in the low 24 bits, line >> 16 in the high 8

  public:
    uint32_t start = 0; // byte offset of the first byte of the node's source text
    uint32_t end = 0;   // byte offset one past the last byte

    static constexpr uint32_t kMaxPosition = 0xffffff;

    explicit Node(NodeKind k) : kind(k) {}
    bool is(NodeKind k) const { return kind == k; }
    bool is_parenthesized() const { return flags & NodeFlagParenthesized; }
    uint32_t line() const { return ((m_column_and_line_high >> 24) << 16) | m_line_low; }
    uint32_t column() const { return m_column_and_line_high & kMaxPosition; }
    void set_position(uint32_t line, uint32_t column) {
        if (line > kMaxPosition) line = kMaxPosition;
        if (column > kMaxPosition) column = kMaxPosition;
        m_line_low = static_cast<uint16_t>(line);
        m_column_and_line_high = ((line >> 16) << 24) | column;
    }
};
static_assert(sizeof(Node) == 16, "pointer fields of nodes follow the header without padding");

// ---------------------------------------------------------------------------------------------
// Declarations and scopes
//
// Scope analysis needs, for every node that creates an environment, the names it declares. The
// parser records them in a `Scope` attached to the node:
//   Program::scope, FunctionNode::scope            always present (never nullptr)
//   BlockStatement, ForStatement, ForInStatement,
//   ForOfStatement, SwitchStatement ::scope        nullptr when the node declares nothing lexical
//   CatchClause::scope                             present when there is a catch parameter
//   ClassNode                                      no Scope: the inner class-name binding is `id`
//                                                  and private names are in `private_names`.
//
// Which lists are used where:
//   var_names              only in Program/FunctionNode scopes. Every name hoisted to the function
//                          (or script/eval) level by `var` anywhere in the body (including nested
//                          blocks, `for (var ...)`, and `for (var ... in/of)`), plus Annex B
//                          function-in-block names that are hoisted (see FunctionNode::
//                          annex_b_hoisted). Deduplicated, in source order. Does NOT include
//                          parameters (FunctionNode::parameter_names) nor top-level function
//                          declarations (function_declarations), even if the same name is also
//                          declared with var.
//   lexical_declarations   let/const/class declared directly in this scope; in blocks, switch
//                          case blocks and module top level also `function` declarations (kind
//                          Function); catch parameters (kind CatchParameter) in CatchClause
//                          scopes. In for heads, the let/const of the head.
//   function_declarations  the FunctionDeclaration nodes to instantiate when entering the scope,
//                          in source order (when a name is declared twice, the last one wins).
//                          In Program (script) and FunctionNode scopes these are var-scoped
//                          bindings; in blocks/switch/module they are lexical and also appear in
//                          lexical_declarations.
enum class DeclarationKind : uint8_t {
    Var,
    Let,
    Const,
    Class,
    Function,       // a function declaration in a block, switch, or module top level (lexical)
    CatchParameter, // a name bound by a catch clause parameter
    Import,         // an import binding (module top level; immutable, indirect)
    Using,          // `using` (immutable like const; the value is disposed when the scope is left)
    AwaitUsing,     // `await using`
};

struct Declaration {
    AstString name; // interned
    DeclarationKind kind;
    Node* node; // the Identifier in the declaring position (or the FunctionNode/ClassNode)
};

struct FunctionNode;

struct Scope {
    AstVector<AstString> var_names;
    AstVector<Declaration> lexical_declarations;
    AstVector<FunctionNode*> function_declarations;
};

// ---------------------------------------------------------------------------------------------
// Operators

enum class UnaryOp : uint8_t { Minus, Plus, Not, BitNot, Typeof, Void, Delete };
enum class UpdateOp : uint8_t { Increment, Decrement };
enum class BinaryOp : uint8_t {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp, // + - * / % **
    Shl,
    Sar,
    Shr, // << >> >>>
    BitAnd,
    BitOr,
    BitXor, // & | ^
    Eq,
    Ne,
    StrictEq,
    StrictNe, // == != === !==
    Lt,
    Le,
    Gt,
    Ge, // < <= > >=
    In,
    Instanceof,
};
enum class LogicalOp : uint8_t { And, Or, Coalesce }; // && || ??
enum class AssignOp : uint8_t {
    Assign, // =
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Exp, // += -= *= /= %= **=
    Shl,
    Sar,
    Shr, // <<= >>= >>>=
    BitAnd,
    BitOr,
    BitXor, // &= |= ^=
    And,
    Or,
    Coalesce, // &&= ||= ??= (short-circuiting)
};

const char* unary_op_name(UnaryOp);
const char* binary_op_name(BinaryOp);
const char* logical_op_name(LogicalOp);
const char* assign_op_name(AssignOp);

// ---------------------------------------------------------------------------------------------
// Program and functions

enum class FunctionKind : uint8_t {
    Normal, // function declarations/expressions and arrows
    Method, // object literal or class method (has a home object; no [[Construct]])
    Getter,
    Setter,
    ClassConstructor,      // constructor of a class without `extends`
    DerivedConstructor,    // constructor of a class with `extends` (super() allowed)
    ClassFieldInitializer, // synthetic: the initializer expression of one class field
    ClassStaticBlock,      // synthetic: the body of one `static { ... }` block
};

// Fields shared by Program and FunctionNode: the things scope analysis and code generation need to
// know about one unit of code (a function body, or the script/module/eval top level).
struct CodeUnit : Node {
    using Node::Node;

    // Statements of the body. For a FunctionNode with `expression_body`, this is empty and
    // FunctionNode::body_expression is the body.
    AstVector<Node*> body;
    Scope* scope = nullptr; // never nullptr once parsed

    bool is_strict = false;       // inherited from the enclosing code or set by a "use strict" directive
    bool has_direct_eval = false; // a direct `eval(...)` call appears in this unit (not in nested functions;
                                  // arrows are nested functions: an eval inside an arrow sets it on
                                  // the arrow, and sets the uses_* flags below on enclosing units)
    bool uses_arguments = false;  // `arguments` referenced here or in nested arrows
    bool uses_this = false;       // `this` here or in nested arrows (also `super` uses `this`)
    bool uses_super_property = false; // `super.x` / `super[x]` here or in nested arrows
    bool uses_super_call = false;     // `super(...)` here or in nested arrows
    bool uses_new_target = false;     // `new.target` here or in nested arrows
    bool contains_with = false;       // a `with` statement appears here (not in nested functions)
    // Propagation rule for the uses_* flags: a use inside an arrow function sets the flag on the
    // arrow AND on every enclosing arrow up to and including the nearest non-arrow unit (function,
    // class field initializer, static block, or Program). A direct eval inside an arrow counts as a
    // use of this/arguments/new.target/super property for the enclosing non-arrow unit (and of
    // super call when that is a derived constructor), since eval code can refer to them.
    // `arguments` inside a class field initializer or static block is an early error.
};

// How a Program was parsed (from ParseOptions).
enum class ProgramKind : uint8_t { Script, Module, Eval };

struct Program : CodeUnit {
    Program() : CodeUnit(NodeKind::Program) {}
    ProgramKind program_kind = ProgramKind::Script;
    // For Eval: the eval code's own var/function declarations are in `scope` as for scripts. Whether
    // they go to the caller's var environment (sloppy direct eval) or a fresh one (strict) is
    // decided by the compiler from is_strict.
};

struct Identifier;
struct ClassNode;

// FunctionDeclaration, FunctionExpression, ArrowFunctionExpression, and the functions of methods,
// getters, setters, constructors, class field initializers and static blocks.
//
// Source range [start, end) (for Function.prototype.toString):
//   function declarations/expressions: from `async`/`function` to the closing `}`
//   arrows: from the first parameter token (or `async`) to the end of the body
//   methods/getters/setters (object literals and classes): from the first token of the
//     MethodDefinition (`get`, `set`, `async`, `*`, or the key; `static` excluded) to `}`
//   class constructors: the ClassNode's range is used instead (toString of a class is its source)
//   field initializers: the initializer expression; static blocks: from `static` to `}`
struct FunctionNode : CodeUnit {
    using CodeUnit::CodeUnit;

    // The binding identifier: declarations and named function expressions. nullptr for anonymous
    // functions, arrows, and methods (a method's name comes from its key, see ClassElement/Property).
    Identifier* id = nullptr;
    // True for a FunctionExpression with an `id`: the name is bound (immutably) in a scope between
    // the enclosing scope and the function's own scope.
    bool has_self_binding = false;

    FunctionKind function_kind = FunctionKind::Normal;
    bool is_arrow = false;
    bool is_async = false;
    bool is_generator = false;
    // Arrow with a concise body `x => x + 1`: body_expression is the returned expression.
    bool expression_body = false;
    Node* body_expression = nullptr;

    // Parameters: Identifier, ObjectPattern, ArrayPattern, AssignmentPattern (default value), or a
    // final RestElement.
    AstVector<Node*> params;
    // All names bound by the parameters, in order (duplicates kept only in sloppy simple lists).
    AstVector<AstString> parameter_names;
    bool has_simple_parameter_list = true; // only plain identifiers: no defaults, patterns, rest
    uint32_t expected_argument_count = 0;  // the `length` property: params before the first default/rest

    // Annex B.3.3: a sloppy-mode function declaration in a block whose name is also var-bound in the
    // enclosing function (listed in its Scope::var_names). When the declaration is evaluated, the
    // block binding's value is copied to the var binding.
    bool annex_b_hoisted = false;
    // `arguments` would be shadowed by a parameter or a lexical/function declaration named
    // "arguments" at the top level of the body: no arguments object is needed.
    bool arguments_shadowed = false;
};

// ---------------------------------------------------------------------------------------------
// Classes

enum class ClassElementKind : uint8_t {
    Method,
    Getter,
    Setter,
    Constructor, // the `constructor(...) {}` method; also referenced from ClassNode::constructor
    Field,
    StaticBlock,
};

// One element of a class body.
//   key: Identifier (non-computed name), StringLiteral, NumericLiteral, BigIntLiteral,
//        PrivateIdentifier, or any expression when `computed`. nullptr for StaticBlock.
//   value: for Method/Getter/Setter/Constructor the method's function (function_kind Method,
//        Getter, Setter, ClassConstructor or DerivedConstructor); for Field with an initializer a
//        synthetic FunctionNode (function_kind ClassFieldInitializer, expression_body = true,
//        body_expression = the initializer), nullptr when the field has no initializer; for
//        StaticBlock a synthetic FunctionNode (ClassStaticBlock) whose body is the block's statements.
struct ClassElement : Node {
    ClassElement() : Node(NodeKind::ClassElement) {}
    ClassElementKind element_kind = ClassElementKind::Method;
    bool is_static = false;
    bool computed = false;
    Node* key = nullptr;
    FunctionNode* value = nullptr;
};

enum class PrivateNameKind : uint8_t { Field, Method, Getter, Setter, Accessor /* getter + setter */ };

struct PrivateNameDeclaration {
    AstString name; // interned, without the '#'
    PrivateNameKind kind;
    bool is_static;
};

// ClassDeclaration and ClassExpression. Source range is from `class` to the closing `}`
// (decorators are not supported).
struct ClassNode : Node {
    using Node::Node;
    Identifier* id = nullptr;            // nullptr for anonymous class expressions
    Node* super_class = nullptr;         // the `extends` expression
    AstVector<ClassElement*> body;       // in source order, including the constructor
    FunctionNode* constructor = nullptr; // nullptr: the compiler synthesizes the default constructor
    AstVector<PrivateNameDeclaration> private_names; // declared in this class body (getter+setter merged)
};

// ---------------------------------------------------------------------------------------------
// Statements

struct VariableDeclarator : Node {
    VariableDeclarator() : Node(NodeKind::VariableDeclarator) {}
    Node* id = nullptr;   // Identifier, ObjectPattern or ArrayPattern
    Node* init = nullptr; // nullptr when absent
};

struct VariableDeclaration : Node {
    VariableDeclaration() : Node(NodeKind::VariableDeclaration) {}
    DeclarationKind declaration_kind = DeclarationKind::Var; // Var, Let or Const
    AstVector<VariableDeclarator*> declarations;
};

struct ExpressionStatement : Node {
    ExpressionStatement() : Node(NodeKind::ExpressionStatement) {}
    Node* expression = nullptr;
    // The statement is part of a directive prologue (e.g. "use strict"); the expression is the
    // StringLiteral.
    bool is_directive = false;
};

struct BlockStatement : Node {
    BlockStatement() : Node(NodeKind::BlockStatement) {}
    AstVector<Node*> body;
    Scope* scope = nullptr;
};

struct EmptyStatement : Node {
    EmptyStatement() : Node(NodeKind::EmptyStatement) {}
};

struct DebuggerStatement : Node {
    DebuggerStatement() : Node(NodeKind::DebuggerStatement) {}
};

struct IfStatement : Node {
    IfStatement() : Node(NodeKind::IfStatement) {}
    Node* test = nullptr;
    Node* consequent = nullptr;
    Node* alternate = nullptr;
};

// for (init; test; update) body. `init` is a VariableDeclaration, an expression, or nullptr.
// `scope` holds the let/const names of the head (per-iteration bindings when let).
struct ForStatement : Node {
    ForStatement() : Node(NodeKind::ForStatement) {}
    Node* init = nullptr;
    Node* test = nullptr;
    Node* update = nullptr;
    Node* body = nullptr;
    Scope* scope = nullptr;
};

// for (left in right) body. `left` is a VariableDeclaration with exactly one declarator (whose
// `init` is nullptr, except the Annex B `for (var x = 1 in o)` in sloppy mode), or an assignment
// target: Identifier, MemberExpression, ObjectPattern, ArrayPattern (patterns converted from the
// cover grammar).
struct ForInStatement : Node {
    ForInStatement() : Node(NodeKind::ForInStatement) {}
    Node* left = nullptr;
    Node* right = nullptr;
    Node* body = nullptr;
    Scope* scope = nullptr;
};

// for (left of right) body and for await (left of right) body; `left` as in ForInStatement.
struct ForOfStatement : Node {
    ForOfStatement() : Node(NodeKind::ForOfStatement) {}
    Node* left = nullptr;
    Node* right = nullptr;
    Node* body = nullptr;
    Scope* scope = nullptr;
    bool is_await = false;
};

struct WhileStatement : Node {
    WhileStatement() : Node(NodeKind::WhileStatement) {}
    Node* test = nullptr;
    Node* body = nullptr;
};

struct DoWhileStatement : Node {
    DoWhileStatement() : Node(NodeKind::DoWhileStatement) {}
    Node* body = nullptr;
    Node* test = nullptr;
};

struct ReturnStatement : Node {
    ReturnStatement() : Node(NodeKind::ReturnStatement) {}
    Node* argument = nullptr;
};

struct BreakStatement : Node {
    BreakStatement() : Node(NodeKind::BreakStatement) {}
    Identifier* label = nullptr;
};

struct ContinueStatement : Node {
    ContinueStatement() : Node(NodeKind::ContinueStatement) {}
    Identifier* label = nullptr;
};

struct ThrowStatement : Node {
    ThrowStatement() : Node(NodeKind::ThrowStatement) {}
    Node* argument = nullptr;
};

// catch (param) body. `param` is an Identifier, ObjectPattern, ArrayPattern, or nullptr for
// `catch { }`. The parameter names are in `scope` (kind CatchParameter); the body block has its own
// scope for its lexical declarations.
struct CatchClause : Node {
    CatchClause() : Node(NodeKind::CatchClause) {}
    Node* param = nullptr;
    BlockStatement* body = nullptr;
    Scope* scope = nullptr;
};

struct TryStatement : Node {
    TryStatement() : Node(NodeKind::TryStatement) {}
    BlockStatement* block = nullptr;
    CatchClause* handler = nullptr;      // nullptr when there is no catch
    BlockStatement* finalizer = nullptr; // nullptr when there is no finally
};

struct SwitchCase : Node {
    SwitchCase() : Node(NodeKind::SwitchCase) {}
    Node* test = nullptr; // nullptr for `default:`
    AstVector<Node*> consequent;
};

// All cases share one lexical scope (the CaseBlock).
struct SwitchStatement : Node {
    SwitchStatement() : Node(NodeKind::SwitchStatement) {}
    Node* discriminant = nullptr;
    AstVector<SwitchCase*> cases;
    Scope* scope = nullptr;
};

struct LabeledStatement : Node {
    LabeledStatement() : Node(NodeKind::LabeledStatement) {}
    Identifier* label = nullptr;
    Node* body = nullptr;
};

struct WithStatement : Node {
    WithStatement() : Node(NodeKind::WithStatement) {}
    Node* object = nullptr;
    Node* body = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Modules (parsed; linking comes later)

struct StringLiteral;

enum class ImportSpecifierKind : uint8_t { Default, Namespace, Named };

struct ImportSpecifier {
    ImportSpecifierKind kind;
    AstString imported; // Named: the exported name in the other module (may be a string literal
                        // name, e.g. `import {"a-b" as c}`); empty for Default/Namespace
    Identifier* local;  // the local binding
};

struct ImportAttribute {
    AstString key;
    AstString value;
};

// import d, {a as b} from "m"; import * as ns from "m"; import "m";
struct ImportDeclaration : Node {
    ImportDeclaration() : Node(NodeKind::ImportDeclaration) {}
    AstVector<ImportSpecifier> specifiers;
    StringLiteral* source = nullptr;
    AstVector<ImportAttribute> attributes; // `with { type: "json" }`
    ImportPhase phase = ImportPhase::Evaluation;
};

struct ExportSpecifier {
    AstString local;    // the local binding name, or the imported name for re-exports with `from`
    AstString exported; // the name other modules see
    Node* local_node;   // Identifier or StringLiteral (the latter only with `from`)
};

// export var/let/const/function/class ...; export {a, b as c}; export {a} from "m";
struct ExportNamedDeclaration : Node {
    ExportNamedDeclaration() : Node(NodeKind::ExportNamedDeclaration) {}
    Node* declaration = nullptr; // VariableDeclaration, FunctionNode or ClassNode; or nullptr
    AstVector<ExportSpecifier> specifiers;
    StringLiteral* source = nullptr; // non-null for re-exports
    AstVector<ImportAttribute> attributes;
};

// export default <FunctionDeclaration | ClassDeclaration | expression>;
// An anonymous default function/class is a FunctionDeclaration/ClassDeclaration with id nullptr; its
// local binding is "*default*" and its `name` property is "default".
struct ExportDefaultDeclaration : Node {
    ExportDefaultDeclaration() : Node(NodeKind::ExportDefaultDeclaration) {}
    Node* declaration = nullptr;
};

// export * from "m"; export * as ns from "m";
struct ExportAllDeclaration : Node {
    ExportAllDeclaration() : Node(NodeKind::ExportAllDeclaration) {}
    bool has_exported = false;
    AstString exported; // valid when has_exported
    StringLiteral* source = nullptr;
    AstVector<ImportAttribute> attributes;
};

// ---------------------------------------------------------------------------------------------
// Expressions

// An identifier reference, binding identifier, label, or a non-computed property name.
struct Identifier : Node {
    Identifier() : Node(NodeKind::Identifier) {}
    AstString name; // interned
};

// `#x` as a class element key, in `a.#x`, and in `#x in obj`.
struct PrivateIdentifier : Node {
    PrivateIdentifier() : Node(NodeKind::PrivateIdentifier) {}
    AstString name; // interned, without the '#'
};

struct NumericLiteral : Node {
    NumericLiteral() : Node(NodeKind::NumericLiteral) {}
    double value = 0;
};

// The digits as written, without numeric separators and without the trailing `n`: either decimal
// digits ("123") or with a radix prefix ("0x1f", "0o17", "0b101"; prefix letter lowercased).
struct BigIntLiteral : Node {
    BigIntLiteral() : Node(NodeKind::BigIntLiteral) {}
    const char* digits = nullptr; // ASCII, not NUL-terminated
    uint32_t length = 0;
};

struct StringLiteral : Node {
    StringLiteral() : Node(NodeKind::StringLiteral) {}
    AstString value; // cooked value; may contain lone surrogates
};

struct BooleanLiteral : Node {
    BooleanLiteral() : Node(NodeKind::BooleanLiteral) {}
    bool value = false;
};

struct NullLiteral : Node {
    NullLiteral() : Node(NodeKind::NullLiteral) {}
};

// Flags are validated (only dgimsuyv, no duplicates, not both u and v). The pattern is the source
// text between the slashes, unvalidated (the regexp compiler reports pattern errors).
struct RegExpLiteral : Node {
    RegExpLiteral() : Node(NodeKind::RegExpLiteral) {}
    AstString pattern;
    AstString flags;
};

// One string part of a template literal. CR and CRLF are normalized to LF in both forms.
struct TemplateElement {
    AstString cooked; // meaningful only when cooked_valid
    AstString raw;
    bool cooked_valid; // false: cooked value is undefined (invalid escape in a tagged template)
};

// `a${b}c`: quasis.size() == expressions.size() + 1.
struct TemplateLiteral : Node {
    TemplateLiteral() : Node(NodeKind::TemplateLiteral) {}
    AstVector<TemplateElement> quasis;
    AstVector<Node*> expressions;
};

struct TaggedTemplateExpression : Node {
    TaggedTemplateExpression() : Node(NodeKind::TaggedTemplateExpression) {}
    Node* tag = nullptr;
    TemplateLiteral* quasi = nullptr;
};

// Elements: expressions, SpreadElement, or nullptr for holes (`[1, , 2]`).
struct ArrayExpression : Node {
    ArrayExpression() : Node(NodeKind::ArrayExpression) {}
    AstVector<Node*> elements;
};

enum class PropertyKind : uint8_t {
    Init,  // `k: v`, shorthand `k`, method `k() {}`, and in patterns `k: target`
    Get,   // `get k() {}`
    Set,   // `set k(v) {}`
    Proto, // `__proto__: v` (non-computed, non-shorthand, non-method): sets the prototype
};

// A property in an ObjectExpression or ObjectPattern.
//   key: Identifier (non-computed name), StringLiteral, NumericLiteral, BigIntLiteral, or any
//        expression when `computed`.
//   value: the value expression; a FunctionNode (FunctionExpression, function_kind Method/Getter/
//        Setter) for methods and accessors. In an ObjectPattern: the target (Identifier,
//        MemberExpression in assignment patterns, nested pattern, or AssignmentPattern for a
//        default). Shorthand `{a}` has key and value both Identifier `a` (distinct nodes); shorthand
//        with default in a pattern `{a = 1}` has value AssignmentPattern(a, 1).
struct Property : Node {
    Property() : Node(NodeKind::Property) {}
    PropertyKind property_kind = PropertyKind::Init;
    Node* key = nullptr;
    Node* value = nullptr;
    bool computed = false;
    bool shorthand = false;
    bool method = false;
};

// Properties: Property or SpreadElement.
struct ObjectExpression : Node {
    ObjectExpression() : Node(NodeKind::ObjectExpression) {}
    AstVector<Node*> properties;
};

struct ThisExpression : Node {
    ThisExpression() : Node(NodeKind::ThisExpression) {}
};

// Only as MemberExpression::object (`super.x`, `super[x]`) or CallExpression::callee (`super()`).
struct Super : Node {
    Super() : Node(NodeKind::Super) {}
};

enum class MetaPropertyKind : uint8_t { NewTarget, ImportMeta };

struct MetaProperty : Node {
    MetaProperty() : Node(NodeKind::MetaProperty) {}
    MetaPropertyKind meta_kind = MetaPropertyKind::NewTarget;
};

struct UnaryExpression : Node {
    UnaryExpression() : Node(NodeKind::UnaryExpression) {}
    UnaryOp op = UnaryOp::Minus;
    Node* argument = nullptr;
};

// Argument is an Identifier or MemberExpression (early errors reject anything else).
struct UpdateExpression : Node {
    UpdateExpression() : Node(NodeKind::UpdateExpression) {}
    UpdateOp op = UpdateOp::Increment;
    bool prefix = false;
    Node* argument = nullptr;
};

struct BinaryExpression : Node {
    BinaryExpression() : Node(NodeKind::BinaryExpression) {}
    BinaryOp op = BinaryOp::Add;
    Node* left = nullptr;
    Node* right = nullptr;
};

// `#x in obj` (ergonomic brand check).
struct PrivateInExpression : Node {
    PrivateInExpression() : Node(NodeKind::PrivateInExpression) {}
    PrivateIdentifier* name = nullptr;
    Node* right = nullptr;
};

struct LogicalExpression : Node {
    LogicalExpression() : Node(NodeKind::LogicalExpression) {}
    LogicalOp op = LogicalOp::And;
    Node* left = nullptr;
    Node* right = nullptr;
};

// `left` is an Identifier or MemberExpression for every operator; for AssignOp::Assign it can also be
// an ObjectPattern/ArrayPattern (destructuring assignment, converted from the object/array literal).
// Annex B (sloppy mode only, not for &&= ||= ??=): `left` may be a CallExpression, e.g. `f() = 1`;
// the call is evaluated, then a ReferenceError is thrown (before evaluating the right side). The same
// holds for UpdateExpression arguments and for-in/of heads.
struct AssignmentExpression : Node {
    AssignmentExpression() : Node(NodeKind::AssignmentExpression) {}
    AssignOp op = AssignOp::Assign;
    Node* left = nullptr;
    Node* right = nullptr;
};

struct ConditionalExpression : Node {
    ConditionalExpression() : Node(NodeKind::ConditionalExpression) {}
    Node* test = nullptr;
    Node* consequent = nullptr;
    Node* alternate = nullptr;
};

struct SequenceExpression : Node {
    SequenceExpression() : Node(NodeKind::SequenceExpression) {}
    AstVector<Node*> expressions;
};

struct YieldExpression : Node {
    YieldExpression() : Node(NodeKind::YieldExpression) {}
    Node* argument = nullptr; // nullptr for a bare `yield`
    bool delegate = false;    // yield*
};

struct AwaitExpression : Node {
    AwaitExpression() : Node(NodeKind::AwaitExpression) {}
    Node* argument = nullptr;
};

// callee(arguments). Arguments may be SpreadElement. `super(...)` has callee Super.
struct CallExpression : Node {
    CallExpression() : Node(NodeKind::CallExpression) {}
    Node* callee = nullptr;
    AstVector<Node*> arguments;
    bool optional = false; // `f?.(x)`: short-circuits to the enclosing ChainExpression
    // The callee is the identifier `eval` (possibly parenthesized) and the call is not optional: a
    // direct eval if, at run time, the callee is the realm's %eval%.
    bool is_direct_eval_candidate = false;
};

struct NewExpression : Node {
    NewExpression() : Node(NodeKind::NewExpression) {}
    Node* callee = nullptr;
    AstVector<Node*> arguments;
};

// object.property (computed false: property is Identifier or PrivateIdentifier) or
// object[property] (computed true). `super.x` has object Super.
struct MemberExpression : Node {
    MemberExpression() : Node(NodeKind::MemberExpression) {}
    Node* object = nullptr;
    Node* property = nullptr;
    bool computed = false;
    bool optional = false; // `a?.b` / `a?.[b]`: short-circuits to the enclosing ChainExpression
};

// The short-circuit boundary of an optional chain: `a?.b.c()` is ChainExpression(Call(Member(
// Member(a, b, optional), c))). When any `optional` link inside sees null/undefined, the whole
// ChainExpression evaluates to undefined. Parentheses end a chain: `(a?.b).c` is
// Member(ChainExpression(Member(a, b, optional)), c).
struct ChainExpression : Node {
    ChainExpression() : Node(NodeKind::ChainExpression) {}
    Node* expression = nullptr; // MemberExpression or CallExpression
};

// import(source) / import(source, options)
struct ImportCall : Node {
    ImportCall() : Node(NodeKind::ImportCall) {}
    Node* source = nullptr;
    Node* options = nullptr;
    ImportPhase phase = ImportPhase::Evaluation; // import.defer(...), import.source(...)
};

// `...argument` in array literals and call arguments; in object literals `{...argument}`.
struct SpreadElement : Node {
    SpreadElement() : Node(NodeKind::SpreadElement) {}
    Node* argument = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Patterns
//
// Binding patterns (declarations, parameters, catch) have Identifier leaves. Assignment patterns
// (destructuring assignment, for-in/of heads without a declaration) may have any simple
// assignment target as a leaf: Identifier or MemberExpression (never optional).

// Properties: Property nodes (see Property); the last may be a RestElement.
struct ObjectPattern : Node {
    ObjectPattern() : Node(NodeKind::ObjectPattern) {}
    AstVector<Node*> properties;
};

// Elements: targets, AssignmentPattern (with default), nullptr for holes, last may be RestElement.
struct ArrayPattern : Node {
    ArrayPattern() : Node(NodeKind::ArrayPattern) {}
    AstVector<Node*> elements;
};

// target = default
struct AssignmentPattern : Node {
    AssignmentPattern() : Node(NodeKind::AssignmentPattern) {}
    Node* left = nullptr;
    Node* right = nullptr;
};

// ...target (in object patterns the target is an Identifier or, in assignment patterns, a
// MemberExpression)
struct RestElement : Node {
    RestElement() : Node(NodeKind::RestElement) {}
    Node* argument = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Downcasts

// True when a node of kind `k` is represented by struct T.
template <typename T> constexpr bool node_kind_matches(NodeKind k) {
    if constexpr (std::is_same_v<T, Node>) {
        return true;
    } else if constexpr (std::is_same_v<T, CodeUnit>) {
        return k == NodeKind::Program || node_kind_matches<FunctionNode>(k);
    } else {
        bool matches = false;
#define X(kind, type)                                                                                        \
    if constexpr (std::is_same_v<T, type>) matches = matches || k == NodeKind::kind;
#include "parser/AstNodes.def"
#undef X
        return matches;
    }
}

template <typename T> T* as(Node* node) {
    assert(!node || node_kind_matches<T>(node->kind));
    return static_cast<T*>(node);
}
template <typename T> const T* as(const Node* node) {
    assert(!node || node_kind_matches<T>(node->kind));
    return static_cast<const T*>(node);
}

inline bool is_function_node(const Node* n) {
    return n->kind == NodeKind::FunctionDeclaration || n->kind == NodeKind::FunctionExpression ||
           n->kind == NodeKind::ArrowFunctionExpression;
}
inline bool is_class_node(const Node* n) {
    return n->kind == NodeKind::ClassDeclaration || n->kind == NodeKind::ClassExpression;
}

} // namespace qjs
