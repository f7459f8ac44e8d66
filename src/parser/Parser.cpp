// Parser.cpp: entry points, token helpers, error reporting, identifiers, and the program level
// (directive prologues, source element lists).
#include "parser/ParserImpl.h"
#include "runtime/Runtime.h"

#include <cstdio>
#include <cstring>

namespace qjs {

Parser::Parser(Arena& arena, const char* source, size_t length, const ParseOptions& options)
    : m_arena(arena), m_options(options), m_interner(arena),
      m_lexer(arena, m_interner, source, length, options.module), m_module(options.module) {
    auto name = [&](const char* s) -> const char16_t* {
        const Interner::Entry* e = m_interner.intern_ascii(s);
        return e ? e->name.data : nullptr;
    };
    m_name_eval = name("eval");
    m_name_arguments = name("arguments");
    m_name_let = name("let");
    m_name_async = name("async");
    m_name_constructor = name("constructor");
    m_name_proto = name("__proto__");
    m_name_prototype = name("prototype");
    m_name_default_binding = name("*default*");
    if (!m_name_default_binding) fail_oom();
}

// ---------------------------------------------------------------------------------------------
// Tokens and errors

void Parser::advance() {
    m_prev_end = m_tok.end;
    m_lexer.next(m_tok);
    if (m_tok.type == Tok::Error && !failed()) {
        if (m_lexer.out_of_memory())
            fail_oom();
        else
            fail_at_offset(m_tok.escape_error_offset, m_tok.escape_error_line, m_tok.escape_error_column,
                           m_tok.error_message);
    }
}

Token Parser::peek() {
    Lexer::State s = m_lexer.save();
    Token t;
    m_lexer.next(t);
    m_lexer.restore(s);
    return t;
}

Token Parser::peek2(Token* second) {
    Lexer::State s = m_lexer.save();
    Token t;
    m_lexer.next(t);
    m_lexer.next(*second);
    m_lexer.restore(s);
    return t;
}

bool Parser::expect(Tok t) {
    if (m_tok.type == t) {
        advance();
        return true;
    }
    if (!failed()) {
        char buf[96];
        std::snprintf(buf, sizeof(buf), "expected '%s'", token_text(t));
        size_t n = std::strlen(buf);
        char* msg = m_arena.make_array<char>(n + 1);
        if (msg) {
            std::memcpy(msg, buf, n + 1);
            fail_at(m_tok, msg);
        } else {
            fail_oom();
        }
    }
    return false;
}

bool Parser::consume_semicolon() {
    if (m_tok.type == Tok::Semicolon) {
        advance();
        return true;
    }
    if (m_tok.type == Tok::RBrace || m_tok.type == Tok::EndOfInput || m_tok.newline_before) return true;
    fail_unexpected();
    return false;
}

std::nullptr_t Parser::fail(const char* message) {
    return fail_at(m_tok, message);
}

std::nullptr_t Parser::fail_at(const Token& t, const char* message) {
    return fail_at_offset(t.start, t.line, t.column, message);
}

std::nullptr_t Parser::fail_at_node(const Node* n, const char* message) {
    return fail_at_offset(n->start, n->line(), n->column(), message);
}

std::nullptr_t Parser::fail_at_offset(uint32_t offset, uint32_t line, uint32_t column, const char* message) {
    if (!failed()) {
        m_error.message = message;
        m_error.offset = offset;
        m_error.line = line;
        m_error.column = column;
    }
    return nullptr;
}

std::nullptr_t Parser::fail_unexpected() {
    if (m_tok.type == Tok::EndOfInput) return fail("unexpected end of input");
    if (m_tok.type == Tok::Error) return nullptr;
    const char* text = token_text(m_tok.type);
    if (m_tok.type == Tok::Identifier || m_tok.type == Tok::String || m_tok.type == Tok::Number)
        text = nullptr;
    if (!text) return fail("unexpected token");
    char buf[80];
    std::snprintf(buf, sizeof(buf), "unexpected token '%s'", text);
    size_t n = std::strlen(buf);
    char* msg = m_arena.make_array<char>(n + 1);
    if (!msg) return fail_oom();
    std::memcpy(msg, buf, n + 1);
    return fail(msg);
}

std::nullptr_t Parser::fail_oom() {
    if (!failed()) {
        m_error.message = "out of memory";
        m_error.is_out_of_memory = true;
        m_error.line = m_tok.line;
        m_error.column = m_tok.column;
        m_error.offset = m_tok.start;
    }
    return nullptr;
}

bool Parser::enter_depth() {
    // The depth limit, and the native stack itself: small stacks (wasm's 1 MiB) run out first.
    Runtime* rt = Runtime::current();
    if (++m_depth > m_options.max_depth || (rt && rt->stack_overflowed())) {
        if (!failed()) {
            fail("too much recursion: nesting too deep");
            m_error.is_stack_overflow = true;
        }
        return false;
    }
    return true;
}

Scope* Parser::new_scope() {
    Scope* s = m_arena.make<Scope>();
    if (!s) fail_oom();
    return s;
}

// ---------------------------------------------------------------------------------------------
// Identifiers

bool Parser::at_identifier() const {
    if (m_tok.type != Tok::Identifier) return false;
    Tok k = m_tok.keyword;
    if (is_keyword(k)) return false;
    if (k == Tok::Yield && yield_is_keyword()) return false;
    if (k == Tok::Await && await_is_keyword()) return false;
    return true;
}

bool Parser::check_identifier_token(const Token& t, bool binding) {
    if (t.type != Tok::Identifier) {
        fail_at(t, is_keyword(t.type) ? "unexpected reserved word" : "expected identifier");
        return false;
    }
    Tok k = t.keyword;
    if (k == Tok::Identifier) return true;
    if (is_keyword(k)) {
        fail_at(t, "keyword must not contain escaped characters");
        return false;
    }
    switch (k) {
    case Tok::Yield:
        if (yield_is_keyword() || (m_fn->in_parameters && m_fn->is_generator)) {
            fail_at(t, "unexpected 'yield' here");
            return false;
        }
        break;
    case Tok::Await:
        if (await_is_keyword()) {
            fail_at(t, "unexpected 'await' here");
            return false;
        }
        m_counters.await_identifiers++;
        break;
    case Tok::Let:
    case Tok::Static:
    case Tok::Implements:
    case Tok::Interface:
    case Tok::Package:
    case Tok::Private:
    case Tok::Protected:
    case Tok::Public:
        if (strict()) {
            fail_at(t, "unexpected strict mode reserved word");
            return false;
        }
        break;
    case Tok::Eval:
    case Tok::Arguments:
        if (binding && strict()) {
            fail_at(t, "invalid binding of 'eval' or 'arguments' in strict mode");
            return false;
        }
        break;
    default: break;
    }
    return true;
}

bool Parser::check_binding_name(const Identifier* id) {
    // Re-validation of an identifier already accepted as a reference (cover grammars, functions
    // that became strict through a directive).
    if (strict()) {
        if (id->name.data == m_name_eval || id->name.data == m_name_arguments) {
            fail_at_node(id, "invalid binding of 'eval' or 'arguments' in strict mode");
            return false;
        }
        static const char* const reserved[] = {"implements", "interface", "let",    "package", "private",
                                               "protected",  "public",    "static", "yield"};
        for (const char* r : reserved) {
            if (id->name.equals_ascii(r)) {
                fail_at_node(id, "unexpected strict mode reserved word");
                return false;
            }
        }
    }
    return true;
}

Identifier* Parser::make_identifier(const Token& t) {
    Identifier* id = make_node<Identifier>(t);
    if (!id) return nullptr;
    id->name = t.value;
    id->end = t.end;
    return id;
}

Identifier* Parser::parse_identifier(bool binding) {
    if (!check_identifier_token(m_tok, binding)) return nullptr;
    Identifier* id = make_identifier(m_tok);
    if (!id) return nullptr;
    if (!binding && id->name.data == m_name_arguments) note_use_arguments();
    if (!binding && id->name.data == m_name_arguments && !failed()) {
        for (FunctionState* f = m_fn; f; f = f->parent) {
            if (f->arguments_forbidden) {
                fail("'arguments' is not allowed in class field initializer or static initialization block");
                return nullptr;
            }
            if (!f->is_arrow) break;
        }
        if (failed()) return nullptr;
    }
    advance();
    return id;
}

// Sets a uses_* flag on the current unit and on enclosing units through arrows.
template <typename Setter> static void propagate_use(FunctionState* fs, Setter set) {
    for (FunctionState* f = fs; f; f = f->parent) {
        set(f->unit);
        if (!f->is_arrow) break;
    }
}

void Parser::note_use_this() {
    m_counters.this_uses++;
    propagate_use(m_fn, [](CodeUnit* u) { u->uses_this = true; });
}
void Parser::note_use_arguments() {
    m_counters.arguments_uses++;
    propagate_use(m_fn, [](CodeUnit* u) { u->uses_arguments = true; });
}
void Parser::note_use_super_property() {
    m_counters.super_property_uses++;
    propagate_use(m_fn, [](CodeUnit* u) {
        u->uses_super_property = true;
        u->uses_this = true;
    });
}
void Parser::note_use_super_call() {
    m_counters.super_call_uses++;
    propagate_use(m_fn, [](CodeUnit* u) {
        u->uses_super_call = true;
        u->uses_this = true;
    });
}
void Parser::note_use_new_target() {
    m_counters.new_target_uses++;
    propagate_use(m_fn, [](CodeUnit* u) { u->uses_new_target = true; });
}

// ---------------------------------------------------------------------------------------------
// Function states

void Parser::begin_function_state(FunctionState& fs, CodeUnit* unit, FunctionNode* fn, FunctionKind kind,
                                  bool is_async, bool is_generator, bool is_arrow) {
    fs.unit = unit;
    fs.fn = fn;
    fs.parent = m_fn;
    fs.kind = kind;
    fs.is_async = is_async;
    fs.is_generator = is_generator;
    fs.is_arrow = is_arrow;
    fs.strict = m_fn ? m_fn->strict : (m_options.strict || m_options.module);
    if (is_arrow && m_fn) {
        fs.allow_super_property = m_fn->allow_super_property;
        fs.allow_super_call = m_fn->allow_super_call;
        fs.allow_new_target = m_fn->allow_new_target;
    } else if (!m_fn) {
        fs.allow_super_property = m_options.allow_super_property;
        fs.allow_super_call = m_options.allow_super_call;
        fs.allow_new_target = m_options.allow_new_target;
        fs.arguments_forbidden = m_options.in_class_field_initializer;
    } else {
        fs.allow_new_target = true;
        fs.allow_super_property = kind != FunctionKind::Normal;
        fs.allow_super_call = kind == FunctionKind::DerivedConstructor;
    }
    unit->is_strict = fs.strict;
    m_fn = &fs;
}

void Parser::end_function_state(FunctionState& fs) {
    fs.unit->is_strict = fs.strict;
    m_fn = fs.parent;
}

// ---------------------------------------------------------------------------------------------
// Program level

// Parses the directive prologue; returns false on error. Statements parsed are appended to `body`.
bool Parser::parse_directives(AstVector<Node*>& body, bool& became_strict) {
    became_strict = false;
    const Token* none = nullptr;
    (void)none;
    uint32_t octal_offset = 0, octal_line = 0, octal_column = 0;
    bool have_octal = false;
    while (m_tok.type == Tok::String) {
        Token t = m_tok;
        Node* stmt = parse_statement_list_item();
        if (!stmt) return false;
        if (!push(body, stmt)) return false;
        auto* es = stmt->kind == NodeKind::ExpressionStatement ? as<ExpressionStatement>(stmt) : nullptr;
        if (!es || es->expression->kind != NodeKind::StringLiteral || es->expression->is_parenthesized() ||
            es->expression->start != t.start || es->expression->end != t.end)
            break;
        es->is_directive = true;
        if (t.legacy_octal && !have_octal) {
            have_octal = true;
            octal_offset = t.escape_error_offset;
            octal_line = t.escape_error_line;
            octal_column = t.escape_error_column;
        }
        if (t.end - t.start == 12 && std::memcmp(m_lexer.source() + t.start + 1, "use strict", 10) == 0) {
            if (m_fn->fn && !m_fn->fn->has_simple_parameter_list) {
                fail_at(t, "'use strict' not allowed in function with non-simple parameters");
                return false;
            }
            if (!m_fn->strict) became_strict = true;
            m_fn->strict = true;
            m_fn->unit->is_strict = true;
        }
        if (m_fn->strict && have_octal) {
            fail_at_offset(octal_offset, octal_line, octal_column,
                           "octal escape sequences are not allowed in strict mode");
            return false;
        }
    }
    return true;
}

bool Parser::parse_source_elements(AstVector<Node*>& body, Tok end_token) {
    while (m_tok.type != end_token) {
        if (m_tok.type == Tok::EndOfInput || m_tok.type == Tok::Error) {
            fail_unexpected();
            return false;
        }
        Node* stmt;
        if (m_module && m_fn->fn == nullptr && m_tok.type == Tok::Import) {
            Token next = peek();
            if (next.type != Tok::LParen && next.type != Tok::Dot)
                stmt = parse_import_declaration();
            else
                stmt = parse_statement_list_item();
        } else if (m_module && m_fn->fn == nullptr && m_tok.type == Tok::Export) {
            stmt = parse_export_declaration();
        } else {
            stmt = parse_statement_list_item();
        }
        if (!stmt || !push(body, stmt)) return false;
    }
    return true;
}

Program* Parser::parse_program() {
    Program* program = m_arena.make<Program>();
    if (!program || failed()) return fail_oom();
    program->set_position(1, 1);
    program->start = 0;
    program->program_kind = m_options.module    ? ProgramKind::Module
                            : m_options.is_eval ? ProgramKind::Eval
                                                : ProgramKind::Script;
    program->scope = new_scope();
    if (!program->scope) return nullptr;
    FunctionState fs;
    begin_function_state(fs, program, nullptr, FunctionKind::Normal, m_options.await_is_keyword,
                         m_options.yield_is_keyword, false);
    ScopeState top;
    push_scope(top, ScopeKind::Function, program->scope);
    fs.var_scope = &top;
    m_top_scope = &top;
    // Eval code is a Script too: a hashbang at its very start is a comment (a synthesized function text
    // starts with its own header, so none can appear there).
    m_lexer.skip_hashbang();
    advance();
    bool became_strict = false;
    bool ok = !failed() && parse_directives(program->body, became_strict) &&
              parse_source_elements(program->body, Tok::EndOfInput);
    if (ok) ok = pop_scope(top);
    if (ok && m_module) ok = check_module_exports();
    end_function_state(fs);
    if (!ok || failed()) return nullptr;
    program->end = m_lexer.length();
    return program;
}

// ---------------------------------------------------------------------------------------------
// Entry points

ParseResult parse_script(Arena& arena, const char* utf8, size_t length, const ParseOptions& options) {
    ParseResult result;
    if (length >= 0xffffffffu) {
        result.error.message = "source too large";
        return result;
    }
    Parser parser(arena, utf8, length, options);
    result.program = parser.parse_program();
    if (!result.program) {
        result.error = parser.error();
        if (!result.error.message) result.error.message = "syntax error";
    }
    return result;
}

ParseResult parse_function_from_parts(Arena& arena, DynamicFunctionKind kind, const char* parameters,
                                      size_t parameters_length, const char* body, size_t body_length,
                                      const ParseOptions& options) {
    // Per CreateDynamicFunction: the parameters and the body must each parse on their own, then the
    // assembled source is parsed as one function expression. Checking the parts separately rejects
    // inputs such as a parameter text of "a) { (" that would only balance when concatenated.
    const char* prefix = kind == DynamicFunctionKind::Normal      ? "(function anonymous("
                         : kind == DynamicFunctionKind::Generator ? "(function* anonymous("
                         : kind == DynamicFunctionKind::Async     ? "(async function anonymous("
                                                                  : "(async function* anonymous(";
    const char* middle = "\n) {\n";
    const char* suffix = "\n})";
    size_t plen = std::strlen(prefix), mlen = std::strlen(middle), slen = std::strlen(suffix);
    size_t total = plen + parameters_length + mlen + body_length + slen;
    ParseResult result;
    char* text = arena.make_array<char>(total + 1);
    if (!text) {
        result.error.message = "out of memory";
        result.error.is_out_of_memory = true;
        return result;
    }
    size_t pos = 0;
    std::memcpy(text + pos, prefix, plen);
    pos += plen;
    std::memcpy(text + pos, parameters, parameters_length);
    pos += parameters_length;
    std::memcpy(text + pos, middle, mlen);
    pos += mlen;
    std::memcpy(text + pos, body, body_length);
    pos += body_length;
    std::memcpy(text + pos, suffix, slen);
    pos += slen;
    text[pos] = 0;

    // Separate checks: the body must be a valid FunctionBody and the parameters valid
    // FormalParameters. Both are approximated by bracket balance of tokens.
    for (int part = 0; part < 2; part++) {
        const char* src = part == 0 ? parameters : body;
        size_t len = part == 0 ? parameters_length : body_length;
        Interner interner(arena);
        Lexer lexer(arena, interner, src, len, false);
        Token t;
        int depth = 0;
        Tok prev = Tok::LParen;
        for (;;) {
            lexer.next(t);
            if (t.type == Tok::EndOfInput) break;
            if (t.type == Tok::Error)
                break; // regexps/templates may confuse this scan; the full parse decides
            if ((t.type == Tok::Slash || t.type == Tok::SlashAssign) &&
                (prev == Tok::LParen || prev == Tok::Comma || prev == Tok::Assign || prev == Tok::LBrace ||
                 prev == Tok::Semicolon || prev == Tok::LBracket || prev == Tok::Colon || prev == Tok::Bang ||
                 prev == Tok::Return)) {
                lexer.rescan_as_regexp(t);
            }
            if (t.type == Tok::LParen || t.type == Tok::LBrace || t.type == Tok::LBracket ||
                t.type == Tok::TemplateHead)
                depth++;
            if (t.type == Tok::RParen || t.type == Tok::RBrace || t.type == Tok::RBracket) {
                if (--depth < 0) break;
                if (t.type == Tok::RBrace && depth >= 0) {
                    // Could be the end of a template substitution; rescanning is left to the full parse.
                }
            }
            prev = t.type;
        }
        if (depth < 0) {
            result.error.message = part == 0 ? "invalid function parameters" : "invalid function body";
            result.error.line = 1;
            result.error.column = 1;
            return result;
        }
        if (part == 1 && len >= 2 && src[0] == '#' && src[1] == '!') {
            result.error.message = "invalid function body";
            result.error.line = 1;
            result.error.column = 1;
            return result;
        }
    }
    ParseOptions opts = options;
    opts.module = false;
    opts.is_eval = true;
    Parser parser(arena, text, pos, opts);
    result.program = parser.parse_program();
    if (!result.program) {
        result.error = parser.error();
        return result;
    }
    Program* p = result.program;
    if (p->body.size() != 1 || p->body[0]->kind != NodeKind::ExpressionStatement) {
        result.program = nullptr;
        result.error.message = "invalid function source";
        return result;
    }
    return result;
}

} // namespace qjs
