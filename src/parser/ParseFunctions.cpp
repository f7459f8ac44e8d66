// ParseFunctions.cpp: function declarations/expressions, methods, arrow functions, formal
// parameters and function bodies, with their early errors (duplicate parameters, "use strict" with
// non-simple parameters, names that become invalid when the body is strict).
#include "parser/ParserImpl.h"

namespace qjs {

static Scope* make_function_scope(Parser& p, FunctionNode* fn) {
    fn->scope = p.new_scope();
    return fn->scope;
}

bool Parser::parse_formal_parameters(FunctionNode* fn) {
    if (!expect(Tok::LParen)) return false;
    m_fn->in_parameters = true;
    bool simple = true;
    bool counting = true;
    while (!at(Tok::RParen)) {
        Node* param;
        if (at(Tok::Ellipsis)) {
            auto* rest = make_node<RestElement>(m_tok);
            if (!rest) return false;
            advance();
            rest->argument = parse_binding_target();
            if (!rest->argument) return false;
            if (at(Tok::Assign)) return fail("rest parameter may not have a default initializer"), false;
            param = finish(rest);
            simple = false;
            counting = false;
            if (!at(Tok::RParen)) return fail("rest parameter must be last formal parameter"), false;
        } else {
            param = parse_binding_element();
            if (!param) return false;
            if (param->kind != NodeKind::Identifier) simple = false;
            if (param->kind == NodeKind::AssignmentPattern) counting = false;
            if (counting) fn->expected_argument_count++;
        }
        if (!push(fn->params, param)) return false;
        AstVector<Identifier*> names;
        if (!collect_bound_names(param, names)) return false;
        for (Identifier* id : names)
            if (!declare_parameter(id) || !push(m_fn->parameter_ids, id)) return false;
        if (!at(Tok::RParen) && !expect(Tok::Comma)) return false;
    }
    advance();
    m_fn->in_parameters = false;
    fn->has_simple_parameter_list = simple;
    return true;
}

bool Parser::validate_parameters(FunctionNode* fn, bool strict_now, bool unique_required) {
    if ((unique_required || strict_now || !fn->has_simple_parameter_list) && m_fn->duplicate_parameter)
        return fail_at_node(m_fn->duplicate_parameter,
                            "duplicate parameter name not allowed in this context"),
               false;
    if (strict_now) {
        for (Identifier* id : m_fn->parameter_ids)
            if (!check_binding_name(id)) return false;
    }
    uint8_t bits = m_scope->names.get(m_name_arguments);
    if (bits & (NameParameter | NameLexical | NameTopFunction)) fn->arguments_shadowed = true;
    return true;
}

bool Parser::parse_function_body(FunctionNode* fn, FunctionState& fs, bool) {
    if (!expect(Tok::LBrace)) return false;
    bool became_strict = false;
    if (!parse_directives(fn->body, became_strict) || !parse_source_elements(fn->body, Tok::RBrace))
        return false;
    advance(); // }
    (void)fs;
    return true;
}

// Checks the name of a function expression in the function's own yield/await context.
static bool with_own_context(Parser& p, FunctionState& own, bool is_async, bool is_generator) {
    bool saved_async = own.is_async, saved_gen = own.is_generator, saved_reserved = own.await_reserved,
         saved_params = own.in_parameters;
    own.is_async = is_async;
    own.is_generator = is_generator;
    own.await_reserved = false;
    own.in_parameters = false;
    bool ok = p.check_identifier_token(p.m_tok, true);
    own.is_async = saved_async;
    own.is_generator = saved_gen;
    own.await_reserved = saved_reserved;
    own.in_parameters = saved_params;
    return ok;
}

FunctionNode* Parser::parse_function(const Token& start, NodeKind kind, bool is_async, bool is_statement,
                                     bool default_export) {
    advance(); // function
    bool is_generator = eat(Tok::Star);
    auto* fn = make_node_kind<FunctionNode>(kind, start);
    if (!fn) return nullptr;
    fn->is_async = is_async;
    fn->is_generator = is_generator;
    Identifier* id = nullptr;
    if (!at(Tok::LParen)) {
        bool ok = kind == NodeKind::FunctionExpression
                      ? with_own_context(*this, *m_fn, is_async, is_generator)
                      : check_identifier_token(m_tok, true);
        if (!ok) return nullptr;
        id = make_identifier(m_tok);
        if (!id) return nullptr;
        advance();
    } else if (is_statement && !default_export) {
        return fail("function name expected");
    }
    fn->id = id;
    fn->has_self_binding = kind == NodeKind::FunctionExpression && id;
    if (!enter_depth()) return nullptr;
    FunctionState fs;
    begin_function_state(fs, fn, fn, FunctionKind::Normal, is_async, is_generator, false);
    ScopeState top;
    if (!make_function_scope(*this, fn)) return nullptr;
    push_scope(top, ScopeKind::Function, fn->scope);
    fs.var_scope = &top;
    bool ok = parse_formal_parameters(fn) && parse_function_body(fn, fs, false);
    if (ok) ok = validate_parameters(fn, fs.strict, false);
    if (ok && id && fs.strict) ok = check_binding_name(id);
    if (ok) ok = pop_scope(top);
    end_function_state(fs);
    leave_depth();
    if (!ok) return nullptr;
    finish(fn);
    if (is_statement && id && !declare_function(fn)) return nullptr;
    return fn;
}

FunctionNode* Parser::parse_method_function(const Token& start, FunctionKind kind, bool is_async,
                                            bool is_generator, bool) {
    auto* fn = make_node_kind<FunctionNode>(NodeKind::FunctionExpression, start);
    if (!fn) return nullptr;
    fn->function_kind = kind;
    fn->is_async = is_async;
    fn->is_generator = is_generator;
    if (!enter_depth()) return nullptr;
    FunctionState fs;
    begin_function_state(fs, fn, fn, kind, is_async, is_generator, false);
    ScopeState top;
    if (!make_function_scope(*this, fn)) return nullptr;
    push_scope(top, ScopeKind::Function, fn->scope);
    fs.var_scope = &top;
    bool ok = parse_formal_parameters(fn);
    if (ok && kind == FunctionKind::Getter && !fn->params.empty())
        ok = (fail_at_node(fn->params[0], "getter must not have any formal parameters"), false);
    if (ok && kind == FunctionKind::Setter &&
        (fn->params.size() != 1 || fn->params[0]->kind == NodeKind::RestElement))
        ok = (fail_at(start, "setter must have exactly one formal parameter"), false);
    ok = ok && parse_function_body(fn, fs, false);
    if (ok) ok = validate_parameters(fn, fs.strict, true);
    if (ok) ok = pop_scope(top);
    end_function_state(fs);
    leave_depth();
    if (!ok) return nullptr;
    return finish(fn);
}

Node* Parser::parse_arrow_function(const Token& start, AstVector<Node*>* items, Identifier* single,
                                   bool is_async, const UseCounters& before) {
    if (m_counters.yield_expressions != before.yield_expressions)
        return fail_at(start, "yield expression not allowed in arrow function parameters");
    if (m_counters.await_expressions != before.await_expressions)
        return fail_at(start, "await expression not allowed in arrow function parameters");
    bool body_in = m_assignment_in;
    auto* fn = make_node_kind<FunctionNode>(NodeKind::ArrowFunctionExpression, start);
    if (!fn) return nullptr;
    fn->is_arrow = true;
    fn->is_async = is_async;
    // Uses inside the parameters were attributed to the enclosing unit; the arrow has them too.
    if (m_counters.this_uses != before.this_uses) fn->uses_this = true;
    if (m_counters.arguments_uses != before.arguments_uses) fn->uses_arguments = true;
    if (m_counters.super_property_uses != before.super_property_uses) fn->uses_super_property = true;
    if (m_counters.super_call_uses != before.super_call_uses) fn->uses_super_call = true;
    if (m_counters.new_target_uses != before.new_target_uses) fn->uses_new_target = true;
    if (m_counters.direct_evals != before.direct_evals) fn->has_direct_eval = true;
    if (!enter_depth()) return nullptr;
    FunctionState fs;
    begin_function_state(fs, fn, fn, FunctionKind::Normal, is_async, false, true);
    ScopeState top;
    if (!make_function_scope(*this, fn)) return nullptr;
    push_scope(top, ScopeKind::Function, fn->scope);
    fs.var_scope = &top;
    bool ok = true;
    bool simple = true;
    bool counting = true;
    auto add_param = [&](Node* param) -> bool {
        if (!push(fn->params, param)) return false;
        if (param->kind != NodeKind::Identifier) simple = false;
        if (param->kind == NodeKind::AssignmentPattern || param->kind == NodeKind::RestElement)
            counting = false;
        if (counting) fn->expected_argument_count++;
        AstVector<Identifier*> names;
        if (!collect_bound_names(param, names)) return false;
        for (Identifier* id : names)
            if (!declare_parameter(id) || !push(fs.parameter_ids, id)) return false;
        return true;
    };
    if (single) {
        ok = check_binding_name(single) && add_param(single);
    } else {
        for (uint32_t i = 0; ok && i < items->size(); i++) {
            Node* item = (*items)[i];
            Node* param;
            if (item->kind == NodeKind::SpreadElement) {
                // From `async (...x) =>`: the spread becomes a rest parameter.
                auto* rest = make_node_at<RestElement>(item);
                if (!rest) return nullptr;
                rest->end = item->end;
                Node* arg = as<SpreadElement>(item)->argument;
                if (i + 1 != items->size())
                    return fail_at_node(item, "rest parameter must be last formal parameter");
                if (arg->kind == NodeKind::AssignmentExpression)
                    return fail_at_node(arg, "rest parameter may not have a default initializer");
                rest->argument = to_binding_target(arg);
                param = rest->argument ? rest : nullptr;
            } else {
                param = to_binding_target(item);
            }
            ok = param && add_param(param);
        }
    }
    fn->has_simple_parameter_list = simple;
    if (ok && fs.duplicate_parameter)
        ok = (fail_at_node(fs.duplicate_parameter, "duplicate parameter name not allowed in arrow function"),
              false);
    if (ok && !expect(Tok::Arrow)) ok = false;
    if (ok) {
        if (at(Tok::LBrace)) {
            ok = parse_function_body(fn, fs, false);
        } else {
            fn->expression_body = true;
            fn->body_expression = parse_assignment(body_in);
            ok = fn->body_expression != nullptr;
        }
    }
    if (ok) ok = validate_parameters(fn, fs.strict, true);
    if (ok) ok = pop_scope(top);
    end_function_state(fs);
    leave_depth();
    if (!ok) return nullptr;
    return finish(fn);
}

} // namespace qjs
