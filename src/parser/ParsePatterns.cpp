// ParsePatterns.cpp: binding patterns (declarations, parameters, catch), and the reinterpretation
// of object/array literals as assignment patterns or arrow parameters (cover grammars).
#include "parser/ParserImpl.h"

namespace qjs {

Node* Parser::parse_binding_target() {
    if (!enter_depth()) return nullptr;
    Node* result;
    if (at(Tok::LBracket) || at(Tok::LBrace))
        result = parse_binding_pattern();
    else
        result = parse_identifier(true);
    leave_depth();
    return result;
}

Node* Parser::parse_binding_element() {
    Token start = m_tok;
    Node* target = parse_binding_target();
    if (!target || !at(Tok::Assign)) return target;
    advance();
    auto* ap = make_node<AssignmentPattern>(start);
    if (!ap) return nullptr;
    ap->left = target;
    ap->right = parse_assignment(true);
    if (!ap->right) return nullptr;
    return finish(ap);
}

Node* Parser::parse_binding_pattern() {
    Token start = m_tok;
    if (eat(Tok::LBracket)) {
        auto* pat = make_node<ArrayPattern>(start);
        if (!pat) return nullptr;
        while (!at(Tok::RBracket)) {
            if (at(Tok::Comma)) {
                advance();
                if (!push(pat->elements, static_cast<Node*>(nullptr))) return nullptr;
                continue;
            }
            Node* elem;
            if (at(Tok::Ellipsis)) {
                auto* rest = make_node<RestElement>(m_tok);
                if (!rest) return nullptr;
                advance();
                rest->argument = parse_binding_target();
                if (!rest->argument) return nullptr;
                elem = finish(rest);
                if (!at(Tok::RBracket)) return fail("rest element must be last element");
            } else {
                elem = parse_binding_element();
                if (!elem) return nullptr;
            }
            if (!push(pat->elements, elem)) return nullptr;
            if (!at(Tok::RBracket) && !expect(Tok::Comma)) return nullptr;
        }
        advance();
        return finish(pat);
    }
    if (!expect(Tok::LBrace)) return nullptr;
    auto* pat = make_node<ObjectPattern>(start);
    if (!pat) return nullptr;
    while (!at(Tok::RBrace)) {
        if (at(Tok::Ellipsis)) {
            auto* rest = make_node<RestElement>(m_tok);
            if (!rest) return nullptr;
            advance();
            rest->argument = parse_identifier(true);
            if (!rest->argument || !push(pat->properties, static_cast<Node*>(finish(rest)))) return nullptr;
            if (!at(Tok::RBrace)) return fail("rest element must be last element");
            break;
        }
        auto* prop = make_node<Property>(m_tok);
        if (!prop) return nullptr;
        bool computed;
        Token key_tok;
        Node* key = parse_property_name(computed, false, key_tok);
        if (!key) return nullptr;
        prop->key = key;
        prop->computed = computed;
        if (eat(Tok::Colon)) {
            prop->value = parse_binding_element();
            if (!prop->value) return nullptr;
        } else {
            if (computed || key_tok.type != Tok::Identifier) return fail_unexpected();
            if (!check_identifier_token(key_tok, true)) return nullptr;
            Identifier* value = make_identifier(key_tok);
            if (!value) return nullptr;
            prop->shorthand = true;
            if (eat(Tok::Assign)) {
                auto* ap = make_node_at<AssignmentPattern>(value);
                if (!ap) return nullptr;
                ap->left = value;
                ap->right = parse_assignment(true);
                if (!ap->right) return nullptr;
                prop->value = finish(ap);
            } else {
                prop->value = value;
            }
        }
        if (!push(pat->properties, static_cast<Node*>(finish(prop)))) return nullptr;
        if (!at(Tok::RBrace) && !expect(Tok::Comma)) return nullptr;
    }
    advance();
    return finish(pat);
}

bool Parser::collect_bound_names(Node* pattern, AstVector<Identifier*>& out) {
    if (!pattern) return true;
    switch (pattern->kind) {
    case NodeKind::Identifier: return push(out, as<Identifier>(pattern));
    case NodeKind::ArrayPattern:
        for (Node* e : as<ArrayPattern>(pattern)->elements)
            if (!collect_bound_names(e, out)) return false;
        return true;
    case NodeKind::ObjectPattern:
        for (Node* p : as<ObjectPattern>(pattern)->properties) {
            Node* target = p->kind == NodeKind::Property ? as<Property>(p)->value : p;
            if (!collect_bound_names(target, out)) return false;
        }
        return true;
    case NodeKind::AssignmentPattern: return collect_bound_names(as<AssignmentPattern>(pattern)->left, out);
    case NodeKind::RestElement: return collect_bound_names(as<RestElement>(pattern)->argument, out);
    default: return true;
    }
}

// Expression -> assignment target. `is_pattern_leaf`: an element/property value inside a pattern
// (where a parenthesized simple target is still allowed, but a parenthesized pattern is not).
Node* Parser::to_assignment_target(Node* expr, bool is_pattern_leaf) {
    (void)is_pattern_leaf;
    if (!enter_depth()) return nullptr;
    Node* result = nullptr;
    switch (expr->kind) {
    case NodeKind::ArrayExpression: {
        if (expr->is_parenthesized()) {
            fail_at_node(expr, "invalid destructuring assignment target");
            break;
        }
        auto* arr = as<ArrayExpression>(expr);
        auto* pat = make_node_at<ArrayPattern>(expr);
        if (!pat) break;
        pat->end = expr->end;
        bool ok = true;
        for (uint32_t i = 0; i < arr->elements.size() && ok; i++) {
            Node* e = arr->elements[i];
            Node* converted = nullptr;
            if (!e) {
                converted = nullptr;
            } else if (e->kind == NodeKind::SpreadElement) {
                if (i + 1 != arr->elements.size() || (arr->flags & NodeFlagInternalRestNotLast)) {
                    fail_at_node(e, "rest element must be last element");
                    ok = false;
                    break;
                }
                Node* arg = as<SpreadElement>(e)->argument;
                if (arg->kind == NodeKind::AssignmentExpression && !arg->is_parenthesized()) {
                    fail_at_node(arg, "rest element may not have a default initializer");
                    ok = false;
                    break;
                }
                auto* rest = make_node_at<RestElement>(e);
                if (!rest) {
                    ok = false;
                    break;
                }
                rest->end = e->end;
                rest->argument = to_assignment_target(arg, true);
                if (!rest->argument) {
                    ok = false;
                    break;
                }
                converted = rest;
            } else {
                converted = to_assignment_target(e, true);
                if (!converted) {
                    ok = false;
                    break;
                }
            }
            if (!push(pat->elements, converted)) ok = false;
        }
        if (ok) result = pat;
        break;
    }
    case NodeKind::ObjectExpression: {
        if (expr->is_parenthesized()) {
            fail_at_node(expr, "invalid destructuring assignment target");
            break;
        }
        auto* obj = as<ObjectExpression>(expr);
        auto* pat = make_node_at<ObjectPattern>(expr);
        if (!pat) break;
        pat->end = expr->end;
        bool ok = true;
        for (uint32_t i = 0; i < obj->properties.size() && ok; i++) {
            Node* p = obj->properties[i];
            if (p->kind == NodeKind::SpreadElement) {
                if (i + 1 != obj->properties.size() || (obj->flags & NodeFlagInternalRestNotLast)) {
                    fail_at_node(p, "rest element must be last element");
                    ok = false;
                    break;
                }
                Node* arg = as<SpreadElement>(p)->argument;
                if (arg->kind != NodeKind::Identifier && arg->kind != NodeKind::MemberExpression) {
                    fail_at_node(arg, "invalid rest element");
                    ok = false;
                    break;
                }
                auto* rest = make_node_at<RestElement>(p);
                if (!rest || !is_simple_assignment_target(arg)) {
                    ok = false;
                    break;
                }
                rest->end = p->end;
                rest->argument = arg;
                ok = push(pat->properties, static_cast<Node*>(rest));
                continue;
            }
            auto* prop = as<Property>(p);
            if (prop->method || prop->property_kind == PropertyKind::Get ||
                prop->property_kind == PropertyKind::Set) {
                fail_at_node(p, "invalid destructuring assignment target");
                ok = false;
                break;
            }
            auto* np = make_node_at<Property>(p);
            if (!np) {
                ok = false;
                break;
            }
            *np = *prop;
            np->property_kind = PropertyKind::Init;
            Node* value = prop->value;
            if (prop->shorthand && value->kind == NodeKind::AssignmentExpression) {
                // `{a = 1}` (CoverInitializedName)
                auto* assign = as<AssignmentExpression>(value);
                auto* ap = make_node_at<AssignmentPattern>(value);
                if (!ap || !is_simple_assignment_target(assign->left)) {
                    ok = false;
                    break;
                }
                ap->end = value->end;
                ap->left = assign->left;
                ap->right = assign->right;
                np->value = ap;
            } else {
                np->value = to_assignment_target(value, true);
                if (!np->value) {
                    ok = false;
                    break;
                }
            }
            ok = push(pat->properties, static_cast<Node*>(np));
        }
        if (ok) result = pat;
        break;
    }
    case NodeKind::AssignmentExpression: {
        auto* assign = as<AssignmentExpression>(expr);
        if (!is_pattern_leaf || assign->op != AssignOp::Assign || expr->is_parenthesized()) {
            fail_at_node(expr, "invalid destructuring assignment target");
            break;
        }
        auto* ap = make_node_at<AssignmentPattern>(expr);
        if (!ap) break;
        ap->end = expr->end;
        // The left side was already converted when the assignment was parsed.
        ap->left = assign->left;
        ap->right = assign->right;
        result = ap;
        break;
    }
    case NodeKind::Identifier:
    case NodeKind::MemberExpression:
        if (is_simple_assignment_target(expr)) result = expr;
        break;
    case NodeKind::ArrayPattern:
    case NodeKind::ObjectPattern:
        // Already converted (nested assignment `[a] = [b] = c` does not reach here, but defaults do).
        result = expr;
        break;
    default: fail_at_node(expr, "invalid assignment target"); break;
    }
    leave_depth();
    return result;
}

// Arrow parameter expression -> binding pattern (only identifiers as leaves).
Node* Parser::to_binding_target(Node* expr) {
    if (!enter_depth()) return nullptr;
    Node* result = nullptr;
    if (expr->is_parenthesized()) {
        fail_at_node(expr, "invalid arrow function parameter");
        leave_depth();
        return nullptr;
    }
    switch (expr->kind) {
    case NodeKind::Identifier:
        if (check_binding_name(as<Identifier>(expr))) result = expr;
        break;
    case NodeKind::ArrayExpression:
    case NodeKind::ObjectExpression: {
        Node* pat = to_assignment_target(expr, false);
        if (pat) result = to_binding_target(pat);
        break;
    }
    case NodeKind::ArrayPattern: {
        bool ok = true;
        for (Node* e : as<ArrayPattern>(expr)->elements)
            if (e && !to_binding_target(e)) ok = false;
        if (ok) result = expr;
        break;
    }
    case NodeKind::ObjectPattern: {
        bool ok = true;
        for (Node* p : as<ObjectPattern>(expr)->properties) {
            Node* v = p->kind == NodeKind::Property ? as<Property>(p)->value : p;
            if (!to_binding_target(v)) {
                ok = false;
                break;
            }
        }
        if (ok) result = expr;
        break;
    }
    case NodeKind::RestElement:
        if (to_binding_target(as<RestElement>(expr)->argument)) result = expr;
        break;
    case NodeKind::AssignmentPattern:
        if (to_binding_target(as<AssignmentPattern>(expr)->left)) result = expr;
        break;
    case NodeKind::AssignmentExpression: {
        auto* assign = as<AssignmentExpression>(expr);
        if (assign->op != AssignOp::Assign) {
            fail_at_node(expr, "invalid arrow function parameter");
            break;
        }
        auto* ap = make_node_at<AssignmentPattern>(expr);
        if (!ap) break;
        ap->end = expr->end;
        ap->left = to_binding_target(assign->left);
        ap->right = assign->right;
        if (ap->left) result = ap;
        break;
    }
    default: fail_at_node(expr, "invalid destructuring target"); break;
    }
    leave_depth();
    return result;
}

} // namespace qjs
