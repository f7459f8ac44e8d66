// Parser.h: entry points of the parser. The result (AST or error) lives in the caller's Arena.
#pragma once

#include "parser/Ast.h"

#include <cstddef>
#include <cstdint>

namespace qjs {

struct ParseOptions {
    bool strict = false;  // start in strict mode (strict caller of a direct eval, or the embedder)
    bool module = false;  // Module goal (implies strict; `await` is reserved; import/export allowed)
    bool is_eval = false; // eval code: result is a Program with program_kind Eval

    // For direct eval, the context of the calling code (all false for scripts and indirect eval):
    bool allow_new_target = false;           // the caller is (inside) a non-arrow function
    bool allow_super_property = false;       // the caller is a method (or arrow in one)
    bool allow_super_call = false;           // the caller is a derived constructor (or arrow in one)
    bool in_class_field_initializer = false; // `arguments` is an early error (direct eval in a field
                                             // initializer or static block)
    // Direct eval inside a class body: the private names of the enclosing classes (without '#').
    const AstString* outer_private_names = nullptr;
    uint32_t outer_private_name_count = 0;

    bool await_is_keyword = false; // parse the top level as if inside an async function body
    bool yield_is_keyword = false; // parse the top level as if inside a generator body

    bool annex_b = true;       // HTML-like comments, legacy octal, function-in-block hoisting...
    uint32_t max_depth = 1000; // nesting limit of the recursive descent; exceeding it is an error
                               // flagged is_stack_overflow
};

struct ParseError {
    const char* message = nullptr;  // NUL-terminated UTF-8, in the arena (or a static string)
    uint32_t line = 0;              // 1-based
    uint32_t column = 0;            // 1-based, in UTF-16 code units
    uint32_t offset = 0;            // byte offset into the source
    bool is_stack_overflow = false; // nesting too deep: report as RangeError/InternalError, not SyntaxError
    bool is_out_of_memory = false;
};

struct ParseResult {
    Program* program = nullptr; // nullptr on error
    ParseError error;
    bool ok() const { return program != nullptr; }
};

// Parses a Script, Module or eval code (per options) from UTF-8 source.
ParseResult parse_script(Arena& arena, const char* utf8, size_t length, const ParseOptions& options);

enum class DynamicFunctionKind : uint8_t { Normal, Generator, Async, AsyncGenerator };

// CreateDynamicFunction (the Function/GeneratorFunction/... constructors): parses `parameters` and
// `body` separately as FormalParameters and FunctionBody, then checks them together. On success the
// Program has one ExpressionStatement whose expression is the FunctionExpression (named
// "anonymous" via id == nullptr; the compiler sets the name). The source range of the function is
// relative to the synthesized text
//   "function anonymous(" + parameters + "\n) {\n" + body + "\n}"
// (with "async " / "*" as appropriate), which the caller should build for toString.
ParseResult parse_function_from_parts(Arena& arena, DynamicFunctionKind kind, const char* parameters,
                                      size_t parameters_length, const char* body, size_t body_length,
                                      const ParseOptions& options);

} // namespace qjs
