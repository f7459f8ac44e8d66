// Module.cpp: Source Text Module Records (16.2.1.6): loading through the host, Link()
// (16.2.1.5.1), Evaluate() with cycles and top-level await (16.2.1.5.3), ResolveExport,
// GetExportedNames and GetModuleNamespace (16.2.1.10).
#include "module/Module.h"

#include "builtins/JSON.h"
#include "builtins/Promise.h"
#include "builtins/TypedArray.h"
#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "module/ModuleRecord.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "vm/Frames.h"
#include "vm/FunctionObject.h"

#include <algorithm>
#include <cstring>
#include <span>

namespace qjs {

Result<bool> ordinary_get_own_property(Context&, Object*, Atom, PropertyDescriptor*);

// ---- host loader (per runtime; a thread has few runtimes) ----
// The table is per thread: a runtime is only ever used by the thread that made it (os.Worker runs
// each worker's runtime on its own thread), so threads never share an entry.

namespace {

struct LoaderEntry {
    Runtime* rt = nullptr;
    ModuleHostLoader fn = nullptr;
    void* opaque = nullptr;
    ModuleRecordLoader record{};
};
thread_local LoaderEntry s_loaders[8];

const LoaderEntry* loader_of(Runtime& rt) {
    for (const LoaderEntry& e : s_loaders)
        if (e.rt == &rt) return &e;
    return nullptr;
}

} // namespace

static LoaderEntry* loader_slot(Runtime& rt, bool create) {
    for (LoaderEntry& e : s_loaders)
        if (e.rt == &rt) return &e;
    if (!create) return nullptr;
    for (LoaderEntry& e : s_loaders) {
        if (!e.rt) {
            e = LoaderEntry{};
            e.rt = &rt;
            return &e;
        }
    }
    return nullptr;
}

static void release_loader_slot(LoaderEntry* e) {
    if (e && !e->fn && !e->record.load) e->rt = nullptr;
}

void set_module_host_loader(Runtime& rt, ModuleHostLoader fn, void* opaque) {
    LoaderEntry* e = loader_slot(rt, fn != nullptr);
    if (!e) return;
    e->fn = fn;
    e->opaque = opaque;
    release_loader_slot(e);
}

void set_module_record_loader(Runtime& rt, const ModuleRecordLoader& loader) {
    LoaderEntry* e = loader_slot(rt, loader.load != nullptr);
    if (!e) return;
    e->record = loader.load ? loader : ModuleRecordLoader{};
    release_loader_slot(e);
}

// ---- helpers ----

std::string atom_to_utf8(Context& ctx, Atom a) {
    Value v = ctx.atom_value(a);
    if (!v.is_string()) return std::string();
    return v.as_string()->to_utf8();
}

static Result<Atom> utf8_to_atom(Context& ctx, std::string_view s) {
    String* str = String::create_utf8(ctx.rt(), s.data(), s.size());
    if (!str) return ctx.throw_out_of_memory();
    Atom a = ctx.rt().intern(str);
    str->unref();
    if (!a) return ctx.throw_out_of_memory();
    return a;
}

static VarRef* new_var_ref(Context& ctx, Value initial) {
    VarRef* ref = ctx.rt().new_cell<VarRef>(0);
    if (!ref) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    ref->value = std::move(initial);
    return ref;
}

static Result<Object*> registry(Context& ctx) {
    if (Object* r = ctx.intrinsic(Intrinsic::ModuleRegistry)) return r;
    Object* r = Object::create(ctx, nullptr, ClassId::Object);
    if (!r) return Exception{};
    ctx.set_intrinsic(Intrinsic::ModuleRegistry, r);
    r->unref();
    return r;
}

static ModuleRecord* registry_find(Context& ctx, Atom name) {
    Object* r = ctx.intrinsic(Intrinsic::ModuleRegistry);
    if (!r) return nullptr;
    PropertyDescriptor d;
    Result<bool> found = ordinary_get_own_property(ctx, r, name, &d);
    if (found.is_exception()) {
        Value ignored = ctx.rt().take_exception();
        return nullptr;
    }
    if (!found.value() || !d.value.is_object()) return nullptr;
    return as_module_record(d.value.as_object());
}

// ---- creation and loading ----

static Result<ModuleRecord*> load_imported_module(Context& ctx, Atom referrer, const ModuleRequest& request);

// ParseModule (16.2.1.6.1) and the loading of what it requests (LoadRequestedModules, done
// synchronously here since the host reads files synchronously).

// The type a module named `name` has when the import does not say: JSON for ".json", as in QuickJS.
static ModuleType implied_module_type(std::string_view name) {
    bool json = name.size() > 5 && name.substr(name.size() - 5) == ".json";
    return json ? ModuleType::Json : ModuleType::JavaScript;
}

// The registry key of the module `resolved` loaded as `type`: its name, followed by a NUL and the
// type when that is not the type the name implies (a script imported as text is another module).
static Result<Atom> registry_key(Context& ctx, const std::string& resolved, ModuleType type) {
    if (type == implied_module_type(resolved)) return utf8_to_atom(ctx, resolved);
    std::string key = resolved;
    key += '\0';
    key += type == ModuleType::Json ? "json" : type == ModuleType::Text ? "text" : "bytes";
    return utf8_to_atom(ctx, key);
}

// The `default` export of a synthetic module (16.2.1.8 CreateDefaultExportSyntheticModule) made from
// the bytes of `source`: the JSON value (ParseJSONModule), the text (decoded as UTF-8, malformed
// sequences as U+FFFD), or a Uint8Array over an immutable ArrayBuffer holding the bytes.
static Value synthetic_module_value(Context& ctx, ModuleType type, std::string_view source) {
    if (type == ModuleType::Bytes) {
        Value buffer = TRY(allocate_array_buffer(ctx, Value(), source.size()));
        auto* b = static_cast<ArrayBufferObject*>(buffer.as_object());
        if (!source.empty()) std::memcpy(b->m_data, source.data(), source.size());
        b->m_immutable = true;
        Value ctor = Value::object(ctx.intrinsic(Intrinsic::Uint8Array));
        return typed_array_create_from_constructor(ctx, ctor, std::span<const Value>(&buffer, 1));
    }
    String* text = String::create_utf8(ctx.rt(), source.data(), source.size());
    if (!text) return ctx.throw_out_of_memory();
    Value value = type == ModuleType::Json ? json_parse(ctx, text) : Value::string(text);
    text->unref();
    return value;
}

// A registered record for compiled module code and its compile info.
static Result<ModuleRecord*> new_module_record(Context& ctx, Atom name, FunctionBytecode* fb,
                                               ModuleCompileInfo&& info, const Value& default_value,
                                               bool synthetic);

// `type` JavaScript compiles `source` as module code; the others make a synthetic module whose only
// export is `default` and whose function is an empty module's.
static Result<ModuleRecord*> create_module_record(Context& ctx, Atom name, ModuleType type,
                                                  std::string_view source, bool* compile_failed) {
    register_module_classes();
    ModuleCompileInfo info;
    Value default_value;
    bool synthetic = type != ModuleType::JavaScript;
    if (synthetic) {
        default_value = synthetic_module_value(ctx, type, source);
        if (default_value.is_exception()) return Exception{};
        source = std::string_view();
    }
    Result<FunctionBytecode*> compiled = compile_module(ctx, source.data(), source.size(), name, &info);
    if (synthetic && !compiled.is_exception()) {
        info.bindings.push_back(ModuleBindingDesc{atoms::default_, 0});
        info.local_exports.push_back(ModuleExportDesc{atoms::default_, 0, kNoSlot, atoms::invalid});
    }
    if (compiled.is_exception()) {
        if (compile_failed) *compile_failed = true;
        return Exception{};
    }
    return new_module_record(ctx, name, compiled.release_value(), std::move(info), default_value, synthetic);
}

static Result<ModuleRecord*> new_module_record(Context& ctx, Atom name, FunctionBytecode* fb,
                                               ModuleCompileInfo&& info, const Value& default_value,
                                               bool synthetic) {
    auto* m = Object::create_as<ModuleRecord>(ctx, nullptr, ClassId::ModuleRecord);
    if (!m) {
        fb->unref();
        return Exception{};
    }
    Value holder = Value::adopt(Tag::Object, m);
    m->m_bytecode = Value::adopt(Tag::InternalCell, fb);
    m->m_name = ctx.atom_value(name);
    m->m_name_atom = name;
    m->m_has_tla = fb->is_async();
    m->m_info = std::move(info);
    // Local bindings get their cells now, before any module links against them (cycles);
    // import slots are filled by InitializeEnvironment, except namespace imports whose cell is
    // the module's own (it may be re-exported).
    for (const ModuleBindingDesc& b : m->m_info.bindings) {
        Value cell;
        bool own = !(b.flags & modbinding::Import);
        if (!own) {
            for (const ModuleImportDesc& im : m->m_info.imports)
                if (im.import_name == atoms::invalid && &m->m_info.bindings[im.slot] == &b) own = true;
        }
        if (own) {
            VarRef* ref = new_var_ref(ctx, synthetic                         ? default_value
                                           : (b.flags & modbinding::Lexical) ? Value::uninitialized()
                                                                             : Value());
            if (!ref) return Exception{};
            cell = Value::adopt(Tag::InternalCell, ref);
        }
        m->m_env.push_back(std::move(cell));
    }
    Object* reg = TRY(registry(ctx));
    TRY(put_own_data(ctx, reg, name, holder, prop::Writable | prop::Configurable));
    return m; // the registry keeps it alive
}

// LoadRequestedModules, synchronously: loads what `m` imports, recursively (a module being loaded
// is Unlinked already, so cycles end). A failure unregisters `m`.
static Result<void> load_requests(Context& ctx, ModuleRecord* m) {
    if (m->m_status != ModuleStatus::New) return {};
    m->m_status = ModuleStatus::Unlinked;
    Value keep = Value::object(m);
    for (const ModuleRequest& request : m->m_info.requests) {
        Result<ModuleRecord*> dep = load_imported_module(ctx, m->m_name_atom, request);
        if (dep.is_exception()) {
            m->m_requested.clear();
            m->m_status = ModuleStatus::New;
            if (Object* reg = ctx.intrinsic(Intrinsic::ModuleRegistry)) {
                Result<bool> ignored = delete_property(ctx, reg, m->m_name_atom);
                (void)ignored;
            }
            return Exception{};
        }
        m->m_requested.push_back(Value::object(dep.value()));
    }
    return {};
}

static Result<ModuleRecord*> create_module(Context& ctx, Atom name, ModuleType type, std::string_view source,
                                           bool* compile_failed) {
    ModuleRecord* m = TRY(create_module_record(ctx, name, type, source, compile_failed));
    TRY(load_requests(ctx, m));
    return m;
}

// HostLoadImportedModule (16.2.1.8) through the embedder's loader.
static Result<ModuleRecord*> load_imported_module(Context& ctx, Atom referrer, const ModuleRequest& request) {
    const LoaderEntry* loader = loader_of(ctx.rt());
    std::string spec = atom_to_utf8(ctx, request.specifier);
    // AllImportAttributesSupported, and the host's support of the type.
    if (request.type == ModuleType::UnsupportedKey)
        return ctx.throw_syntax_error("cannot load module '%s': unsupported import attribute", spec.c_str());
    if (request.type == ModuleType::UnsupportedType)
        return ctx.throw_type_error("cannot load module '%s': unsupported module type", spec.c_str());
    if (loader && loader->record.load) {
        std::string resolved;
        if (!loader->record.resolve(ctx, loader->record.opaque, atom_to_utf8(ctx, referrer), spec, &resolved))
            return Exception{};
        // The embedder's loader makes records from names, so only the type a name implies comes from
        // it; the engine makes the other synthetic modules from the bytes the reader gives.
        if (request.type != ModuleType::JavaScript && request.type != implied_module_type(resolved)) {
            if (!loader->record.read)
                return ctx.throw_type_error("cannot load module '%s': no module reader for this type",
                                            resolved.c_str());
            Atom key = TRY(registry_key(ctx, resolved, request.type));
            if (ModuleRecord* m = registry_find(ctx, key)) return m;
            std::string bytes;
            if (!loader->record.read(ctx, loader->record.opaque, resolved, &bytes)) return Exception{};
            return create_module(ctx, key, request.type, bytes, nullptr);
        }
        Atom name = TRY(utf8_to_atom(ctx, resolved));
        ModuleRecord* m = registry_find(ctx, name);
        if (!m) {
            Object* o = loader->record.load(ctx, loader->record.opaque, resolved);
            if (!o) {
                if (!ctx.rt().has_exception())
                    ctx.throw_reference_error("could not load module '%s'", resolved.c_str());
                return Exception{};
            }
            if (!is_module_record(o)) return ctx.throw_type_error("the module loader returned no module");
            m = as_module_record(o);
        }
        Value keep = Value::object(m);
        TRY(load_requests(ctx, m));
        return m;
    }
    if (!loader) {
        // Without a loader only modules registered already (C modules) can be imported, by name.
        if (request.type == ModuleType::JavaScript)
            if (ModuleRecord* m = registry_find(ctx, request.specifier)) return m;
        return ctx.throw_type_error("cannot load module '%s': no module loader", spec.c_str());
    }
    std::string resolved, source;
    if (!loader->fn(loader->opaque, spec, atom_to_utf8(ctx, referrer), &resolved, &source))
        return ctx.throw_type_error("cannot load module '%s'", spec.c_str());
    ModuleType type = request.type == ModuleType::JavaScript ? implied_module_type(resolved) : request.type;
    Atom name = TRY(registry_key(ctx, resolved, type));
    if (ModuleRecord* m = registry_find(ctx, name)) {
        TRY(load_requests(ctx, m));
        return m;
    }
    return create_module(ctx, name, type, source, nullptr);
}

// ---- ResolveExport (16.2.1.6.3) ----

namespace {

struct ResolvedBinding {
    enum Kind : uint8_t { NotFound, Ambiguous, Found } kind = NotFound;
    ModuleRecord* module = nullptr;
    uint32_t slot = kNoSlot; // kNoSlot: the module's namespace object
};

struct ResolveSetEntry {
    ModuleRecord* module;
    Atom name;
};

ModuleRecord* requested(ModuleRecord* m, uint32_t request) {
    return as_module_record(m->m_requested[request].as_object());
}

ResolvedBinding resolve_export(ModuleRecord* m, Atom name, Vector<ResolveSetEntry>& set) {
    // 1-2. A circular import request resolves to nothing.
    for (const ResolveSetEntry& e : set)
        if (e.module == m && e.name == name) return {};
    set.push_back({m, name});
    // 4. Local exports.
    for (const ModuleExportDesc& e : m->m_info.local_exports)
        if (e.export_name == name) return {ResolvedBinding::Found, m, e.slot};
    // 5. Indirect exports.
    for (const ModuleExportDesc& e : m->m_info.indirect_exports) {
        if (e.export_name != name) continue;
        ModuleRecord* imported = requested(m, e.request);
        if (e.import_name == atoms::invalid) return {ResolvedBinding::Found, imported, kNoSlot};
        return resolve_export(imported, e.import_name, set);
    }
    // 6. `default` is never provided by export *.
    if (name == atoms::default_) return {};
    // 7-8. Star exports must agree.
    ResolvedBinding star;
    for (uint32_t request : m->m_info.star_exports) {
        ResolvedBinding r = resolve_export(requested(m, request), name, set);
        if (r.kind == ResolvedBinding::Ambiguous) return r;
        if (r.kind == ResolvedBinding::NotFound) continue;
        if (star.kind == ResolvedBinding::NotFound) {
            star = r;
        } else if (r.module != star.module || r.slot != star.slot) {
            return {ResolvedBinding::Ambiguous, nullptr, kNoSlot};
        }
    }
    return star;
}

ResolvedBinding resolve_export(ModuleRecord* m, Atom name) {
    Vector<ResolveSetEntry> set;
    return resolve_export(m, name, set);
}

// GetExportedNames (16.2.1.6.2).
void exported_names(ModuleRecord* m, Vector<ModuleRecord*>& star_set, Vector<Atom>& out) {
    for (ModuleRecord* s : star_set)
        if (s == m) return;
    star_set.push_back(m);
    auto add = [&](Atom a) {
        for (Atom b : out)
            if (a == b) return;
        out.push_back(a);
    };
    for (const ModuleExportDesc& e : m->m_info.local_exports)
        add(e.export_name);
    for (const ModuleExportDesc& e : m->m_info.indirect_exports)
        add(e.export_name);
    for (uint32_t request : m->m_info.star_exports) {
        Vector<Atom> star_names;
        exported_names(requested(m, request), star_set, star_names);
        for (Atom a : star_names)
            if (a != atoms::default_) add(a);
    }
}

} // namespace

// ---- namespaces (16.2.1.10 GetModuleNamespace, 10.4.6.12 ModuleNamespaceCreate) ----

Result<Object*> get_module_namespace(Context& ctx, ModuleRecord* m, bool deferred) {
    Value& slot = deferred ? m->m_deferred_namespace : m->m_namespace;
    if (slot.is_object()) return slot.as_object();
    Vector<ModuleRecord*> star_set;
    Vector<Atom> names;
    exported_names(m, star_set, names);
    Value ns = TRY(create_module_namespace(ctx, m, deferred));
    slot = ns;
    auto* nso = static_cast<ModuleNamespaceObject*>(ns.as_object());
    // Only unambiguous names, sorted by code units.
    Vector<std::pair<Value, Atom>> keyed;
    for (Atom a : names) {
        ResolvedBinding r = resolve_export(m, a);
        if (r.kind != ResolvedBinding::Found) continue;
        Value s = ctx.atom_value(a);
        if (!s.is_string()) return ctx.throw_out_of_memory();
        keyed.push_back({std::move(s), a});
    }
    std::sort(keyed.begin(), keyed.end(),
              [](const std::pair<Value, Atom>& x, const std::pair<Value, Atom>& y) {
                  return x.first.as_string()->compare(y.first.as_string()) < 0;
              });
    for (auto& [s, a] : keyed) {
        ResolvedBinding r = resolve_export(m, a);
        Value cell;
        if (r.slot == kNoSlot) {
            Object* target = TRY(get_module_namespace(ctx, r.module));
            VarRef* ref = new_var_ref(ctx, Value::object(target));
            if (!ref) return Exception{};
            cell = Value::adopt(Tag::InternalCell, ref);
        } else {
            cell = r.module->m_env[r.slot];
        }
        nso->m_names.push_back(a);
        nso->m_cells.push_back(std::move(cell));
    }
    return nso;
}

// ---- Link (16.2.1.5.1) ----

// InitializeEnvironment (16.2.1.6.4).
static Result<void> initialize_environment(Context& ctx, ModuleRecord* m) {
    if (m->m_host) return {}; // its exports are its own cells; nothing to instantiate
    // 1. Every indirect export must resolve.
    for (const ModuleExportDesc& e : m->m_info.indirect_exports) {
        ResolvedBinding r = resolve_export(m, e.export_name);
        if (r.kind != ResolvedBinding::Found) {
            std::string n = atom_to_utf8(ctx, e.export_name);
            return ctx.throw_syntax_error("%s export '%s'",
                                          r.kind == ResolvedBinding::Ambiguous ? "ambiguous" : "unresolvable",
                                          n.c_str());
        }
    }
    // 7. Import bindings.
    for (const ModuleImportDesc& im : m->m_info.imports) {
        ModuleRecord* imported = requested(m, im.request);
        // `import source x`: GetModuleSource() of a Source Text Module Record throws.
        if (im.phase == ImportPhase::Source) {
            std::string from = atom_to_utf8(ctx, imported->m_name_atom);
            return ctx.throw_syntax_error("'%s' has no module source object", from.c_str());
        }
        if (im.import_name == atoms::invalid) {
            Object* ns = TRY(get_module_namespace(ctx, imported, im.phase == ImportPhase::Defer));
            static_cast<VarRef*>(m->m_env[im.slot].as_cell())->value = Value::object(ns);
            continue;
        }
        ResolvedBinding r = resolve_export(imported, im.import_name);
        if (r.kind != ResolvedBinding::Found) {
            std::string n = atom_to_utf8(ctx, im.import_name);
            std::string from = atom_to_utf8(ctx, imported->m_name_atom);
            return ctx.throw_syntax_error("%s import '%s' from '%s'",
                                          r.kind == ResolvedBinding::Ambiguous ? "ambiguous" : "unresolvable",
                                          n.c_str(), from.c_str());
        }
        if (r.slot == kNoSlot) {
            Object* ns = TRY(get_module_namespace(ctx, r.module));
            VarRef* ref = new_var_ref(ctx, Value::object(ns));
            if (!ref) return Exception{};
            m->m_env[im.slot] = Value::adopt(Tag::InternalCell, ref);
        } else {
            m->m_env[im.slot] = r.module->m_env[r.slot];
        }
    }
    // The module function closes over the environment's cells.
    if (!m->m_function.is_object()) {
        auto* fb = static_cast<FunctionBytecode*>(m->m_bytecode.as_cell());
        Vector<VarRef*> refs;
        for (const Value& cell : m->m_env)
            refs.push_back(cell.is_internal_cell() ? static_cast<VarRef*>(cell.as_cell()) : nullptr);
        Frame frame;
        frame.var_refs = refs.data();
        m->m_function = TRY(new_closure(ctx, fb, &frame));
    }
    // 24. Function declarations are instantiated (the module function with `this` = true).
    Value v = call(ctx, m->m_function, Value::boolean(true), {});
    if (v.is_exception()) return Exception{};
    return {};
}

static Result<uint32_t> inner_module_linking(Context& ctx, ModuleRecord* m, Vector<ModuleRecord*>& stack,
                                             uint32_t index) {
    // 2. Already linked (or linking, in a cycle).
    if (m->m_status != ModuleStatus::Unlinked) return index;
    // 4-8.
    m->m_status = ModuleStatus::Linking;
    m->m_dfs_index = m->m_dfs_ancestor_index = index++;
    stack.push_back(m);
    // 9. Dependencies first.
    for (uint32_t i = 0; i < m->m_requested.size(); i++) {
        ModuleRecord* r = requested(m, i);
        index = TRY(inner_module_linking(ctx, r, stack, index));
        if (r->m_status == ModuleStatus::Linking)
            m->m_dfs_ancestor_index = std::min(m->m_dfs_ancestor_index, r->m_dfs_ancestor_index);
    }
    // 10.
    TRY(initialize_environment(ctx, m));
    // 13. The root of a strongly connected component marks it linked.
    if (m->m_dfs_ancestor_index == m->m_dfs_index) {
        for (;;) {
            ModuleRecord* done = stack.back();
            stack.pop_back();
            done->m_status = ModuleStatus::Linked;
            if (done == m) break;
        }
    }
    return index;
}

Result<void> link_module(Context& ctx, ModuleRecord* m) {
    Vector<ModuleRecord*> stack;
    Result<uint32_t> r = inner_module_linking(ctx, m, stack, 0);
    if (r.is_exception()) {
        // 4.a. The modules being linked go back to unlinked.
        for (ModuleRecord* s : stack)
            s->m_status = ModuleStatus::Unlinked;
        return Exception{};
    }
    return {};
}

// ---- Evaluate (16.2.1.5.3) ----

namespace {

Value async_module_fulfilled_native(Context& ctx, const CallArgs& args);
Value async_module_rejected_native(Context& ctx, const CallArgs& args);

ModuleRecord* cycle_root(ModuleRecord* m) {
    return m->m_cycle_root.is_object() ? as_module_record(m->m_cycle_root.as_object()) : m;
}

// Settles the module's top-level capability, if it has one.
void settle_top_level(Context& ctx, ModuleRecord* m, bool fulfilled, const Value& value) {
    if (!m->m_top_promise.is_object()) return;
    if (fulfilled) {
        Result<void> r = resolve_promise(ctx, m->m_top_promise.as_object(), Value());
        if (r.is_exception()) Value ignored = ctx.rt().take_exception();
    } else {
        reject_promise(ctx, m->m_top_promise.as_object(), value);
    }
}

// ExecuteModule for a synchronous module: runs its body.
Value execute_module_sync(Context& ctx, ModuleRecord* m) {
    return call(ctx, m->m_function, Value(), {});
}

// ExecuteAsyncModule (16.2.1.5.3.4): runs an async module's body; its completion continues the
// evaluation of the modules waiting for it.
Result<void> execute_async_module(Context& ctx, ModuleRecord* m) {
    Value promise = TRY(call(ctx, m->m_function, Value(), {}));
    Value holder = Value::object(m);
    Value on_fulfilled =
        TRY(new_native_function(ctx, async_module_fulfilled_native, atoms::empty_string, 0, 0, 1));
    static_cast<NativeFunctionObject*>(on_fulfilled.as_object())->data()[0] = holder;
    Value on_rejected =
        TRY(new_native_function(ctx, async_module_rejected_native, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_rejected.as_object())->data()[0] = holder;
    if (!is_promise(promise)) return ctx.throw_type_error("async module did not return a promise");
    return perform_promise_then(ctx, promise.as_object(), on_fulfilled, on_rejected, nullptr);
}

// AsyncModuleExecutionRejected (16.2.1.5.3.7).
void async_module_rejected(Context& ctx, ModuleRecord* m, const Value& error) {
    if (m->m_status == ModuleStatus::Evaluated) return;
    m->m_has_error = true;
    m->m_error = error;
    m->m_status = ModuleStatus::Evaluated;
    m->m_async_evaluation = false;
    // The module's own capability is rejected before its parents' (as test262 expects).
    settle_top_level(ctx, m, false, error);
    Vector<Value> parents = m->m_async_parents;
    for (const Value& p : parents)
        async_module_rejected(ctx, as_module_record(p.as_object()), error);
}

// GatherAvailableAncestors (16.2.1.5.3.5).
void gather_available_ancestors(ModuleRecord* m, Vector<ModuleRecord*>& exec_list) {
    for (const Value& pv : m->m_async_parents) {
        ModuleRecord* p = as_module_record(pv.as_object());
        if (std::find(exec_list.begin(), exec_list.end(), p) != exec_list.end()) continue;
        if (cycle_root(p)->m_has_error) continue;
        if (p->m_pending_async_dependencies == 0) continue;
        if (--p->m_pending_async_dependencies == 0) {
            exec_list.push_back(p);
            if (!p->m_has_tla) gather_available_ancestors(p, exec_list);
        }
    }
}

// AsyncModuleExecutionFulfilled (16.2.1.5.3.6).
void async_module_fulfilled(Context& ctx, ModuleRecord* m) {
    if (m->m_status == ModuleStatus::Evaluated) return; // already failed
    m->m_async_evaluation = false;
    m->m_status = ModuleStatus::Evaluated;
    settle_top_level(ctx, m, true, Value());
    Vector<ModuleRecord*> exec_list;
    gather_available_ancestors(m, exec_list);
    std::sort(exec_list.begin(), exec_list.end(),
              [](ModuleRecord* a, ModuleRecord* b) { return a->m_async_order < b->m_async_order; });
    for (ModuleRecord* p : exec_list) {
        if (p->m_status == ModuleStatus::Evaluated) continue; // failed meanwhile
        Value keep = Value::object(p);
        if (p->m_has_tla) {
            if (execute_async_module(ctx, p).is_exception()) {
                Value error;
                if (!catch_exception(ctx, error)) return;
                async_module_rejected(ctx, p, error);
            }
            continue;
        }
        Value r = execute_module_sync(ctx, p);
        if (r.is_exception()) {
            Value error;
            if (!catch_exception(ctx, error)) return;
            async_module_rejected(ctx, p, error);
            continue;
        }
        p->m_async_evaluation = false;
        p->m_status = ModuleStatus::Evaluated;
        settle_top_level(ctx, p, true, Value());
    }
}

Value async_module_fulfilled_native(Context& ctx, const CallArgs& args) {
    Value m = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    async_module_fulfilled(ctx, as_module_record(m.as_object()));
    return Value();
}

Value async_module_rejected_native(Context& ctx, const CallArgs& args) {
    Value m = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    async_module_rejected(ctx, as_module_record(m.as_object()), args.arg(0));
    return Value();
}

uint64_t s_async_order = 1;

// IsModuleSCCEvaluated: a module counts as evaluated once its whole cycle is.
bool is_module_scc_evaluated(ModuleRecord* m) {
    if (m->m_cycle_root.is_object()) return cycle_root(m)->m_status == ModuleStatus::Evaluated;
    return m->m_status == ModuleStatus::Evaluated;
}

// GatherAsynchronousTransitiveDependencies (import defer): the modules with a top-level await that
// `m` needs, stopping at each such module and at modules evaluating or whose cycle is evaluated.
void gather_async_transitive_dependencies(ModuleRecord* m, Vector<ModuleRecord*>& seen,
                                          Vector<ModuleRecord*>& out) {
    if (std::find(seen.begin(), seen.end(), m) != seen.end()) return;
    seen.push_back(m);
    if (m->m_status == ModuleStatus::Evaluating || is_module_scc_evaluated(m)) return;
    if (m->m_has_tla) {
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
        return;
    }
    for (uint32_t i = 0; i < m->m_requested.size(); i++)
        gather_async_transitive_dependencies(requested(m, i), seen, out);
}

bool ready_for_sync_execution(ModuleRecord* m, Vector<ModuleRecord*>& seen) {
    if (std::find(seen.begin(), seen.end(), m) != seen.end()) return true;
    seen.push_back(m);
    if (is_module_scc_evaluated(m)) return true;
    if (m->m_status == ModuleStatus::Evaluating || m->m_status == ModuleStatus::EvaluatingAsync) return false;
    if (m->m_has_tla) return false;
    for (uint32_t i = 0; i < m->m_requested.size(); i++)
        if (!ready_for_sync_execution(requested(m, i), seen)) return false;
    return true;
}

// InnerModuleEvaluation (16.2.1.5.3.1).
Result<uint32_t> inner_module_evaluation(Context& ctx, ModuleRecord* m, Vector<ModuleRecord*>& stack,
                                         uint32_t index) {
    // 2. Done, or being evaluated asynchronously: its cached outcome.
    if (m->m_status == ModuleStatus::EvaluatingAsync || m->m_status == ModuleStatus::Evaluated) {
        ModuleRecord* root = cycle_root(m);
        if (root->m_has_error || m->m_has_error) {
            return ctx.throw_value(root->m_has_error ? root->m_error : m->m_error);
        }
        return index;
    }
    // 3. In the current cycle.
    if (m->m_status == ModuleStatus::Evaluating) return index;
    // 5-10.
    m->m_status = ModuleStatus::Evaluating;
    m->m_dfs_index = m->m_dfs_ancestor_index = index++;
    m->m_pending_async_dependencies = 0;
    stack.push_back(m);
    // 11-12. Dependencies first; of a deferred import only the async modules it needs, which cannot
    // be evaluated synchronously later.
    Vector<ModuleRecord*> evaluation_list;
    for (const ModuleEvaluationStep& step : m->m_info.evaluation_steps) {
        ModuleRecord* r = requested(m, step.request);
        if (step.deferred) {
            Vector<ModuleRecord*> seen;
            gather_async_transitive_dependencies(r, seen, evaluation_list);
        } else if (std::find(evaluation_list.begin(), evaluation_list.end(), r) == evaluation_list.end()) {
            evaluation_list.push_back(r);
        }
    }
    for (ModuleRecord* r : evaluation_list) {
        index = TRY(inner_module_evaluation(ctx, r, stack, index));
        if (r->m_status == ModuleStatus::Evaluating) {
            m->m_dfs_ancestor_index = std::min(m->m_dfs_ancestor_index, r->m_dfs_ancestor_index);
        } else {
            r = cycle_root(r);
            if (r->m_has_error) {
                return ctx.throw_value(r->m_error);
            }
        }
        if (r->m_async_evaluation) {
            m->m_pending_async_dependencies++;
            r->m_async_parents.push_back(Value::object(m));
        }
    }
    // 12-13. Run it now, or once its async dependencies are done.
    if (m->m_pending_async_dependencies > 0 || m->m_has_tla) {
        m->m_async_evaluation = true;
        m->m_async_order = s_async_order++;
        if (m->m_pending_async_dependencies == 0) TRY(execute_async_module(ctx, m));
    } else {
        Value r = execute_module_sync(ctx, m);
        if (r.is_exception()) return Exception{};
    }
    // 16. The root of a strongly connected component completes it.
    if (m->m_dfs_ancestor_index == m->m_dfs_index) {
        for (;;) {
            ModuleRecord* done = stack.back();
            stack.pop_back();
            done->m_status =
                done->m_async_evaluation ? ModuleStatus::EvaluatingAsync : ModuleStatus::Evaluated;
            done->m_cycle_root = Value::object(m);
            if (done == m) break;
        }
    }
    return index;
}

} // namespace

// Evaluate() (16.2.1.5.3): the promise of the module graph's evaluation.
Value evaluate_module(Context& ctx, ModuleRecord* m) {
    // 3. A module evaluated (or being evaluated) before shares its cycle root's capability.
    if (m->m_status == ModuleStatus::EvaluatingAsync || m->m_status == ModuleStatus::Evaluated) {
        if (m->m_cycle_root.is_object()) m = cycle_root(m);
    }
    // 4.
    if (m->m_top_promise.is_object()) return m->m_top_promise;
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    m->m_top_promise = promise;
    if (m->m_status == ModuleStatus::Evaluated && m->m_has_error) {
        reject_promise(ctx, promise.as_object(), m->m_error);
        return promise;
    }
    Vector<ModuleRecord*> stack;
    Value keep = Value::object(m);
    Result<uint32_t> r = inner_module_evaluation(ctx, m, stack, 0);
    if (r.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        // 9.a. Every module on the stack failed with this error.
        for (ModuleRecord* s : stack) {
            s->m_status = ModuleStatus::Evaluated;
            s->m_has_error = true;
            s->m_error = error;
        }
        reject_promise(ctx, promise.as_object(), error);
    } else if (!m->m_async_evaluation) {
        TRY(resolve_promise(ctx, promise.as_object(), Value()));
    }
    return promise;
}

bool ready_for_sync_execution(ModuleRecord* m) {
    Vector<ModuleRecord*> seen;
    return ready_for_sync_execution(m, seen);
}

Result<void> evaluate_module_sync(Context& ctx, ModuleRecord* m) {
    if (m->m_status != ModuleStatus::Evaluated && !ready_for_sync_execution(m)) {
        std::string name = atom_to_utf8(ctx, m->m_name_atom);
        return ctx.throw_type_error("deferred module '%s' cannot be evaluated now (it is being evaluated or "
                                    "needs a top-level await)",
                                    name.c_str());
    }
    // EvaluateSync: Evaluate() settles at once here; a rejection is thrown.
    Value keep = Value::object(m);
    Value promise = TRY(evaluate_module(ctx, m));
    Object* p = promise.as_object();
    if (promise_state(p) == PromiseState::Rejected) {
        mark_promise_handled(ctx, p);
        return ctx.throw_value(promise_result(p));
    }
    // (An evaluated module whose async cycle is still running has a pending promise.)
    if (promise_state(p) == PromiseState::Pending)
        return ctx.throw_type_error("deferred module is still being evaluated");
    return {};
}

// ---- the embedding entry point ----

Value run_module_source(Context& ctx, std::string_view source, std::string_view name, bool* compile_failed) {
    if (compile_failed) *compile_failed = false;
    Atom atom = TRY(utf8_to_atom(ctx, name));
    ModuleRecord* m = registry_find(ctx, atom);
    if (!m) m = TRY(create_module(ctx, atom, implied_module_type(name), source, compile_failed));
    return link_and_evaluate_module(ctx, m);
}

// ---- records for the embedding API ----

bool is_module_record(const Object* o) {
    return o && o->class_id() == ClassId::ModuleRecord;
}

Result<Object*> compile_module_record(Context& ctx, std::string_view source, std::string_view name) {
    Atom atom = TRY(utf8_to_atom(ctx, name));
    return TRY(create_module_record(ctx, atom, implied_module_type(name), source, nullptr));
}

Result<Object*> module_record_from_bytecode(Context& ctx, FunctionBytecode* fb, ModuleCompileInfo&& info) {
    register_module_classes();
    if (ModuleRecord* existing = registry_find(ctx, fb->m_filename)) {
        fb->unref();
        return existing;
    }
    if (info.bindings.size() < fb->closure_vars().size())
        return fb->unref(), ctx.throw_syntax_error("module bindings do not match its code");
    return TRY(new_module_record(ctx, fb->m_filename, fb, std::move(info), Value(), false));
}

FunctionBytecode* module_record_bytecode(Object* o) {
    ModuleRecord* m = as_module_record(o);
    return m->m_bytecode.is_internal_cell() ? static_cast<FunctionBytecode*>(m->m_bytecode.as_cell())
                                            : nullptr;
}

const ModuleCompileInfo& module_record_info(Object* o) {
    return as_module_record(o)->m_info;
}

Result<Object*> create_host_module(Context& ctx, Atom name) {
    register_module_classes();
    auto* m = Object::create_as<ModuleRecord>(ctx, nullptr, ClassId::ModuleRecord);
    if (!m) return Exception{};
    Value holder = Value::adopt(Tag::Object, m);
    m->m_name = ctx.atom_value(name);
    m->m_name_atom = name;
    m->m_host = true;
    m->m_status = ModuleStatus::Unlinked; // it imports nothing
    Object* reg = TRY(registry(ctx));
    TRY(put_own_data(ctx, reg, name, holder, prop::Writable | prop::Configurable));
    return m;
}

void set_host_module_init(Object* module, Value init) {
    as_module_record(module)->m_function = std::move(init);
}

Result<void> add_host_module_export(Context& ctx, Object* module, Atom name) {
    ModuleRecord* m = as_module_record(module);
    if (!m->m_host || m->m_status != ModuleStatus::Unlinked)
        return ctx.throw_type_error("exports can only be added to a C module before it is linked");
    for (const ModuleExportDesc& e : m->m_info.local_exports)
        if (e.export_name == name) return {};
    VarRef* ref = new_var_ref(ctx, Value());
    if (!ref) return Exception{};
    auto slot = static_cast<uint32_t>(m->m_env.size());
    m->m_env.push_back(Value::adopt(Tag::InternalCell, ref));
    m->m_info.bindings.push_back(ModuleBindingDesc{name, 0});
    m->m_info.local_exports.push_back(ModuleExportDesc{name, slot, kNoSlot, atoms::invalid});
    return {};
}

Result<void> set_host_module_export(Context& ctx, Object* module, Atom name, Value v) {
    ModuleRecord* m = as_module_record(module);
    for (const ModuleExportDesc& e : m->m_info.local_exports) {
        if (e.export_name != name || e.slot == kNoSlot) continue;
        static_cast<VarRef*>(m->m_env[e.slot].as_cell())->value = std::move(v);
        return {};
    }
    std::string n = atom_to_utf8(ctx, name);
    return ctx.throw_reference_error("no export named '%s' in this module", n.c_str());
}

Result<void> load_module_requests(Context& ctx, Object* module) {
    return load_requests(ctx, as_module_record(module));
}

Value link_and_evaluate_module(Context& ctx, Object* module) {
    ModuleRecord* m = as_module_record(module);
    Value keep = Value::object(m);
    TRY(load_requests(ctx, m));
    TRY(link_module(ctx, m));
    return evaluate_module(ctx, m);
}

Atom module_record_name(Object* module) {
    return as_module_record(module)->m_name_atom;
}

Value module_record_namespace(Context& ctx, Object* module) {
    ModuleRecord* m = as_module_record(module);
    TRY(load_requests(ctx, m));
    Object* ns = TRY(get_module_namespace(ctx, m));
    return Value::object(ns);
}

Value module_record_meta(Context& ctx, Object* module) {
    ModuleRecord* m = as_module_record(module);
    if (!m->m_meta.is_object()) m->m_meta = TRY(new_object_with_proto(ctx, nullptr));
    return m->m_meta;
}

// ---- import.meta (13.3.12.1) ----

Value module_import_meta(Context& ctx, Atom filename) {
    ModuleRecord* m = registry_find(ctx, filename);
    if (!m) return new_object_with_proto(ctx, nullptr);
    if (!m->m_meta.is_object()) m->m_meta = TRY(new_object_with_proto(ctx, nullptr));
    return m->m_meta;
}

// ---- import() (13.3.10.1 EvaluateImportCall) ----

namespace {

// Settles import()'s promise with the module's namespace (deferred for import.defer()).
Value resolve_with_namespace(Context& ctx, Object* promise, ModuleRecord* m, bool deferred) {
    Result<Object*> ns = get_module_namespace(ctx, m, deferred);
    if (ns.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        reject_promise(ctx, promise, error);
        return Value();
    }
    TRY(resolve_promise(ctx, promise, Value::object(ns.value())));
    return Value();
}

// The evaluation promise settled (or, for import.defer(), the last of its async dependencies'):
// resolve import()'s promise with the namespace (ContinueDynamicImport). data: the promise, the
// module, whether deferred, and a cell counting the evaluations still pending.
Value dynamic_import_fulfilled(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    Value* data = f->data();
    auto* pending = static_cast<VarRef*>(data[3].as_cell());
    int32_t left = pending->value.as_int32() - 1;
    pending->value = Value::int32(left);
    if (left > 0) return Value();
    return resolve_with_namespace(ctx, data[0].as_object(), as_module_record(data[1].as_object()),
                                  data[2].as_bool());
}

Value dynamic_import_rejected(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    reject_promise(ctx, f->data()[0].as_object(), args.arg(0));
    return Value();
}

// HostLoadImportedModule + ContinueDynamicImport: load, link and evaluate, then settle the promise.
// import.source() stops after loading; import.defer() evaluates only the async modules the module
// needs (GatherAsynchronousTransitiveDependencies) and resolves with its deferred namespace.
Result<void> dynamic_import_continue(Context& ctx, Object* promise, Atom referrer,
                                     const ModuleRequest& request, ImportPhase phase) {
    ModuleRecord* m = TRY(load_imported_module(ctx, referrer, request));
    Value keep = Value::object(m);
    if (phase == ImportPhase::Source) {
        std::string name = atom_to_utf8(ctx, m->m_name_atom);
        return ctx.throw_syntax_error("'%s' has no module source object", name.c_str());
    }
    TRY(link_module(ctx, m));
    bool deferred = phase == ImportPhase::Defer;
    Vector<Value> evaluations;
    if (deferred) {
        Vector<ModuleRecord*> seen, deps;
        gather_async_transitive_dependencies(m, seen, deps);
        for (ModuleRecord* dep : deps)
            evaluations.push_back(TRY(evaluate_module(ctx, dep)));
        if (evaluations.empty()) {
            TRY(resolve_with_namespace(ctx, promise, m, true));
            return {};
        }
    } else {
        evaluations.push_back(TRY(evaluate_module(ctx, m)));
    }
    VarRef* pending = new_var_ref(ctx, Value::int32(static_cast<int32_t>(evaluations.size())));
    if (!pending) return Exception{};
    Value pending_cell = Value::adopt(Tag::InternalCell, pending);
    Value on_fulfilled =
        TRY(new_native_function(ctx, dynamic_import_fulfilled, atoms::empty_string, 0, 0, 4));
    Value* data = static_cast<NativeFunctionObject*>(on_fulfilled.as_object())->data();
    data[0] = Value::object(promise);
    data[1] = keep;
    data[2] = Value::boolean(deferred);
    data[3] = pending_cell;
    Value on_rejected = TRY(new_native_function(ctx, dynamic_import_rejected, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_rejected.as_object())->data()[0] = Value::object(promise);
    for (const Value& evaluation : evaluations)
        TRY(perform_promise_then(ctx, evaluation.as_object(), on_fulfilled, on_rejected, nullptr));
    return {};
}

Value dynamic_import_job(Context& ctx, const CallArgs& args) {
    Value* data = static_cast<NativeFunctionObject*>(args.callee)->data();
    Value promise = data[0];
    Atom referrer = ctx.rt().intern(data[1].as_string());
    Atom spec = ctx.rt().intern(data[2].as_string());
    if (!referrer || !spec) return ctx.throw_out_of_memory();
    auto phase = static_cast<ImportPhase>(data[3].as_int32());
    ModuleRequest request{spec, static_cast<ModuleType>(data[4].as_int32())};
    if (dynamic_import_continue(ctx, promise.as_object(), referrer, request, phase).is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        reject_promise(ctx, promise.as_object(), error);
    }
    return Value();
}

// Steps after the promise capability exists; an abrupt completion rejects the promise.
Result<void> dynamic_import_steps(Context& ctx, Atom referrer, const CallArgs& args, Object* promise) {
    // 10. specifierString = ToString(specifier).
    Value specifier = TRY(to_string(ctx, args.arg(0)));
    // 11-12. The options' import attributes must be an object of strings.
    ModuleType type = ModuleType::JavaScript;
    const Value& options = args.arg(1);
    if (!options.is_undefined()) {
        if (!options.is_object()) return ctx.throw_type_error("import() options must be an object");
        Value attributes = TRY(get(ctx, options.as_object(), atoms::with, options));
        if (!attributes.is_undefined()) {
            if (!attributes.is_object())
                return ctx.throw_type_error("import() options.with must be an object");
            Vector<Atom> keys = TRY(own_property_keys(ctx, attributes.as_object()));
            for (Atom k : keys) {
                if (ctx.rt().atom_is_symbol(k)) continue;
                PropertyDescriptor d;
                bool found = TRY(get_own_property(ctx, attributes.as_object(), k, &d));
                if (!found || !d.enumerable()) continue;
                Value v = TRY(get(ctx, attributes.as_object(), k, attributes));
                if (!v.is_string()) return ctx.throw_type_error("import attribute values must be strings");
                if (type == ModuleType::UnsupportedKey) continue;
                bool is_type = atom_to_utf8(ctx, k) == "type";
                type = is_type ? module_type_named(v.as_string()->to_utf8()) : ModuleType::UnsupportedKey;
            }
            // 13. AllImportAttributesSupported: only `type`.
            if (type == ModuleType::UnsupportedKey)
                return ctx.throw_syntax_error("unsupported import attribute");
        }
    }
    // The host loads the module later (FinishLoadingImportedModule runs as a job), so the module
    // graph being evaluated now finishes first.
    Value job = TRY(new_native_function(ctx, dynamic_import_job, atoms::empty_string, 0, 0, 5));
    Value* data = static_cast<NativeFunctionObject*>(job.as_object())->data();
    data[0] = Value::object(promise);
    data[1] = ctx.atom_value(referrer);
    data[2] = std::move(specifier);
    // The phase: a third argument only import.defer() and import.source() pass (as an int32).
    const Value& phase = args.arg(2);
    data[3] = Value::int32(phase.is_int32() && phase.as_int32() >= 0 &&
                                   phase.as_int32() <= static_cast<int32_t>(ImportPhase::Source)
                               ? phase.as_int32()
                               : 0);
    data[4] = Value::int32(static_cast<int32_t>(type));
    ctx.rt().enqueue_job(&ctx, std::move(job), Vector<Value>());
    return {};
}

Value dynamic_import_native(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    Atom referrer = ctx.rt().intern(f->data()[0].as_string());
    if (!referrer) return ctx.throw_out_of_memory();
    if (dynamic_import_steps(ctx, referrer, args, promise.as_object()).is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        reject_promise(ctx, promise.as_object(), error);
    }
    return promise;
}

} // namespace

Value module_import_function(Context& ctx, Atom referrer) {
    Value f = TRY(new_native_function(ctx, dynamic_import_native, atoms::import, 1, 0, 1));
    Value name = ctx.atom_value(referrer == atoms::invalid ? atoms::empty_string : referrer);
    if (!name.is_string()) return ctx.throw_out_of_memory();
    static_cast<NativeFunctionObject*>(f.as_object())->data()[0] = std::move(name);
    return f;
}

// Natives created while modules load and evaluate get their ids when the vm starts, so they are the
// same in every process (snapshots refer to natives by id).
void register_module_natives() {
    register_module_classes(); // a restored snapshot may hold module records before any module loads
    register_native(async_module_fulfilled_native, "AsyncModuleExecutionFulfilled");
    register_native(async_module_rejected_native, "AsyncModuleExecutionRejected");
    register_native(dynamic_import_fulfilled, "ContinueDynamicImport.onFulfilled");
    register_native(dynamic_import_rejected, "ContinueDynamicImport.onRejected");
    register_native(dynamic_import_job, "DynamicImportJob");
    register_native(dynamic_import_native, "import");
}

} // namespace qjs
