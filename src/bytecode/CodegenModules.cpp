// CodegenModules.cpp: module code (16.2): the module's static description (requests, import and
// export entries, environment bindings) and the module function's body.
//
// Every top-level binding of a module lives in a VarRef cell of the module environment, created by
// the module machinery (src/module) before any code runs; an import binding is the exporting
// module's own cell. Scope analysis sees those bindings as the bindings of a pseudo caller (as for a
// direct eval), so the module function and its nested functions reach them as closure variables.
#include "bytecode/Codegen.h"
#include "bytecode/Compiler.h"
#include "bytecode/ModuleInfo.h"
#include "runtime/Context.h"

#include <new>

namespace qjs {

ModuleType module_type_named(std::string_view value) {
    if (value == "json") return ModuleType::Json;
    if (value == "text") return ModuleType::Text;
    if (value == "bytes") return ModuleType::Bytes;
    return ModuleType::UnsupportedType;
}

namespace {

struct InfoBuilder {
    Runtime& rt;
    Arena& arena;
    ModuleCompileInfo* info;
    Vector<AstString> names; // slot -> binding name
    bool ok = true;

    Atom atom(const AstString& s) {
        Atom a = rt.intern_utf16(s.data, s.length);
        if (!a) ok = false;
        return a;
    }

    uint32_t slot_of(const AstString& name) {
        for (uint32_t i = 0; i < names.size(); i++)
            if (ast_names_equal(names[i], name)) return i;
        return kNoSlot;
    }

    void add_binding(const AstString& name, uint8_t flags) {
        if (slot_of(name) != kNoSlot) return;
        names.push_back(name);
        info->bindings.push_back(ModuleBindingDesc{atom(name), flags});
    }

    uint32_t request(StringLiteral* source, const AstVector<ImportAttribute>& attributes) {
        ModuleRequest r{atom(source->value), module_type(attributes)};
        for (uint32_t i = 0; i < info->requests.size(); i++)
            if (info->requests[i] == r) return i;
        info->requests.push_back(r);
        return info->requests.size() - 1;
    }

    // The only attribute supported is `type`.
    static ModuleType module_type(const AstVector<ImportAttribute>& attributes) {
        ModuleType type = ModuleType::JavaScript;
        for (const ImportAttribute& a : attributes) {
            if (!a.key.equals_ascii("type")) return ModuleType::UnsupportedKey;
            std::string value;
            for (uint32_t i = 0; i < a.value.length; i++)
                value += a.value.data[i] < 0x80 ? static_cast<char>(a.value.data[i]) : '?';
            type = module_type_named(value);
        }
        return type;
    }

    void export_local(Atom export_name, const AstString& local) {
        uint32_t slot = slot_of(local);
        if (slot == kNoSlot) return; // the parser reports undeclared exports
        // An exported import binding is re-exported from its module (16.2.1.6.1 ParseModule, 10.c).
        if (info->bindings[slot].flags & modbinding::Import) {
            // (A namespace import re-exports the whole module, as `export * as name from`.)
            for (const ModuleImportDesc& im : info->imports) {
                if (im.slot != slot) continue;
                // A deferred namespace is exported as the binding holding it (a re-export would give
                // the eager namespace).
                if (im.phase != ImportPhase::Evaluation) break;
                info->indirect_exports.push_back(
                    ModuleExportDesc{export_name, kNoSlot, im.request, im.import_name});
                return;
            }
        }
        info->local_exports.push_back(ModuleExportDesc{export_name, slot, kNoSlot, atoms::invalid});
    }

