// ModuleNamespace.cpp: module namespace exotic objects (10.4.6) and the class hooks of module
// records and namespaces.
#include "module/ModuleRecord.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <memory>

namespace qjs {

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*);
Result<bool> ordinary_define_own_property(Context&, Object*, Atom, const PropertyDescriptor&);

namespace {

ModuleNamespaceObject* as_namespace(Object* o) {
    return static_cast<ModuleNamespaceObject*>(o);
}

// The export's index in [[Exports]], or -1.
int32_t export_index(ModuleNamespaceObject* ns, Atom key) {
    for (uint32_t i = 0; i < ns->m_names.size(); i++)
        if (ns->m_names[i] == key) return static_cast<int32_t>(i);
    return -1;
}

// The binding's value; a binding in its TDZ throws a ReferenceError.
Value binding_value(Context& ctx, ModuleNamespaceObject* ns, int32_t i) {
    auto* ref = static_cast<VarRef*>(ns->m_cells[i].as_cell());
    if (ref->value.is_uninitialized()) {
        std::string name = atom_to_utf8(ctx, ns->m_names[i]);
        return ctx.throw_reference_error("%s is not initialized", name.c_str());
    }
    return ref->value;
}

// IsSymbolLikeNamespaceKey: symbols, and "then" of a deferred namespace (so awaiting one never
// evaluates its module), are ordinary properties that never trigger evaluation.
bool is_symbol_like_key(Context& ctx, Object* o, Atom key) {
    return ctx.rt().atom_is_symbol(key) || (as_namespace(o)->m_deferred && key == atoms::then);
}

// GetModuleExportsList: using the exports of a deferred namespace evaluates its module first.
Result<void> ensure_exports_ready(Context& ctx, Object* o) {
    auto* ns = as_namespace(o);
    if (!ns->m_deferred) return {};
    return evaluate_module_sync(ctx, as_module_record(ns->m_module.as_object()));
}

// 10.4.6.5 [[GetOwnProperty]] (#sec-module-namespace-exotic-objects-getownproperty-p)
Result<bool> ns_get_own_property(Context& ctx, Object* o, Atom key, PropertyDescriptor* out) {
    // 1. Symbol-like keys are ordinary properties.
    if (is_symbol_like_key(ctx, o, key)) return ordinary_get_own_property(ctx, o, key, out);
    // 2. exports = ? GetModuleExportsList(O).
    TRY(ensure_exports_ready(ctx, o));
    auto* ns = as_namespace(o);
    // 3. Not an export: undefined.
    int32_t i = export_index(ns, key);
    if (i < 0) return false;
    // 4. value = ? O.[[Get]](P, O).
    Value v = TRY(binding_value(ctx, ns, i));
    if (out) *out = PropertyDescriptor::data(std::move(v), prop::Writable | prop::Enumerable);
    return true;
}

// 10.4.6.6 [[DefineOwnProperty]] (#sec-module-namespace-exotic-objects-defineownproperty-p-desc)
Result<bool> ns_define_own_property(Context& ctx, Object* o, Atom key, const PropertyDescriptor& desc) {
    // 1. Symbol-like keys are ordinary properties.
    if (is_symbol_like_key(ctx, o, key)) return ordinary_define_own_property(ctx, o, key, desc);
    // 2. current = ? O.[[GetOwnProperty]](P); undefined: false.
    PropertyDescriptor current;
    bool found = TRY(ns_get_own_property(ctx, o, key, &current));
    if (!found) return false;
    // 4-7. Only a redefinition with the same attributes and value succeeds.
    if (desc.has_configurable && desc.configurable()) return false;
    if (desc.has_enumerable && !desc.enumerable()) return false;
    if (desc.has_get || desc.has_set) return false;
    if (desc.has_writable && !desc.writable()) return false;
    if (desc.has_value) return same_value(desc.value, current.value);
    return true;
}

// 10.4.6.7 [[HasProperty]] (#sec-module-namespace-exotic-objects-hasproperty-p)
Result<bool> ns_has_property(Context& ctx, Object* o, Atom key) {
    if (is_symbol_like_key(ctx, o, key)) return ordinary_get_own_property(ctx, o, key, nullptr);
    TRY(ensure_exports_ready(ctx, o));
    return export_index(as_namespace(o), key) >= 0;
}

// 10.4.6.8 [[Get]] (#sec-module-namespace-exotic-objects-get-p-receiver)
Value ns_get(Context& ctx, Object* o, Atom key, const Value&) {
    if (is_symbol_like_key(ctx, o, key)) {
        PropertyDescriptor d;
        bool found = TRY(ordinary_get_own_property(ctx, o, key, &d));
        if (!found || d.is_accessor()) return Value();
        return d.value;
    }
    TRY(ensure_exports_ready(ctx, o));
    auto* ns = as_namespace(o);
    int32_t i = export_index(ns, key);
    if (i < 0) return Value();
    return binding_value(ctx, ns, i);
}

// 10.4.6.9 [[Set]]: always false.
Result<bool> ns_set(Context&, Object*, Atom, const Value&, const Value&) {
    return false;
}

// 10.4.6.10 [[Delete]] (#sec-module-namespace-exotic-objects-delete-p)
Result<bool> ns_delete(Context& ctx, Object* o, Atom key) {
    if (is_symbol_like_key(ctx, o, key)) {
        PropertyDescriptor d;
        bool found = TRY(ordinary_get_own_property(ctx, o, key, &d));
        return !found; // the only symbol property (@@toStringTag) is non-configurable
    }
    TRY(ensure_exports_ready(ctx, o));
    return export_index(as_namespace(o), key) < 0;
}

// 10.4.6.11 [[OwnPropertyKeys]]: the exports, then the symbol keys.
Result<void> ns_own_keys(Context& ctx, Object* o, Vector<Atom>& out) {
    TRY(ensure_exports_ready(ctx, o));
    for (Atom a : as_namespace(o)->m_names)
        out.push_back(a);
    return {};
}

Result<Object*> ns_get_prototype_of(Context&, Object*) {
    return static_cast<Object*>(nullptr);
}
// 10.4.6.2 [[SetPrototypeOf]]: SetImmutablePrototype.
Result<bool> ns_set_prototype_of(Context&, Object*, Object* proto) {
    return proto == nullptr;
}
Result<bool> ns_is_extensible(Context&, Object*) {
    return false;
}
Result<bool> ns_prevent_extensions(Context&, Object*) {
    return true;
}

const ExoticHooks kNamespaceHooks = {
    ns_get_own_property,
    ns_define_own_property,
    ns_has_property,
    ns_get,
    ns_set,
    ns_delete,
    ns_own_keys,
    ns_get_prototype_of,
    ns_set_prototype_of,
    ns_is_extensible,
    ns_prevent_extensions,
};

void visit_namespace(Object* o, EdgeVisitor& v) {
    auto* ns = as_namespace(o);
    v.visit_value(ns->m_module);
    for (Value& c : ns->m_cells)
        v.visit_value(c);
}
void clear_namespace(Object* o) {
    auto* ns = as_namespace(o);
    ns->m_module = Value();
    Vector<Value>().swap(ns->m_cells);
}
void finalize_namespace(Object* o) {
    auto* ns = as_namespace(o);
    std::destroy_at(&ns->m_names);
    std::destroy_at(&ns->m_cells);
}

void visit_record(Object* o, EdgeVisitor& v) {
    ModuleRecord* m = as_module_record(o);
    for (Value* f : {&m->m_name, &m->m_bytecode, &m->m_function, &m->m_namespace, &m->m_deferred_namespace,
                     &m->m_meta, &m->m_error, &m->m_top_promise, &m->m_cycle_root})
        v.visit_value(*f);
    for (Vector<Value>* list : {&m->m_env, &m->m_requested, &m->m_async_parents})
        for (Value& x : *list)
            v.visit_value(x);
}
void clear_record(Object* o) {
    ModuleRecord* m = as_module_record(o);
    for (Value* f : {&m->m_name, &m->m_bytecode, &m->m_function, &m->m_namespace, &m->m_deferred_namespace,
                     &m->m_meta, &m->m_error, &m->m_top_promise, &m->m_cycle_root})
        *f = Value();
    for (Vector<Value>* list : {&m->m_env, &m->m_requested, &m->m_async_parents})
        Vector<Value>().swap(*list);
}
void finalize_record(Object* o) {
    ModuleRecord* m = as_module_record(o);
    std::destroy_at(&m->m_env);
    std::destroy_at(&m->m_requested);
    std::destroy_at(&m->m_async_parents);
    std::destroy_at(&m->m_info);
}

// ---- snapshots ----

bool write_namespace(Object* o, HeapWriter& w) {
    auto* ns = as_namespace(o);
    w.value(ns->m_module);
    w.out().varuint(ns->m_names.size());
    for (size_t i = 0; i < ns->m_names.size(); ++i) {
        w.atom(ns->m_names[i]);
        w.value(ns->m_cells[i]);
    }
    w.out().u8(ns->m_deferred ? 1 : 0);
    return true;
}

bool read_namespace(Object* o, HeapReader& r) {
    auto* ns = as_namespace(o);
    uint32_t n;
    if (!r.object_of_class(&ns->m_module, ClassId::ModuleRecord, false) || !r.count(&n)) return false;
    ns->m_names.resize(n);
    ns->m_cells.resize(n);
    for (uint32_t i = 0; i < n; ++i) {
        if (!r.atom(&ns->m_names[i]) || !r.value(&ns->m_cells[i])) return false;
        const Value& cell = ns->m_cells[i];
        bool binding = cell.is_internal_cell() && cell.as_cell()->kind() == CellKind::VarRef;
        if (ns->m_names[i] == atoms::invalid || !(binding || cell.is_object()))
            return r.fail("bad module namespace entry");
    }
    uint8_t deferred;
    if (!r.u8(&deferred)) return false;
    if (deferred > 1) return r.fail("bad module namespace phase");
    ns->m_deferred = deferred != 0;
    return true;
}

const ClassSnapshotHooks kNamespaceSnapshot = {
    sizeof(ModuleNamespaceObject),
    0,
    nullptr,
    construct_payload<ModuleNamespaceObject>,
    write_namespace,
    read_namespace,
    nullptr,
};

void write_export(HeapWriter& w, const ModuleExportDesc& e) {
    w.atom(e.export_name);
    w.out().varuint(e.slot == kNoSlot ? 0 : uint64_t(e.slot) + 1);
    w.out().varuint(e.request == kNoSlot ? 0 : uint64_t(e.request) + 1);
    w.atom(e.import_name);
}

bool read_index(HeapReader& r, uint32_t* out, uint32_t bound) {
    uint64_t v;
    if (!r.in().varuint(&v, uint64_t(bound) + 1)) return false;
    *out = v == 0 ? kNoSlot : static_cast<uint32_t>(v - 1);
    return true;
}

bool read_export(HeapReader& r, ModuleExportDesc* e, uint32_t slots, uint32_t requests) {
    return r.atom(&e->export_name) && read_index(r, &e->slot, slots - 1) &&
           read_index(r, &e->request, requests - 1) && r.atom(&e->import_name);
}

bool write_record(Object* o, HeapWriter& w) {
    ModuleRecord* m = as_module_record(o);
    for (Value* f : {&m->m_name, &m->m_bytecode, &m->m_function, &m->m_namespace, &m->m_deferred_namespace,
                     &m->m_meta, &m->m_error, &m->m_top_promise, &m->m_cycle_root})
        w.value(*f);
    for (Vector<Value>* list : {&m->m_env, &m->m_requested, &m->m_async_parents}) {
        w.out().varuint(list->size());
        for (const Value& x : *list)
            w.value(x);
    }
    const ModuleCompileInfo& info = m->m_info;
    w.out().varuint(info.requests.size());
    for (const ModuleRequest& req : info.requests) {
        w.atom(req.specifier);
        w.out().u8(static_cast<uint8_t>(req.type));
    }
    w.out().varuint(info.bindings.size());
    for (const ModuleBindingDesc& b : info.bindings) {
        w.atom(b.name);
        w.out().u8(b.flags);
    }
    w.out().varuint(info.imports.size());
    for (const ModuleImportDesc& i : info.imports) {
        w.out().varuint(i.request);
        w.atom(i.import_name);
        w.out().varuint(i.slot);
        w.out().u8(static_cast<uint8_t>(i.phase));
    }
    for (const Vector<ModuleExportDesc>* list : {&info.local_exports, &info.indirect_exports}) {
        w.out().varuint(list->size());
        for (const ModuleExportDesc& e : *list)
            write_export(w, e);
    }
    w.out().varuint(info.star_exports.size());
    for (uint32_t s : info.star_exports)
        w.out().varuint(s);
    w.out().varuint(info.evaluation_steps.size());
    for (const ModuleEvaluationStep& s : info.evaluation_steps)
        w.out().varuint(uint64_t(s.request) * 2 + (s.deferred ? 1 : 0));
    w.atom(m->m_name_atom);
    w.out().u8(static_cast<uint8_t>(m->m_status));
    w.out().u8((info.has_top_level_await ? 1 : 0) | (m->m_has_tla ? 2 : 0) | (m->m_has_error ? 4 : 0) |
               (m->m_async_evaluation ? 8 : 0) | (m->m_host ? 16 : 0));
    w.out().varuint(m->m_dfs_index);
    w.out().varuint(m->m_dfs_ancestor_index);
    w.out().varuint(m->m_pending_async_dependencies);
    w.out().varuint(m->m_async_order);
    return true;
}

bool read_record(Object* o, HeapReader& r) {
    ModuleRecord* m = as_module_record(o);
    for (Value* f : {&m->m_name, &m->m_bytecode, &m->m_function, &m->m_namespace, &m->m_deferred_namespace,
                     &m->m_meta, &m->m_error, &m->m_top_promise, &m->m_cycle_root})
        if (!r.value(f)) return false;
    // A host (C) module has no code; its function sets the exports.
    bool has_code =
        m->m_bytecode.is_internal_cell() && m->m_bytecode.as_cell()->kind() == CellKind::FunctionBytecode;
    if (!m->m_name.is_string() || !(has_code || m->m_bytecode.is_undefined()))
        return r.fail("bad module record");
    for (Vector<Value>* list : {&m->m_env, &m->m_requested, &m->m_async_parents}) {
        uint32_t n;
        if (!r.count(&n)) return false;
        list->resize(n);
        for (Value& x : *list)
            if (!r.value(&x)) return false;
    }
    for (const Value& cell : m->m_env)
        if (!cell.is_undefined() && !(cell.is_internal_cell() && cell.as_cell()->kind() == CellKind::VarRef))
            return r.fail("bad module binding");
    for (Vector<Value>* list : {&m->m_requested, &m->m_async_parents})
        for (const Value& x : *list)
            if (!x.is_undefined() && !(x.is_object() && x.as_object()->class_id() == ClassId::ModuleRecord))
                return r.fail("bad module reference");
    ModuleCompileInfo& info = m->m_info;
    uint32_t n, slots = static_cast<uint32_t>(m->m_env.size());
    if (!r.count(&n)) return false;
    info.requests.resize(n);
    for (ModuleRequest& req : info.requests) {
        uint8_t type = 0;
        if (!r.atom(&req.specifier) || !r.u8(&type)) return false;
        if (type >= kModuleTypeCount) return r.fail("unknown module type");
        req.type = static_cast<ModuleType>(type);
    }
    uint32_t requests = n;
    if (requests != m->m_requested.size() && !m->m_requested.empty())
        return r.fail("module requests do not match");
    if (!r.count(&n)) return false;
    info.bindings.resize(n);
    for (ModuleBindingDesc& b : info.bindings)
        if (!r.atom(&b.name) || !r.u8(&b.flags)) return false;
    // Slots index the module environment, one per binding (the environment exists once linked).
    slots = n;
    if (!m->m_env.empty() && m->m_env.size() != slots) return r.fail("module environment does not match");
    if (!r.count(&n)) return false;
    info.imports.resize(n);
    for (ModuleImportDesc& i : info.imports) {
        uint8_t phase;
        if (!r.varuint32(&i.request) || !r.atom(&i.import_name) || !r.varuint32(&i.slot) || !r.u8(&phase))
            return false;
        if (i.request >= requests || i.slot >= slots) return r.fail("module import out of range");
        if (phase > static_cast<uint8_t>(ImportPhase::Source)) return r.fail("bad module import phase");
        i.phase = static_cast<ImportPhase>(phase);
    }
    for (Vector<ModuleExportDesc>* list : {&info.local_exports, &info.indirect_exports}) {
        if (!r.count(&n)) return false;
        list->resize(n);
        for (ModuleExportDesc& e : *list)
            if (!read_export(r, &e, slots, requests)) return false;
    }
    if (!r.count(&n)) return false;
    info.star_exports.resize(n);
    for (uint32_t& s : info.star_exports) {
        if (!r.varuint32(&s)) return false;
        if (s >= requests) return r.fail("module star export out of range");
    }
    if (!r.count(&n)) return false;
    info.evaluation_steps.resize(n);
    for (ModuleEvaluationStep& s : info.evaluation_steps) {
        uint32_t step;
        if (!r.varuint32(&step)) return false;
        if (step / 2 >= requests) return r.fail("module evaluation step out of range");
        s = ModuleEvaluationStep{step / 2, (step & 1) != 0};
    }
    uint8_t status, flags;
    if (!r.atom(&m->m_name_atom) || !r.u8(&status) || !r.u8(&flags) || !r.varuint32(&m->m_dfs_index) ||
        !r.varuint32(&m->m_dfs_ancestor_index) || !r.varuint32(&m->m_pending_async_dependencies) ||
        !r.in().varuint(&m->m_async_order))
        return false;
    if (status > static_cast<uint8_t>(ModuleStatus::Evaluated) || flags > 31)
        return r.fail("bad module state");
    m->m_status = static_cast<ModuleStatus>(status);
    info.has_top_level_await = flags & 1;
    m->m_has_tla = flags & 2;
    m->m_has_error = flags & 4;
    m->m_async_evaluation = flags & 8;
    m->m_host = flags & 16;
    if (m->m_host == has_code) return r.fail("module code does not match its kind");
    return true;
}

const ClassSnapshotHooks kRecordSnapshot = {
    sizeof(ModuleRecord), 0, nullptr, construct_payload<ModuleRecord>, write_record, read_record, nullptr,
};

} // namespace

