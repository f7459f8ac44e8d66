// ParseClasses.cpp: class declarations/expressions, class elements (methods, accessors, fields,
// static blocks), private names and the class early errors.
#include "parser/ParserImpl.h"

namespace qjs {

static bool key_is(const Node* key, const char* name) {
    if (key->kind == NodeKind::Identifier)
        return static_cast<const Identifier*>(key)->name.equals_ascii(name);
    if (key->kind == NodeKind::StringLiteral)
        return static_cast<const StringLiteral*>(key)->value.equals_ascii(name);
    return false;
}

// Direct eval code may use the private names of the classes around the eval call.
static bool is_outer_private_name(const ParseOptions& o, const char16_t* name, uint32_t length) {
    for (uint32_t i = 0; i < o.outer_private_name_count; i++)
        if (o.outer_private_names[i].equals(AstString{name, length})) return true;
    return false;
}

void Parser::use_private_name(const Token& t) {
    if (!m_class) {
        if (is_outer_private_name(m_options, t.value.data, t.value.length)) return;
        fail_at(t, "undeclared private name");
        return;
    }
    push(m_class->references, ClassState::Reference{t.value.data, t.start, t.line, t.column,
                                                    static_cast<uint32_t>(t.value.length)});
}

bool Parser::finish_class_private_names(ClassState& cs) {
    for (const ClassState::Reference& ref : cs.references) {
        bool found = false;
        for (const PrivateNameDeclaration& d : cs.node->private_names)
            if (d.name.data == ref.name) found = true;
        if (found) continue;
        if (cs.parent) {
            if (!push(cs.parent->references, ref)) return false;
            continue;
        }
        if (is_outer_private_name(m_options, ref.name, ref.length)) continue;
        return fail_at_offset(ref.offset, ref.line, ref.column, "undeclared private name"), false;
    }
    return true;
}

static bool declare_private(Parser& p, ClassNode* cls, PrivateIdentifier* key, PrivateNameKind kind,
                            bool is_static) {
    for (PrivateNameDeclaration& d : cls->private_names) {
        if (d.name.data != key->name.data) continue;
        bool pair = d.is_static == is_static &&
                    ((d.kind == PrivateNameKind::Getter && kind == PrivateNameKind::Setter) ||
                     (d.kind == PrivateNameKind::Setter && kind == PrivateNameKind::Getter));
        if (!pair) return p.fail_at_node(key, "duplicate private name"), false;
        d.kind = PrivateNameKind::Accessor;
        return true;
    }
    return p.push(cls->private_names, PrivateNameDeclaration{key->name, kind, is_static});
}

ClassNode* Parser::parse_class(const Token& start, bool is_statement, bool default_export) {
    advance(); // class
    bool saved_strict = m_fn->strict;
    m_fn->strict = true; // all parts of a class are strict mode code
    auto* cls = make_node_kind<ClassNode>(
        is_statement ? NodeKind::ClassDeclaration : NodeKind::ClassExpression, start);
    if (!cls) return nullptr;
    ClassNode* result = nullptr;
    do {
        if (at(Tok::Identifier)) {
            cls->id = parse_identifier(true);
            if (!cls->id) break;
        } else if (is_statement && !default_export) {
            fail("class name expected");
            break;
        }
        if (eat(Tok::Extends)) {
            if (!enter_depth()) break;
            cls->super_class = parse_lhs(nullptr, true);
            leave_depth();
            if (!cls->super_class) break;
            if (cls->super_class->kind == NodeKind::ArrowFunctionExpression &&
                !cls->super_class->is_parenthesized()) {
                fail_at_node(cls->super_class, "unexpected arrow function in class heritage");
                break;
            }
        }
        if (!expect(Tok::LBrace)) break;
        ClassState cs;
        cs.parent = m_class;
        cs.node = cls;
        m_class = &cs;
        bool seen_constructor = false;
        bool ok = true;
        while (ok && !at(Tok::RBrace)) {
            if (eat(Tok::Semicolon)) continue;
            if (at(Tok::EndOfInput) || failed()) {
                fail_unexpected();
                ok = false;
                break;
            }
            ok = parse_class_element(cls, seen_constructor);
        }
        m_class = cs.parent;
        if (!ok) break;
        advance(); // }
        if (!finish_class_private_names(cs)) break;
        result = cls;
    } while (false);
    m_fn->strict = saved_strict;
    if (!result) return nullptr;
    finish(cls);
    if (is_statement && cls->id && !declare_lexical(cls->id, DeclarationKind::Class)) return nullptr;
    return cls;
}

bool Parser::parse_class_element(ClassNode* cls, bool& seen_constructor) {
    Token start = m_tok;
    auto* elem = make_node<ClassElement>(start);
    if (!elem) return false;
    auto next_starts_name = [&]() {
        Token next = peek();
        return next.type != Tok::LParen && next.type != Tok::Assign && next.type != Tok::Semicolon &&
               next.type != Tok::RBrace && next.type != Tok::EndOfInput;
    };
    if (m_tok.is(Tok::Static) && next_starts_name()) {
        elem->is_static = true;
        advance();
        if (at(Tok::LBrace)) {
            // static { ... }
            auto* fn = make_node_kind<FunctionNode>(NodeKind::FunctionExpression, start);
            if (!fn) return false;
            fn->function_kind = FunctionKind::ClassStaticBlock;
            FunctionState fs;
            begin_function_state(fs, fn, fn, FunctionKind::ClassStaticBlock, false, false, false);
            fs.arguments_forbidden = true;
            fs.await_reserved = true;
            ScopeState top;
            fn->scope = new_scope();
            if (!fn->scope) return false;
            push_scope(top, ScopeKind::Function, fn->scope);
            fs.var_scope = &top;
            advance();
            bool ok = parse_source_elements(fn->body, Tok::RBrace);
            if (ok) {
                advance();
                ok = pop_scope(top);
            }
            end_function_state(fs);
            if (!ok) return false;
            finish(fn);
            elem->element_kind = ClassElementKind::StaticBlock;
            elem->value = fn;
            return push(cls->body, finish(elem));
        }
    }
    Token member_start = m_tok;
    bool is_async = false, is_generator = false;
    ClassElementKind kind = ClassElementKind::Method;
    if (m_tok.is(Tok::Async) && next_starts_name() && !peek().newline_before) {
        is_async = true;
        advance();
    }
    if (at(Tok::Star)) {
        is_generator = true;
        advance();
    }
    if (!is_async && !is_generator && (m_tok.is(Tok::Get) || m_tok.is(Tok::Set)) && next_starts_name() &&
        peek().type != Tok::Star) {
        kind = m_tok.is(Tok::Get) ? ClassElementKind::Getter : ClassElementKind::Setter;
        advance();
    }
    bool computed;
    Token key_tok;
    Node* key = parse_property_name(computed, true, key_tok);
    if (!key) return false;
    elem->key = key;
    elem->computed = computed;
    bool is_private = key->kind == NodeKind::PrivateIdentifier;
    if (is_private && as<PrivateIdentifier>(key)->name.equals_ascii("constructor"))
        return fail_at_node(key, "class members cannot be named '#constructor'"), false;
    bool named_constructor = !computed && !is_private && key_is(key, "constructor");
    bool named_prototype = !computed && !is_private && key_is(key, "prototype");
    if (kind != ClassElementKind::Method || is_async || is_generator || at(Tok::LParen)) {
        FunctionKind fk = kind == ClassElementKind::Getter   ? FunctionKind::Getter
                          : kind == ClassElementKind::Setter ? FunctionKind::Setter
                                                             : FunctionKind::Method;
        if (named_constructor && !elem->is_static) {
            if (kind != ClassElementKind::Method || is_async || is_generator)
                return fail_at_node(key, "class constructor may not be an accessor, generator or async"),
                       false;
            if (seen_constructor) return fail_at_node(key, "a class may only have one constructor"), false;
            seen_constructor = true;
            kind = ClassElementKind::Constructor;
            fk = cls->super_class ? FunctionKind::DerivedConstructor : FunctionKind::ClassConstructor;
        }
        if (named_prototype && elem->is_static)
            return fail_at_node(key, "classes may not have a static property named 'prototype'"), false;
        FunctionNode* fn = parse_method_function(member_start, fk, is_async, is_generator, false);
        if (!fn) return false;
        elem->element_kind = kind;
        elem->value = fn;
        if (kind == ClassElementKind::Constructor) cls->constructor = fn;
        if (is_private) {
            PrivateNameKind pk = kind == ClassElementKind::Getter   ? PrivateNameKind::Getter
                                 : kind == ClassElementKind::Setter ? PrivateNameKind::Setter
                                                                    : PrivateNameKind::Method;
            if (!declare_private(*this, cls, as<PrivateIdentifier>(key), pk, elem->is_static)) return false;
        }
        return push(cls->body, finish(elem));
    }
    // Field definition.
    if (named_constructor)
        return fail_at_node(key, "classes may not have a field named 'constructor'"), false;
    if (named_prototype && elem->is_static)
        return fail_at_node(key, "classes may not have a static property named 'prototype'"), false;
    elem->element_kind = ClassElementKind::Field;
    if (is_private &&
        !declare_private(*this, cls, as<PrivateIdentifier>(key), PrivateNameKind::Field, elem->is_static))
        return false;
    if (eat(Tok::Assign)) {
        auto* fn = make_node_kind<FunctionNode>(NodeKind::FunctionExpression, m_tok);
        if (!fn) return false;
        fn->function_kind = FunctionKind::ClassFieldInitializer;
        fn->expression_body = true;
        bool enclosing_await = await_is_keyword();
        FunctionState fs;
        begin_function_state(fs, fn, fn, FunctionKind::ClassFieldInitializer, false, false, false);
        fs.arguments_forbidden = true;
        fs.await_reserved = enclosing_await;
        ScopeState top;
        fn->scope = new_scope();
        if (!fn->scope) return false;
        push_scope(top, ScopeKind::Function, fn->scope);
        fs.var_scope = &top;
        fn->body_expression = parse_assignment(true);
        bool ok = fn->body_expression && pop_scope(top);
        end_function_state(fs);
        if (!ok) return false;
        elem->value = finish(fn);
    }
    if (!consume_semicolon()) return false;
    return push(cls->body, finish(elem));
}

} // namespace qjs
