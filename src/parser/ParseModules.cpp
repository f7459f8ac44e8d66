// ParseModules.cpp: import and export declarations (Module goal only) and their early errors
// (duplicate export names, exports of undeclared bindings).
#include "parser/ParserImpl.h"

namespace qjs {

StringLiteral* Parser::parse_module_specifier() {
    if (!at(Tok::String)) return static_cast<StringLiteral*>(fail("expected module specifier string"));
    auto* s = as<StringLiteral>(make_literal_from_token(m_tok));
    if (!s) return nullptr;
    advance();
    return s;
}

bool Parser::parse_import_attributes(AstVector<ImportAttribute>& out) {
    if (!at(Tok::With)) return true;
    advance();
    if (!expect(Tok::LBrace)) return false;
    while (!at(Tok::RBrace)) {
        AstString key;
        if (at(Tok::String)) {
            key = m_tok.value;
        } else if (is_identifier_name(m_tok.type)) {
            key = m_tok.value;
        } else {
            return fail_unexpected(), false;
        }
        for (const ImportAttribute& a : out)
            if (a.key.equals(key)) return fail("duplicate import attribute"), false;
        advance();
        if (!expect(Tok::Colon)) return false;
        if (!at(Tok::String)) return fail("import attribute value must be a string"), false;
        AstString value = m_tok.value;
        advance();
        if (!push(out, ImportAttribute{key, value})) return false;
        if (!at(Tok::RBrace) && !expect(Tok::Comma)) return false;
    }
    advance();
    return true;
}

// ModuleExportName: IdentifierName or a string literal (which must be well-formed Unicode).
bool Parser::parse_module_export_name(AstString& name, Node*& node, bool& is_string) {
    is_string = at(Tok::String);
    if (is_string) {
        const AstString& v = m_tok.value;
        for (uint32_t i = 0; i < v.length; i++) {
            char16_t c = v.data[i];
            if (c >= 0xd800 && c <= 0xdbff) {
                if (i + 1 < v.length && v.data[i + 1] >= 0xdc00 && v.data[i + 1] <= 0xdfff) {
                    i++;
                    continue;
                }
                return fail("module export name must be valid Unicode"), false;
            }
            if (c >= 0xdc00 && c <= 0xdfff) return fail("module export name must be valid Unicode"), false;
        }
        node = make_literal_from_token(m_tok);
    } else if (is_identifier_name(m_tok.type)) {
        node = make_identifier(m_tok);
    } else {
        return fail_unexpected(), false;
    }
    if (!node) return false;
    name = m_tok.value;
    advance();
    return true;
}

static bool add_export_name(Parser& p, const AstString& name, const Node* at) {
    for (const AstString& n : p.m_exported_string_names)
        if (n.equals(name)) return p.fail_at_node(at, "duplicate export name"), false;
    return p.push(p.m_exported_string_names, name);
}

Node* Parser::parse_import_declaration() {
    auto* decl = make_node<ImportDeclaration>(m_tok);
    if (!decl) return nullptr;
    advance(); // import
    auto bind = [&](ImportSpecifierKind kind, AstString imported) -> bool {
        Identifier* local = parse_identifier(true);
        if (!local || !declare_lexical(local, DeclarationKind::Import)) return false;
        return push(decl->specifiers, ImportSpecifier{kind, imported, local});
    };
    if (at(Tok::String)) {
        decl->source = parse_module_specifier();
        if (!decl->source || !parse_import_attributes(decl->attributes) || !consume_semicolon())
            return nullptr;
        return finish(decl);
    }
    // `import defer * as ns from "m"`; `import source x from "m"` (but `import defer from "m"` and
    // `import source from "m"` are default imports of bindings so named).
    if (m_tok.is(Tok::Defer) && peek().type == Tok::Star) {
        advance();
        decl->phase = ImportPhase::Defer;
    } else if (m_tok.is(Tok::Source)) {
        Token second;
        Token next = peek2(&second);
        if (next.type == Tok::Identifier && (!next.is(Tok::From) || second.is(Tok::From))) {
            advance();
            decl->phase = ImportPhase::Source;
            if (!bind(ImportSpecifierKind::Default, AstString{})) return nullptr;
            return finish_import_from(decl);
        }
    }
    bool need_more = true;
    if (decl->phase == ImportPhase::Defer) {
        if (!eat(Tok::Star) || !m_tok.is(Tok::As)) return fail("expected '* as' after 'import defer'");
        advance();
        if (!bind(ImportSpecifierKind::Namespace, AstString{})) return nullptr;
        need_more = false;
    } else if (at(Tok::Identifier)) {
        if (!bind(ImportSpecifierKind::Default, AstString{})) return nullptr;
        need_more = eat(Tok::Comma);
    }
    if (need_more) {
        if (eat(Tok::Star)) {
            if (!m_tok.is(Tok::As)) return fail("expected 'as'");
            advance();
            if (!bind(ImportSpecifierKind::Namespace, AstString{})) return nullptr;
        } else if (eat(Tok::LBrace)) {
            while (!at(Tok::RBrace)) {
                AstString imported;
                Node* name_node;
                bool is_string;
                Token name_tok = m_tok;
                if (!parse_module_export_name(imported, name_node, is_string)) return nullptr;
                if (m_tok.is(Tok::As)) {
                    advance();
                    if (!bind(ImportSpecifierKind::Named, imported)) return nullptr;
                } else {
                    if (is_string) return fail("expected 'as' after string import name");
                    if (!check_identifier_token(name_tok, true)) return nullptr;
                    Identifier* local = as<Identifier>(name_node);
                    if (!declare_lexical(local, DeclarationKind::Import) ||
                        !push(decl->specifiers, ImportSpecifier{ImportSpecifierKind::Named, imported, local}))
                        return nullptr;
                }
                if (!at(Tok::RBrace) && !expect(Tok::Comma)) return nullptr;
            }
            advance();
        } else {
            return fail_unexpected();
        }
    }
    return finish_import_from(decl);
}

// `from "m" [with {...}];` closing an import declaration.
Node* Parser::finish_import_from(ImportDeclaration* decl) {
    if (!m_tok.is(Tok::From)) return fail("expected 'from'");
    advance();
    decl->source = parse_module_specifier();
    if (!decl->source || !parse_import_attributes(decl->attributes) || !consume_semicolon()) return nullptr;
    return finish(decl);
}

Node* Parser::parse_export_declaration() {
    Token start = m_tok;
    advance(); // export
    if (eat(Tok::Star)) {
        auto* decl = make_node<ExportAllDeclaration>(start);
        if (!decl) return nullptr;
        if (m_tok.is(Tok::As)) {
            advance();
            Node* node;
            bool is_string;
            if (!parse_module_export_name(decl->exported, node, is_string) ||
                !add_export_name(*this, decl->exported, node))
                return nullptr;
            decl->has_exported = true;
        }
        if (!m_tok.is(Tok::From)) return fail("expected 'from'");
        advance();
        decl->source = parse_module_specifier();
        if (!decl->source || !parse_import_attributes(decl->attributes) || !consume_semicolon())
            return nullptr;
        return finish(decl);
    }
    if (at(Tok::Default)) {
        auto* decl = make_node<ExportDefaultDeclaration>(start);
        if (!decl) return nullptr;
        Token dtok = m_tok;
        advance();
        Identifier* default_id = make_identifier(dtok);
        if (!default_id) return nullptr;
        default_id->name = AstString{m_name_default_binding, 9};
        Token t = m_tok;
        if (at(Tok::Function) ||
            (m_tok.is(Tok::Async) && peek().type == Tok::Function && !peek().newline_before)) {
            bool is_async = !at(Tok::Function);
            if (is_async) advance();
            FunctionNode* fn = parse_function(t, NodeKind::FunctionDeclaration, is_async, true, true);
            if (!fn) return nullptr;
            if (!fn->id) {
                fn->id = default_id;
                if (!declare_function(fn)) return nullptr;
                fn->id = nullptr;
            }
            decl->declaration = fn;
        } else if (at(Tok::Class)) {
            ClassNode* cls = parse_class(t, true, true);
            if (!cls) return nullptr;
            if (!cls->id && !declare_lexical(default_id, DeclarationKind::Class)) return nullptr;
            decl->declaration = cls;
        } else {
            decl->declaration = parse_assignment(true);
            if (!decl->declaration || !consume_semicolon()) return nullptr;
            if (!declare_lexical(default_id, DeclarationKind::Const)) return nullptr;
        }
        AstString name{};
        const Interner::Entry* e = m_interner.intern_ascii("default");
        if (!e) return fail_oom();
        name = e->name;
        if (!add_export_name(*this, name, decl)) return nullptr;
        return finish(decl);
    }
    auto* decl = make_node<ExportNamedDeclaration>(start);
    if (!decl) return nullptr;
    if (eat(Tok::LBrace)) {
        AstVector<Identifier*> locals;
        bool any_string_local = false;
        Node* first_string_local = nullptr;
        while (!at(Tok::RBrace)) {
            ExportSpecifier spec{};
            bool is_string;
            Token local_tok = m_tok;
            if (!parse_module_export_name(spec.local, spec.local_node, is_string)) return nullptr;
            if (is_string && !any_string_local) {
                any_string_local = true;
                first_string_local = spec.local_node;
            }
            spec.exported = spec.local;
            Node* exported_node = spec.local_node;
            if (m_tok.is(Tok::As)) {
                advance();
                bool exported_is_string;
                if (!parse_module_export_name(spec.exported, exported_node, exported_is_string))
                    return nullptr;
            }
            if (!add_export_name(*this, spec.exported, exported_node) || !push(decl->specifiers, spec))
                return nullptr;
            if (!is_string) {
                // Without `from`, the local must be an IdentifierReference (checked below).
                if (is_keyword(local_tok.type) ||
                    (local_tok.type == Tok::Identifier && is_keyword(local_tok.keyword)))
                    spec.local_node->flags |=
                        NodeFlagInternalRestNotLast; // marks "reserved" for the check below
                if (!push(locals, as<Identifier>(spec.local_node))) return nullptr;
            }
            if (!at(Tok::RBrace) && !expect(Tok::Comma)) return nullptr;
        }
        advance();
        if (m_tok.is(Tok::From)) {
            advance();
            decl->source = parse_module_specifier();
            if (!decl->source || !parse_import_attributes(decl->attributes)) return nullptr;
        } else {
            if (any_string_local)
                return fail_at_node(first_string_local, "string export names require 'from'");
            for (Identifier* id : locals) {
                if (id->flags & NodeFlagInternalRestNotLast)
                    return fail_at_node(id, "unexpected reserved word");
                Token fake;
                fake.type = Tok::Identifier;
                const Interner::Entry* e = m_interner.intern(id->name.data, id->name.length);
                fake.keyword = e ? e->keyword : Tok::Identifier;
                fake.value = id->name;
                fake.start = id->start;
                fake.line = id->line();
                fake.column = id->column();
                if (!check_identifier_token(fake, false) || !push(m_exported_locals, id)) return nullptr;
            }
        }
        if (!consume_semicolon()) return nullptr;
        return finish(decl);
    }
    Token t = m_tok;
    Node* d = nullptr;
    if (at(Tok::Var) || at(Tok::Const) || at_let_declaration()) {
        DeclarationKind kind = at(Tok::Var)     ? DeclarationKind::Var
                               : at(Tok::Const) ? DeclarationKind::Const
                                                : DeclarationKind::Let;
        auto* vd = parse_variable_declaration(kind, true, false, nullptr);
        if (!vd || !consume_semicolon()) return nullptr;
        d = finish(vd);
        for (VariableDeclarator* v : vd->declarations) {
            AstVector<Identifier*> names;
            if (!collect_bound_names(v->id, names)) return nullptr;
            for (Identifier* id : names)
                if (!add_export_name(*this, id->name, id)) return nullptr;
        }
    } else if (at(Tok::Function) ||
               (m_tok.is(Tok::Async) && peek().type == Tok::Function && !peek().newline_before)) {
        bool is_async = !at(Tok::Function);
        if (is_async) advance();
        FunctionNode* fn = parse_function(t, NodeKind::FunctionDeclaration, is_async, true, false);
        if (!fn || !add_export_name(*this, fn->id->name, fn->id)) return nullptr;
        d = fn;
    } else if (at(Tok::Class)) {
        ClassNode* cls = parse_class(t, true, false);
        if (!cls || !add_export_name(*this, cls->id->name, cls->id)) return nullptr;
        d = cls;
    } else {
        return fail_unexpected();
    }
    decl->declaration = d;
    return finish(decl);
}

bool Parser::check_module_exports() {
    for (Identifier* id : m_exported_locals) {
        uint8_t bits = m_top_scope ? m_top_scope->names.get(id->name.data) : 0;
        if (!(bits & (NameVar | NameLexical | NameTopFunction)))
            return fail_at_node(id, "exported binding is not declared"), false;
    }
    return true;
}

} // namespace qjs