    void export_bound_names(Node* n) {
        if (!n) return;
        switch (n->kind) {
        case NodeKind::Identifier: {
            const AstString& name = as<Identifier>(n)->name;
            export_local(atom(name), name);
            break;
        }
        case NodeKind::VariableDeclaration:
            for (VariableDeclarator* d : as<VariableDeclaration>(n)->declarations)
                export_bound_names(d->id);
            break;
        case NodeKind::ObjectPattern:
            for (Node* p : as<ObjectPattern>(n)->properties) {
                if (p->is(NodeKind::Property))
                    export_bound_names(as<Property>(p)->value);
                else
                    export_bound_names(p);
            }
            break;
        case NodeKind::ArrayPattern:
            for (Node* e : as<ArrayPattern>(n)->elements)
                export_bound_names(e);
            break;
        case NodeKind::AssignmentPattern: export_bound_names(as<AssignmentPattern>(n)->left); break;
        case NodeKind::RestElement: export_bound_names(as<RestElement>(n)->argument); break;
        case NodeKind::FunctionDeclaration: export_bound_names(as<FunctionNode>(n)->id); break;
        case NodeKind::ClassDeclaration: export_bound_names(as<ClassNode>(n)->id); break;
        default: break;
        }
    }
};

BindingKind binding_kind(DeclarationKind k) {
    switch (k) {
    case DeclarationKind::Let: return BindingKind::Let;
    case DeclarationKind::Const: return BindingKind::Const;
    case DeclarationKind::Class: return BindingKind::Class;
    case DeclarationKind::Function: return BindingKind::LexicalFunction;
    case DeclarationKind::Import:
    case DeclarationKind::Using:
    case DeclarationKind::AwaitUsing: return BindingKind::Const;
    default: return BindingKind::Var;
    }
}

// The *default* binding's name as the parser interned it.
const AstString* default_binding_name(Program* program) {
    for (const Declaration& d : program->scope->lexical_declarations)
        if (d.name.equals_ascii("*default*")) return &d.name;
    return nullptr;
}

} // namespace

bool collect_module_info(Runtime& rt, Arena& arena, Program* program, ModuleCompileInfo* info,
                         ScopeAnalysisOptions* sao) {
    InfoBuilder b{rt, arena, info, {}};
    Scope* scope = program->scope;
    for (const AstString& n : scope->var_names)
        b.add_binding(n, 0);
    for (const Declaration& d : scope->lexical_declarations) {
        uint8_t flags = 0;
        switch (d.kind) {
        case DeclarationKind::Let:
        case DeclarationKind::Const:
        case DeclarationKind::Using:
        case DeclarationKind::AwaitUsing:
        case DeclarationKind::Class: flags = modbinding::Lexical; break;
        case DeclarationKind::Function: flags = modbinding::Function; break;
        case DeclarationKind::Import: flags = modbinding::Import | modbinding::Lexical; break;
        default: break;
        }
        b.add_binding(d.name, flags);
    }
    // The environment's bindings, as the pseudo caller's closure variables.
    uint32_t count = b.names.size();
    EvalCallerBinding* bindings = count ? arena.make_array<EvalCallerBinding>(count) : nullptr;
    if (count && !bindings) return false;
    for (uint32_t i = 0; i < count; i++) {
        new (&bindings[i]) EvalCallerBinding(); // make_array returns raw memory: default the other fields
        bindings[i].name = b.names[i];
        bindings[i].kind = BindingKind::Var;
        bindings[i].from_caller_closure = true;
        bindings[i].index = i;
    }
    for (const Declaration& d : scope->lexical_declarations) {
        uint32_t slot = b.slot_of(d.name);
        if (slot != kNoSlot) bindings[slot].kind = binding_kind(d.kind);
    }
    sao->is_module = true;
    sao->caller_bindings = bindings;
    sao->caller_binding_count = count;

    // ModuleRequests in source order.
    for (Node* n : program->body) {
        if (n->is(NodeKind::ImportDeclaration))
            b.request(as<ImportDeclaration>(n)->source, as<ImportDeclaration>(n)->attributes);
        if (n->is(NodeKind::ExportNamedDeclaration) && as<ExportNamedDeclaration>(n)->source)
            b.request(as<ExportNamedDeclaration>(n)->source, as<ExportNamedDeclaration>(n)->attributes);
        if (n->is(NodeKind::ExportAllDeclaration))
            b.request(as<ExportAllDeclaration>(n)->source, as<ExportAllDeclaration>(n)->attributes);
    }
    // The evaluation steps: each declaration's request with its phase, without repeats.
    for (Node* n : program->body) {
        StringLiteral* source = nullptr;
        const AstVector<ImportAttribute>* attributes = nullptr;
        ImportPhase phase = ImportPhase::Evaluation;
        if (n->is(NodeKind::ImportDeclaration)) {
            source = as<ImportDeclaration>(n)->source;
            attributes = &as<ImportDeclaration>(n)->attributes;
            phase = as<ImportDeclaration>(n)->phase;
        } else if (n->is(NodeKind::ExportNamedDeclaration)) {
            source = as<ExportNamedDeclaration>(n)->source;
            attributes = &as<ExportNamedDeclaration>(n)->attributes;
        } else if (n->is(NodeKind::ExportAllDeclaration)) {
            source = as<ExportAllDeclaration>(n)->source;
            attributes = &as<ExportAllDeclaration>(n)->attributes;
        }
        if (!source) continue;
        ModuleEvaluationStep step{b.request(source, *attributes), phase == ImportPhase::Defer};
        bool seen = false;
        for (const ModuleEvaluationStep& s : info->evaluation_steps)
            seen = seen || s == step;
        if (!seen) info->evaluation_steps.push_back(step);
    }
    // Import entries first: exports of imported bindings refer to them.
    for (Node* n : program->body) {
        if (!n->is(NodeKind::ImportDeclaration)) continue;
        auto* im = as<ImportDeclaration>(n);
        uint32_t req = b.request(im->source, im->attributes);
        for (const ImportSpecifier& s : im->specifiers) {
            ModuleImportDesc d;
            d.request = req;
            d.phase = im->phase;
            d.slot = b.slot_of(s.local->name);
            if (s.kind == ImportSpecifierKind::Default)
                d.import_name = atoms::default_;
            else if (s.kind == ImportSpecifierKind::Named)
                d.import_name = b.atom(s.imported);
            info->imports.push_back(d);
        }
    }
    for (Node* n : program->body) {
        switch (n->kind) {
        case NodeKind::ImportDeclaration: break;
        case NodeKind::ExportNamedDeclaration: {
            auto* e = as<ExportNamedDeclaration>(n);
            if (e->declaration) {
                b.export_bound_names(e->declaration);
            } else if (e->source) {
                uint32_t req = b.request(e->source, e->attributes);
                for (const ExportSpecifier& s : e->specifiers)
                    info->indirect_exports.push_back(
                        ModuleExportDesc{b.atom(s.exported), kNoSlot, req, b.atom(s.local)});
            } else {
                for (const ExportSpecifier& s : e->specifiers)
                    b.export_local(b.atom(s.exported), s.local);
            }
            break;
        }
        case NodeKind::ExportDefaultDeclaration: {
            Node* d = as<ExportDefaultDeclaration>(n)->declaration;
            Identifier* id = nullptr;
            if (d->is(NodeKind::FunctionDeclaration)) id = as<FunctionNode>(d)->id;
            if (d->is(NodeKind::ClassDeclaration)) id = as<ClassNode>(d)->id;
            const AstString* local = id ? &id->name : default_binding_name(program);
            if (local) b.export_local(atoms::default_, *local);
            break;
        }
        case NodeKind::ExportAllDeclaration: {
            auto* e = as<ExportAllDeclaration>(n);
            uint32_t req = b.request(e->source, e->attributes);
            if (e->has_exported)
                info->indirect_exports.push_back(
                    ModuleExportDesc{b.atom(e->exported), kNoSlot, req, atoms::invalid});
            else
                info->star_exports.push_back(req);
            break;
        }
        default: break;
        }
    }
    return b.ok;
}

// The module function: `this === true` instantiates the hoisted functions
// (InitializeEnvironment, 16.2.1.6.4 step 24), otherwise the body runs (ExecuteModule).
FunctionBytecode* CodeGenerator::compile_module_program(Program* program) {
    FunctionInfo* fi = m_sa.function_of(program);
    if (!fi) {
        fail_oom();
        return nullptr;
    }
    FunctionState fs;
    fs.fi = fi;
    fs.node = program;
    fs.is_async = true; // await is allowed at the top level; the flag is set only if used
    Emitter& em = fs.em;
    fs.scope = fi->var_scope;
    emit_prologue(fs);
    Label body = em.new_label();
    emit_this(fs);
    em.jump(Op::if_false, body);
    for (FunctionNode* f : program->scope->function_declarations) {
        const AstString* name = f->id ? &f->id->name : nullptr;
        if (!name) {
            for (const Declaration& d : program->scope->lexical_declarations)
                if (d.node == f) name = &d.name;
        }
        if (!name) name = default_binding_name(program);
        if (!name) continue;
        emit_closure(fs, f, f->id ? atom_of(f->id->name) : atoms::default_);
        Resolution r = m_sa.resolve(fi, fi->var_scope, *name);
        emit_put_resolution(fs, r, *name, true);
    }
    em.op(Op::return_undef);
    em.bind(body);
    DisposeRegion region = begin_dispose_region(fs, program->scope);
    emit_statements(fs, program->body);
    end_dispose_region(fs, region);
    if (em.reachable()) em.op(Op::return_undef);
    FunctionBytecode* fb =
        finish_function(fs, atoms::empty_string, fbflag::Strict, program->start, program->end);
    if (!fb) return nullptr;
    // A top-level await makes the module function async (an async module, 16.2.1.5 [[HasTLA]]).
    for (uint32_t pc = 0; pc < fb->code().size();) {
        Op op = static_cast<Op>(fb->code()[pc]);
        if (op == Op::await || op == Op::for_await_of_start) {
            fb->m_flags |= fbflag::Async;
            break;
        }
        pc += op_info(op).size;
    }
    return fb;
}

void CodeGenerator::emit_module_item(FunctionState& fs, Node* n) {
    Emitter& em = fs.em;
    switch (n->kind) {
    case NodeKind::ExportNamedDeclaration: {
        auto* e = as<ExportNamedDeclaration>(n);
        if (e->declaration) emit_statement(fs, e->declaration);
        break;
    }
    case NodeKind::ExportDefaultDeclaration: {
        Node* d = as<ExportDefaultDeclaration>(n)->declaration;
        if (d->is(NodeKind::FunctionDeclaration)) break; // hoisted
        Program* program = static_cast<Program*>(fs.node);
        if (d->is(NodeKind::ClassDeclaration) && as<ClassNode>(d)->id) {
            emit_statement(fs, d);
            break;
        }
        const AstString* name = default_binding_name(program);
        if (d->is(NodeKind::ClassDeclaration))
            emit_class(fs, as<ClassNode>(d), atoms::default_);
        else
            emit_expression_named(fs, d, atoms::default_);
        if (name)
            emit_store_name(fs, fs.scope, *name, true);
        else
            em.op(Op::drop);
        break;
    }
    default: break; // imports and `export * from` have no run-time effect
    }
}

// import(specifier [, options]): a host function bound to the running code's referrer.
// import.defer(...) and import.source(...) pass their phase as a third argument.
void CodeGenerator::emit_import_call(FunctionState& fs, ImportCall* n) {
    Emitter& em = fs.em;
    em.op_u8(Op::special_object, static_cast<uint8_t>(SpecialObject::ImportFunction));
    emit_expression(fs, n->source);
    if (n->options)
        emit_expression(fs, n->options);
    else
        em.op(Op::push_undefined);
    if (n->phase == ImportPhase::Evaluation) {
        em.op(Op::call2);
        return;
    }
    em.push_int(static_cast<int32_t>(n->phase));
    em.op(Op::call3);
}

} // namespace qjs
