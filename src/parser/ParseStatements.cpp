// ParseStatements.cpp: statements and declarations.
#include "parser/ParserImpl.h"

namespace qjs {

// `let` starts a LexicalDeclaration here (rather than being an identifier).
bool Parser::at_let_declaration() {
    if (!m_tok.is(Tok::Let)) return false;
    Token next = peek();
    if (next.type == Tok::LBracket || next.type == Tok::LBrace) return true;
    if (next.type == Tok::Identifier) {
        // `let` followed by an identifier on the same line, or any identifier in strict mode
        // (where `let` cannot be an identifier). `let \n yield` etc. fall into declarations too.
        return true;
    }
    if (is_keyword(next.type) && strict()) return true;
    return false;
}

bool Parser::at_using_declaration(bool for_head) {
    if (!m_tok.is(Tok::Using)) return false;
    Token next = peek();
    if (next.type != Tok::Identifier || next.newline_before) return false;
    if (!for_head || !next.is(Tok::Of)) return true;
    // `for (using of of ...)` / `for (using of ...)`: `using` is an identifier (the [lookahead ≠ of] of
    // ForDeclaration); `for (using of = ...;;)` declares `of`.
    Token second;
    peek2(&second);
    return second.type == Tok::Assign;
}

bool Parser::at_await_using_declaration() {
    if (!m_tok.is(Tok::Await)) return false;
    if (!(m_fn->is_async || (m_module && !m_fn->fn) || (!m_fn->fn && m_options.await_is_keyword)) ||
        m_fn->await_reserved)
        return false;
    Token second;
    Token first = peek2(&second);
    return first.is(Tok::Using) && !first.newline_before && second.type == Tok::Identifier &&
           !second.newline_before;
}

Node* Parser::parse_using_declaration(bool is_await) {
    // Early errors: not directly in a case clause, nor at the top level of a Script (or eval code).
    if (m_scope && m_scope->kind == ScopeKind::Switch)
        return fail("using declaration not allowed directly in a case clause");
    if (m_scope && m_scope->kind == ScopeKind::Function && !m_fn->fn && !m_module)
        return fail("using declaration not allowed at the top level of a script");
    if (is_await) advance(); // await
    VariableDeclaration* d = parse_variable_declaration(
        is_await ? DeclarationKind::AwaitUsing : DeclarationKind::Using, true, false, nullptr);
    if (!d || !consume_semicolon()) return nullptr;
    return finish(d);
}

Node* Parser::parse_statement_list_item() {
    switch (m_tok.type) {
    case Tok::Function: {
        Token start = m_tok;
        return parse_function(start, NodeKind::FunctionDeclaration, false, true, false);
    }
    case Tok::Class: {
        Token start = m_tok;
        return parse_class(start, true, false);
    }
    case Tok::Const: {
        VariableDeclaration* d = parse_variable_declaration(DeclarationKind::Const, true, false, nullptr);
        if (!d || !consume_semicolon()) return nullptr;
        return finish(d);
    }
    case Tok::Identifier:
        if (at_let_declaration()) {
            VariableDeclaration* d = parse_variable_declaration(DeclarationKind::Let, true, false, nullptr);
            if (!d || !consume_semicolon()) return nullptr;
            return finish(d);
        }
        if (at_using_declaration(false)) return parse_using_declaration(false);
        if (at_await_using_declaration()) return parse_using_declaration(true);
        if (m_tok.is(Tok::Async)) {
            Token next = peek();
            if (next.type == Tok::Function && !next.newline_before) {
                Token start = m_tok;
                advance();
                return parse_function(start, NodeKind::FunctionDeclaration, true, true, false);
            }
        }
        break;
    default: break;
    }
    return parse_statement();
}

Node* Parser::parse_statement() {
    if (!enter_depth()) return nullptr;
    Node* result = nullptr;
    uint32_t pending = m_fn->pending_labels;
    m_fn->pending_labels = 0;
    Token start = m_tok;
    switch (m_tok.type) {
    case Tok::LBrace: result = parse_block_statement(); break;
    case Tok::Semicolon: {
        auto* n = make_node<EmptyStatement>(start);
        if (n) {
            advance();
            result = finish(n);
        }
        break;
    }
    case Tok::Var: {
        VariableDeclaration* d = parse_variable_declaration(DeclarationKind::Var, true, false, nullptr);
        if (d && consume_semicolon()) result = finish(d);
        break;
    }
    case Tok::If: result = parse_if(); break;
    case Tok::For:
    case Tok::While:
    case Tok::Do:
        // Labels directly before an iteration statement are valid `continue` targets.
        for (uint32_t i = 0; i < pending; i++)
            m_fn->labels[m_fn->labels.size() - 1 - i].is_loop = true;
        result = m_tok.type == Tok::For     ? parse_for()
                 : m_tok.type == Tok::While ? parse_while()
                                            : parse_do_while();
        break;
    case Tok::Continue: result = parse_break_continue(false); break;
    case Tok::Break: result = parse_break_continue(true); break;
    case Tok::Return: result = parse_return(); break;
    case Tok::With: result = parse_with(); break;
    case Tok::Switch: result = parse_switch(); break;
    case Tok::Throw: result = parse_throw(); break;
    case Tok::Try: result = parse_try(); break;
    case Tok::Debugger: {
        auto* n = make_node<DebuggerStatement>(start);
        if (n) {
            advance();
            if (consume_semicolon()) result = finish(n);
        }
        break;
    }
    case Tok::Function: fail("function declaration not allowed in statement position"); break;
    case Tok::Class: fail("class declaration not allowed in statement position"); break;
    case Tok::Const: fail("lexical declaration not allowed in statement position"); break;
    case Tok::Import: {
        Token next = peek();
        if (next.type == Tok::LParen || next.type == Tok::Dot)
            result = parse_expression_statement();
        else
            fail(m_module ? "import declaration must be at the top level"
                          : "import declarations may only appear in modules");
        break;
    }
    case Tok::Export:
        fail(m_module ? "export declaration must be at the top level"
                      : "export declarations may only appear in modules");
        break;
    case Tok::Identifier:
        if (m_tok.is(Tok::Let)) {
            Token next = peek();
            // ExpressionStatement lookahead excludes `let [`; a `let` declaration is not a Statement.
            if (next.type == Tok::LBracket) {
                fail("lexical declaration not allowed in statement position");
                break;
            }
            if ((next.type == Tok::Identifier || next.type == Tok::LBrace) && !next.newline_before) {
                fail("lexical declaration not allowed in statement position");
                break;
            }
        }
        if (m_tok.is(Tok::Async)) {
            Token next = peek();
            if (next.type == Tok::Function && !next.newline_before) {
                fail("async function declaration not allowed in statement position");
                break;
            }
        }
        result = parse_labeled_or_expression(pending);
        break;
    default: result = parse_expression_statement(); break;
    }
    leave_depth();
    return result;
}

Node* Parser::parse_block_statement(ScopeState* preset) {
    auto* block = make_node<BlockStatement>(m_tok);
    if (!block || !expect(Tok::LBrace)) return nullptr;
    ScopeState local;
    ScopeState& s = preset ? *preset : local;
    if (!preset) push_scope(s, ScopeKind::Block, nullptr);
    while (!at(Tok::RBrace)) {
        if (at(Tok::EndOfInput) || failed()) return fail_unexpected();
        Node* stmt = parse_statement_list_item();
        if (!stmt || !push(block->body, stmt)) return nullptr;
    }
    advance();
    if (!preset && !pop_scope(s)) return nullptr;
    block->scope = s.scope;
    return finish(block);
}

bool Parser::declare_pattern_names(Node* pattern, DeclarationKind kind) {
    AstVector<Identifier*> names;
    if (!collect_bound_names(pattern, names)) return false;
    for (Identifier* id : names) {
        if (kind == DeclarationKind::Var) {
            if (!declare_var(id)) return false;
        } else {
            if (id->name.data == m_name_let)
                return fail_at_node(id, "'let' cannot be a lexically bound name"), false;
            if (!declare_lexical(id, kind)) return false;
        }
    }
    return true;
}

// var/let/const declarations. `for_head`: inside `for (`, where the caller checks initializers
// and `in`/`of`. `single_no_init` reports one declarator without initializer (for-in/of heads).
VariableDeclaration* Parser::parse_variable_declaration(DeclarationKind kind, bool in, bool for_head,
                                                        bool* single_no_init) {
    auto* decl = make_node<VariableDeclaration>(m_tok);
    if (!decl) return nullptr;
    decl->declaration_kind = kind;
    advance(); // var / let / const / using
    bool is_using = kind == DeclarationKind::Using || kind == DeclarationKind::AwaitUsing;
    while (true) {
        auto* d = make_node<VariableDeclarator>(m_tok);
        if (!d) return nullptr;
        // UsingDeclaration binds BindingIdentifiers only (no patterns).
        if (is_using && !at(Tok::Identifier)) return fail("using declaration requires an identifier");
        Node* target = parse_binding_target();
        if (!target) return nullptr;
        d->id = target;
        if (eat(Tok::Assign)) {
            d->init = parse_assignment(in);
            if (!d->init) return nullptr;
        } else if (!for_head || !(at(Tok::In) || m_tok.is(Tok::Of))) {
            if (kind == DeclarationKind::Const) return fail("missing initializer in const declaration");
            if (is_using) return fail("missing initializer in using declaration");
            if (target->kind != NodeKind::Identifier)
                return fail("missing initializer in destructuring declaration");
        }
        finish(d);
        if (!push(decl->declarations, d)) return nullptr;
        if (!declare_pattern_names(target, kind)) return nullptr;
        if (!eat(Tok::Comma)) break;
    }
    if (single_no_init) *single_no_init = decl->declarations.size() == 1 && !decl->declarations[0]->init;
    return decl;
}

Node* Parser::parse_expression_statement() {
    auto* stmt = make_node<ExpressionStatement>(m_tok);
    if (!stmt) return nullptr;
    stmt->expression = parse_expression(true);
    if (!stmt->expression || !consume_semicolon()) return nullptr;
    return finish(stmt);
}

Node* Parser::parse_labeled_or_expression(uint32_t pending) {
    Token start = m_tok;
    Token next = peek();
    if (next.type != Tok::Colon) return parse_expression_statement();
    // LabelledStatement
    Identifier* label = parse_identifier(false);
    if (!label) return nullptr;
    for (auto& l : m_fn->labels)
        if (l.name == label->name.data) return fail_at_node(label, "duplicate label");
    advance(); // ':'
    auto* stmt = make_node<LabeledStatement>(start);
    if (!stmt) return nullptr;
    stmt->label = label;
    if (!push(m_fn->labels, FunctionState::Label{label->name.data, false})) return nullptr;
    Node* body;
    if (at(Tok::Function)) {
        // Annex B: labelled function declarations in sloppy mode.
        if (strict()) return fail("function declaration cannot be labelled in strict mode");
        Token fstart = m_tok;
        FunctionNode* fn = parse_function(fstart, NodeKind::FunctionDeclaration, false, true, false);
        if (!fn) return nullptr;
        if (fn->is_generator || fn->is_async)
            return fail_at_node(fn, "generator declaration cannot be labelled");
        body = fn;
    } else {
        // The body's label set is this label plus the labels directly before this statement.
        m_fn->pending_labels = pending + 1;
        body = parse_statement();
    }
    if (!body) return nullptr;
    m_fn->labels.pop_back();
    stmt->body = body;
    return finish(stmt);
}

// The body of if/while/for/do/with/labelled: a Statement, plus Annex B function declarations in
// if clauses (handled by the caller).
Node* Parser::parse_loop_body() {
    if (at(Tok::Function) || (at(Tok::Identifier) && m_tok.is(Tok::Let) && peek().type == Tok::LBracket))
        return fail("declaration not allowed in statement position");
    Node* body = parse_statement();
    if (body && body->kind == NodeKind::LabeledStatement) {
        // IsLabelledFunction: `while (x) L: function f() {}` is an error.
        Node* b = body;
        while (b->kind == NodeKind::LabeledStatement)
            b = as<LabeledStatement>(b)->body;
        if (b->kind == NodeKind::FunctionDeclaration)
            return fail_at_node(b, "labelled function declaration not allowed here");
    }
    return body;
}

Node* Parser::parse_if() {
    auto* stmt = make_node<IfStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    if (!expect(Tok::LParen)) return nullptr;
    stmt->test = parse_expression(true);
    if (!stmt->test || !expect(Tok::RParen)) return nullptr;
    auto clause = [&]() -> Node* {
        if (at(Tok::Function) && !strict()) {
            // Annex B.3.3: `if (x) function f() {}` behaves as if wrapped in a block.
            auto* block = make_node<BlockStatement>(m_tok);
            if (!block) return nullptr;
            ScopeState s;
            push_scope(s, ScopeKind::Block, nullptr);
            Token fstart = m_tok;
            FunctionNode* fn = parse_function(fstart, NodeKind::FunctionDeclaration, false, true, false);
            if (!fn) return nullptr;
            if (fn->is_generator) return fail_at_node(fn, "generator declaration not allowed here");
            if (!pop_scope(s) || !push(block->body, static_cast<Node*>(fn))) return nullptr;
            block->scope = s.scope;
            return finish(block);
        }
        return parse_loop_body();
    };
    stmt->consequent = clause();
    if (!stmt->consequent) return nullptr;
    if (eat(Tok::Else)) {
        stmt->alternate = clause();
        if (!stmt->alternate) return nullptr;
    }
    return finish(stmt);
}

Node* Parser::parse_while() {
    auto* stmt = make_node<WhileStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    if (!expect(Tok::LParen)) return nullptr;
    stmt->test = parse_expression(true);
    if (!stmt->test || !expect(Tok::RParen)) return nullptr;
    m_fn->iteration_depth++;
    m_fn->breakable_depth++;
    stmt->body = parse_loop_body();
    m_fn->iteration_depth--;
    m_fn->breakable_depth--;
    if (!stmt->body) return nullptr;
    return finish(stmt);
}

Node* Parser::parse_do_while() {
    auto* stmt = make_node<DoWhileStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    m_fn->iteration_depth++;
    m_fn->breakable_depth++;
    stmt->body = parse_loop_body();
    m_fn->iteration_depth--;
    m_fn->breakable_depth--;
    if (!stmt->body || !expect(Tok::While) || !expect(Tok::LParen)) return nullptr;
    stmt->test = parse_expression(true);
    if (!stmt->test || !expect(Tok::RParen)) return nullptr;
    // The semicolon after do-while is optional even without a line break (ASI special case).
    eat(Tok::Semicolon);
    return finish(stmt);
}

Node* Parser::parse_for() {
    Token start = m_tok;
    advance(); // for
    bool is_await = false;
    if (m_tok.type == Tok::Identifier && m_tok.is(Tok::Await) && await_is_keyword()) {
        if (!m_fn->is_async && !(m_module && !m_fn->fn) && !(!m_fn->fn && m_options.await_is_keyword))
            return fail("for await is only valid in async functions");
        if (m_fn->await_reserved) return fail("unexpected 'await' here");
        is_await = true;
        advance();
    }
    if (!expect(Tok::LParen)) return nullptr;
    ScopeState scope_state;
    push_scope(scope_state, ScopeKind::For, nullptr);
    Node* init = nullptr;
    bool single_no_init = false;
    bool is_declaration = false;
    bool init_starts_with_let = false;
    bool init_starts_with_async = false;
    Token init_start = m_tok;
    CoverInfo cover;
    if (at(Tok::Semicolon)) {
        // no init
    } else if (at(Tok::Var) || at(Tok::Const) || at_let_declaration() || at_using_declaration(true) ||
               at_await_using_declaration()) {
        DeclarationKind kind = at(Tok::Var)           ? DeclarationKind::Var
                               : at(Tok::Const)       ? DeclarationKind::Const
                               : m_tok.is(Tok::Let)   ? DeclarationKind::Let
                               : m_tok.is(Tok::Using) ? DeclarationKind::Using
                                                      : DeclarationKind::AwaitUsing;
        if (kind == DeclarationKind::AwaitUsing) advance(); // await
        init = parse_variable_declaration(kind, false, true, &single_no_init);
        is_declaration = true;
        if (!init) return nullptr;
        finish(as<VariableDeclaration>(init));
    } else {
        init_starts_with_let = m_tok.is(Tok::Let);
        init_starts_with_async = m_tok.is(Tok::Async) && !m_tok.escaped;
        init = parse_expression(false, &cover);
        if (!init) return nullptr;
    }
    auto finish_loop_body = [&](Node*& body) -> bool {
        m_fn->iteration_depth++;
        m_fn->breakable_depth++;
        body = parse_loop_body();
        m_fn->iteration_depth--;
        m_fn->breakable_depth--;
        return body != nullptr;
    };
    bool is_of = m_tok.is(Tok::Of);
    if (init && (at(Tok::In) || is_of)) {
        if (is_declaration) {
            auto* decl = as<VariableDeclaration>(init);
            if (decl->declarations.size() != 1)
                return fail_at_node(init, "only one variable declaration allowed in for-in/of loop head");
            VariableDeclarator* d = decl->declarations[0];
            bool is_using = decl->declaration_kind == DeclarationKind::Using ||
                            decl->declaration_kind == DeclarationKind::AwaitUsing;
            if (is_using && !is_of) return fail_at_node(init, "using declaration not allowed in for-in");
            if (d->init) {
                // Annex B: `for (var x = 1 in o)` in sloppy mode with a simple binding.
                if (is_of || strict() || decl->declaration_kind != DeclarationKind::Var ||
                    d->id->kind != NodeKind::Identifier)
                    return fail_at_node(d, "for-in/of loop variable declaration may not have an initializer");
            }
        } else {
            if (is_of && init_starts_with_let)
                return fail_at_node(init, "for-of loop head may not start with 'let'");
            if (is_of && init_starts_with_async && !is_await && init->kind == NodeKind::Identifier &&
                !init->is_parenthesized())
                return fail_at_node(init, "for-of loop head may not start with 'async of'");
            if (init->kind == NodeKind::CallExpression) {
                if (!is_simple_assignment_target(init, true)) return nullptr;
            } else {
                init = to_assignment_target(init, false);
                if (!init) return nullptr;
            }
        }
        advance(); // in / of
        Node* right = is_of ? parse_assignment(true) : parse_expression(true);
        if (!right || !expect(Tok::RParen)) return nullptr;
        Node* body;
        if (is_of) {
            auto* stmt = make_node<ForOfStatement>(start);
            if (!stmt) return nullptr;
            stmt->left = init;
            stmt->right = right;
            stmt->is_await = is_await;
            if (!finish_loop_body(body) || !pop_scope(scope_state)) return nullptr;
            stmt->body = body;
            stmt->scope = scope_state.scope;
            return finish(stmt);
        }
        if (is_await) return fail("for await requires 'of'");
        auto* stmt = make_node<ForInStatement>(start);
        if (!stmt) return nullptr;
        stmt->left = init;
        stmt->right = right;
        if (!finish_loop_body(body) || !pop_scope(scope_state)) return nullptr;
        stmt->body = body;
        stmt->scope = scope_state.scope;
        return finish(stmt);
    }
    if (is_await) return fail("for await requires 'of'");
    if (init && !is_declaration) check_cover(cover, false);
    if (init && is_declaration) {
        auto* decl = as<VariableDeclaration>(init);
        for (VariableDeclarator* d : decl->declarations) {
            if (!d->init && ((decl->declaration_kind != DeclarationKind::Var &&
                              decl->declaration_kind != DeclarationKind::Let) ||
                             d->id->kind != NodeKind::Identifier))
                return fail_at_node(d, "missing initializer in declaration");
        }
    }
    if (failed() || !expect(Tok::Semicolon)) return nullptr;
    (void)init_start;
    auto* stmt = make_node<ForStatement>(start);
    if (!stmt) return nullptr;
    stmt->init = init;
    if (!at(Tok::Semicolon)) {
        stmt->test = parse_expression(true);
        if (!stmt->test) return nullptr;
    }
    if (!expect(Tok::Semicolon)) return nullptr;
    if (!at(Tok::RParen)) {
        stmt->update = parse_expression(true);
        if (!stmt->update) return nullptr;
    }
    if (!expect(Tok::RParen)) return nullptr;
    Node* body;
    if (!finish_loop_body(body) || !pop_scope(scope_state)) return nullptr;
    stmt->body = body;
    stmt->scope = scope_state.scope;
    return finish(stmt);
}

Node* Parser::parse_return() {
    auto* stmt = make_node<ReturnStatement>(m_tok);
    if (!stmt) return nullptr;
    if (!m_fn->fn || m_fn->kind == FunctionKind::ClassStaticBlock ||
        m_fn->kind == FunctionKind::ClassFieldInitializer)
        return fail("return not in a function");
    advance();
    if (!at(Tok::Semicolon) && !at(Tok::RBrace) && !at(Tok::EndOfInput) && !m_tok.newline_before) {
        stmt->argument = parse_expression(true);
        if (!stmt->argument) return nullptr;
    }
    if (!consume_semicolon()) return nullptr;
    return finish(stmt);
}

Node* Parser::parse_break_continue(bool is_break) {
    Token start = m_tok;
    advance();
    Identifier* label = nullptr;
    if (at(Tok::Identifier) && !m_tok.newline_before) {
        label = parse_identifier(false);
        if (!label) return nullptr;
        bool found = false;
        for (auto& l : m_fn->labels) {
            if (l.name == label->name.data) {
                found = true;
                if (!is_break && !l.is_loop)
                    return fail_at_node(label, "continue target is not an iteration statement");
            }
        }
        if (!found) return fail_at_node(label, "undefined label");
    } else if (is_break ? m_fn->breakable_depth == 0 : m_fn->iteration_depth == 0) {
        return fail_at(start, is_break ? "break outside of loop or switch" : "continue outside of loop");
    }
    if (!consume_semicolon()) return nullptr;
    if (is_break) {
        auto* stmt = make_node<BreakStatement>(start);
        if (!stmt) return nullptr;
        stmt->label = label;
        return finish(stmt);
    }
    auto* stmt = make_node<ContinueStatement>(start);
    if (!stmt) return nullptr;
    stmt->label = label;
    return finish(stmt);
}

Node* Parser::parse_throw() {
    auto* stmt = make_node<ThrowStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    if (m_tok.newline_before) return fail("line break not allowed after 'throw'");
    stmt->argument = parse_expression(true);
    if (!stmt->argument || !consume_semicolon()) return nullptr;
    return finish(stmt);
}

Node* Parser::parse_try() {
    auto* stmt = make_node<TryStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    if (!at(Tok::LBrace)) return fail_unexpected();
    stmt->block = as<BlockStatement>(parse_block_statement());
    if (!stmt->block) return nullptr;
    if (at(Tok::Catch)) {
        auto* handler = make_node<CatchClause>(m_tok);
        if (!handler) return nullptr;
        advance();
        ScopeState catch_scope;
        push_scope(catch_scope, ScopeKind::Catch, nullptr);
        if (eat(Tok::LParen)) {
            Node* param = parse_binding_target();
            if (!param) return nullptr;
            handler->param = param;
            AstVector<Identifier*> names;
            if (!collect_bound_names(param, names)) return nullptr;
            bool simple = param->kind == NodeKind::Identifier;
            Scope* scope = new_scope();
            if (!scope) return nullptr;
            catch_scope.scope = scope;
            for (Identifier* id : names) {
                uint8_t* slot = catch_scope.names.slot(m_arena, id->name.data);
                if (!slot) return fail_oom();
                if (*slot) return fail_at_node(id, "duplicate catch parameter name");
                *slot = simple ? NameCatchSimple : NameCatchPattern;
                if (!push(scope->lexical_declarations,
                          Declaration{id->name, DeclarationKind::CatchParameter, id}))
                    return nullptr;
            }
            if (!expect(Tok::RParen)) return nullptr;
        }
        if (!at(Tok::LBrace)) return fail_unexpected();
        ScopeState body_scope;
        push_scope(body_scope, ScopeKind::CatchBody, nullptr);
        handler->body = as<BlockStatement>(parse_block_statement(&body_scope));
        if (!handler->body || !pop_scope(body_scope)) return nullptr;
        handler->body->scope = body_scope.scope;
        if (!pop_scope(catch_scope)) return nullptr;
        handler->scope = catch_scope.scope;
        stmt->handler = finish(handler);
    }
    if (eat(Tok::Finally)) {
        if (!at(Tok::LBrace)) return fail_unexpected();
        stmt->finalizer = as<BlockStatement>(parse_block_statement());
        if (!stmt->finalizer) return nullptr;
    }
    if (!stmt->handler && !stmt->finalizer) return fail("missing catch or finally after try");
    return finish(stmt);
}

Node* Parser::parse_switch() {
    auto* stmt = make_node<SwitchStatement>(m_tok);
    if (!stmt) return nullptr;
    advance();
    if (!expect(Tok::LParen)) return nullptr;
    stmt->discriminant = parse_expression(true);
    if (!stmt->discriminant || !expect(Tok::RParen) || !expect(Tok::LBrace)) return nullptr;
    ScopeState s;
    push_scope(s, ScopeKind::Switch, nullptr);
    m_fn->breakable_depth++;
    bool seen_default = false;
    while (!at(Tok::RBrace)) {
        auto* c = make_node<SwitchCase>(m_tok);
        if (!c) return nullptr;
        if (eat(Tok::Case)) {
            c->test = parse_expression(true);
            if (!c->test) return nullptr;
        } else if (at(Tok::Default)) {
            if (seen_default) return fail("more than one default clause in switch statement");
            seen_default = true;
            advance();
        } else {
            return fail_unexpected();
        }
        if (!expect(Tok::Colon)) return nullptr;
        while (!at(Tok::Case) && !at(Tok::Default) && !at(Tok::RBrace)) {
            if (at(Tok::EndOfInput) || failed()) return fail_unexpected();
            Node* item = parse_statement_list_item();
            if (!item || !push(c->consequent, item)) return nullptr;
        }
        if (!push(stmt->cases, finish(c))) return nullptr;
    }
    advance();
    m_fn->breakable_depth--;
    if (!pop_scope(s)) return nullptr;
    stmt->scope = s.scope;
    return finish(stmt);
}

Node* Parser::parse_with() {
    auto* stmt = make_node<WithStatement>(m_tok);
    if (!stmt) return nullptr;
    if (strict()) return fail("'with' is not allowed in strict mode");
    advance();
    m_fn->unit->contains_with = true;
    if (!expect(Tok::LParen)) return nullptr;
    stmt->object = parse_expression(true);
    if (!stmt->object || !expect(Tok::RParen)) return nullptr;
    stmt->body = parse_loop_body();
    if (!stmt->body) return nullptr;
    return finish(stmt);
}

} // namespace qjs