void register_module_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    register_class_hooks(ClassId::ModuleNamespace,
                         ClassHooks{visit_namespace, clear_namespace, finalize_namespace, &kNamespaceHooks,
                                    &kNamespaceSnapshot});
    register_class_hooks(ClassId::ModuleRecord,
                         ClassHooks{visit_record, clear_record, finalize_record, nullptr, &kRecordSnapshot});
}

// 10.4.6.12 ModuleNamespaceCreate (#sec-modulenamespacecreate)
Value create_module_namespace(Context& ctx, ModuleRecord* m, bool deferred) {
    register_module_classes();
    auto* ns = Object::create_as<ModuleNamespaceObject>(ctx, nullptr, ClassId::ModuleNamespace);
    if (!ns) return Exception{};
    Value result = Value::adopt(Tag::Object, ns);
    ns->m_module = Value::object(m);
    ns->m_deferred = deferred;
    // 28.3.1 @@toStringTag: "Module" ("Deferred Module"), non-writable, non-enumerable, non-configurable.
    Value tag = ctx.atom_value(ctx.rt().intern_ascii(deferred ? "Deferred Module" : "Module"));
    if (!tag.is_string()) return ctx.throw_out_of_memory();
    TRY(put_own_data(ctx, ns, atoms::sym_toStringTag, std::move(tag), 0));
    ns->m_flags &= ~objflag::Extensible;
    return result;
}

} // namespace qjs
