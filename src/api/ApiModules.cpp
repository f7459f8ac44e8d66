// ApiModules.cpp: quickjs.h modules (C modules, the module loader, import.meta) and JS_WriteObject /
// JS_ReadObject for compiled scripts and modules (bytecode images, src/snapshot/BytecodeImage.h).
//
// A JSModuleDef* is the engine's module record (an object cell); as a JSValue it has the tag
// JS_TAG_MODULE and owns a reference like any object value. A C module's init function is a native
// function object stored in the record, whose data holds the host-function id of the C pointer and
// the record, so the heap keeps no function pointer.
#include "api/ApiInternal.h"

#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "module/Module.h"
#include "runtime/Call.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/BytecodeImage.h"
#include "vm/Frames.h"
#include "vm/FunctionObject.h"

#include <cstring>
#include <string>

using namespace qjs;
using namespace qjs::api;

namespace {

enum : int { kKindModuleInit = 103 };

Object* record_of(JSModuleDef* m) {
    return reinterpret_cast<Object*>(m);
}
JSModuleDef* def_of(Object* o) {
    return reinterpret_cast<JSModuleDef*>(o);
}

// The native behind every C module's evaluation: data[0] is the init function's host id, data[1]
// the module record.
Value c_module_init_native(Context& ctx, const CallArgs& args) {
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    Runtime& rt = ctx.rt();
    // Both slots are checked: after a snapshot restore they come from the snapshot's bytes, and only
    // a module-init entry may be called with this signature.
    if (f->m_data_count < 2) return ctx.throw_type_error("malformed C module initializer");
    const Value& id = f->data()[0];
    Value module = f->data()[1];
    if (!id.is_int32() || id.as_int32() <= 0 ||
        static_cast<size_t>(id.as_int32()) >= rt.m_host_functions.size() ||
        rt.host_function(static_cast<uint32_t>(id.as_int32())).kind != kKindModuleInit ||
        !module.is_object() || !is_module_record(module.as_object()))
        return ctx.throw_type_error("malformed C module initializer");
    auto* init =
        reinterpret_cast<JSModuleInitFunc*>(rt.host_function(static_cast<uint32_t>(id.as_int32())).fn);
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory();
    int r = init ? init(c, def_of(module.as_object())) : 0;
    rt.make_current();
    if (r < 0) {
        if (!rt.has_exception())
            return ctx.throw_error(ErrorType::InternalError, "C module initialization failed");
        return Exception{};
    }
    return Value();
}

// QuickJS's default normalization: names not starting with '.' are kept; "./x" and "../x" are
// resolved against the directory of the importing module's name.
std::string default_normalize(const std::string& base, const std::string& name) {
    if (name.empty() || name[0] != '.') return name;
    std::string dir;
    size_t slash = base.rfind('/');
    if (slash != std::string::npos) dir = base.substr(0, slash);
    std::string rest = name;
    for (;;) {
        if (rest.compare(0, 2, "./") == 0) {
            rest.erase(0, 2);
        } else if (rest.compare(0, 3, "../") == 0) {
            if (dir.empty() || dir == ".." || (dir.size() >= 3 && dir.compare(dir.size() - 3, 3, "/..") == 0))
                break;
            size_t s = dir.rfind('/');
            dir = s == std::string::npos ? std::string() : dir.substr(0, s);
            rest.erase(0, 3);
        } else {
            break;
        }
    }
    return dir.empty() ? rest : dir + "/" + rest;
}

bool api_resolve(Context& ctx, void* opaque, const std::string& referrer, const std::string& specifier,
                 std::string* resolved) {
    auto* r = static_cast<JSRuntime*>(opaque);
    if (!r->module_normalize) {
        *resolved = default_normalize(referrer, specifier);
        return true;
    }
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory(), false;
    char* name = r->module_normalize(c, referrer.c_str(), specifier.c_str(), r->module_loader_opaque);
    ctx.rt().make_current();
    if (!name) {
        if (!ctx.rt().has_exception())
            ctx.throw_reference_error("could not resolve module '%s'", specifier.c_str());
        return false;
    }
    *resolved = name;
    js_free(c, name);
    return true;
}

Object* api_load(Context& ctx, void* opaque, const std::string& name) {
    auto* r = static_cast<JSRuntime*>(opaque);
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory(), nullptr;
    JSModuleDef* m = r->module_loader(c, name.c_str(), r->module_loader_opaque);
    ctx.rt().make_current();
    return m ? record_of(m) : nullptr;
}

bool api_read(Context& ctx, void* opaque, const std::string& name, std::string* bytes) {
    auto* r = static_cast<JSRuntime*>(opaque);
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory(), false;
    size_t length = 0;
    uint8_t* data = r->module_read(c, name.c_str(), &length, r->module_read_opaque);
    ctx.rt().make_current();
    if (!data) {
        if (!ctx.rt().has_exception()) ctx.throw_reference_error("could not read module '%s'", name.c_str());
        return false;
    }
    bytes->assign(reinterpret_cast<const char*>(data), length);
    js_free(c, data);
    return true;
}

void update_record_loader(JSRuntime* r) {
    ModuleRecordLoader loader{api_resolve, r->module_loader ? api_load : nullptr,
                              r->module_read ? api_read : nullptr, r};
    set_module_record_loader(enter(r), loader);
}

Object* module_of(JSValueConst v) {
    if (v.tag != JS_TAG_MODULE && v.tag != JS_TAG_OBJECT) return nullptr;
    auto* o = static_cast<Object*>(v.u.ptr);
    return is_module_record(o) ? o : nullptr;
}

} // namespace

namespace qjs::api {
// For Engine.cpp to register up front, so that the ids of the natives that follow do not depend on
// whether the host made C modules (snapshots of `qjs`, which does, restore where none are made).
NativeFn c_module_init_fn() {
    return c_module_init_native;
}

JSValue give_module(Value module) {
    JSValue v = give(std::move(module));
    v.tag = JS_TAG_MODULE;
    return v;
}
} // namespace qjs::api

void JS_SetModuleLoaderFunc(JSRuntime* r, JSModuleNormalizeFunc* module_normalize,
                            JSModuleLoaderFunc* module_loader, void* opaque) {
    r->module_normalize = module_normalize;
    r->module_loader = module_loader;
    r->module_loader_opaque = opaque;
    update_record_loader(r);
}

void JS_SetModuleReadFunc(JSRuntime* r, JSModuleReadFunc* module_read, void* opaque) {
    r->module_read = module_read;
    r->module_read_opaque = opaque;
    update_record_loader(r);
}

JSModuleDef* JS_NewCModule(JSContext* c, const char* name_str, JSModuleInitFunc* func) {
    Context& ctx = enter(c);
    Atom name = atom_of_cstring(ctx, name_str, std::strlen(name_str));
    if (!name) return nullptr;
    uint32_t id = ctx.rt().register_host_function(reinterpret_cast<void (*)()>(func), kKindModuleInit);
    if (!id) return ctx.throw_out_of_memory(), nullptr;
    Result<Object*> m = create_host_module(ctx, name);
    if (m.is_exception()) return nullptr;
    Value init = new_native_function(ctx, c_module_init_native, atoms::empty_string, 0, 0, 2);
    if (init.is_exception()) return nullptr;
    auto* f = static_cast<NativeFunctionObject*>(init.as_object());
    f->data()[0] = Value::int32(static_cast<int32_t>(id));
    f->data()[1] = Value::object(m.value());
    set_host_module_init(m.value(), std::move(init));
    return def_of(m.value());
}

int JS_AddModuleExport(JSContext* c, JSModuleDef* m, const char* name_str) {
    Context& ctx = enter(c);
    Atom name = atom_of_cstring(ctx, name_str, std::strlen(name_str));
    if (!name) return -1;
    return add_host_module_export(ctx, record_of(m), name).is_exception() ? -1 : 0;
}

int JS_AddModuleExportList(JSContext* c, JSModuleDef* m, const JSCFunctionListEntry* tab, int len) {
    for (int i = 0; i < len; ++i)
        if (JS_AddModuleExport(c, m, tab[i].name) < 0) return -1;
    return 0;
}

int JS_SetModuleExport(JSContext* c, JSModuleDef* m, const char* export_name, JSValue val) {
    Context& ctx = enter(c);
    Value v = take(val);
    Atom name = atom_of_cstring(ctx, export_name, std::strlen(export_name));
    if (!name) return -1;
    return set_host_module_export(ctx, record_of(m), name, std::move(v)).is_exception() ? -1 : 0;
}

// The entries' values are built as properties of a scratch object (the one implementation of the
// entry kinds), then moved into the exports.
int JS_SetModuleExportList(JSContext* c, JSModuleDef* m, const JSCFunctionListEntry* tab, int len) {
    JSValue scratch = JS_NewObject(c);
    if (JS_IsException(scratch)) return -1;
    int r = JS_SetPropertyFunctionList(c, scratch, tab, len);
    for (int i = 0; r == 0 && i < len; ++i) {
        JSValue v = JS_GetPropertyStr(c, scratch, tab[i].name);
        r = JS_IsException(v) ? -1 : JS_SetModuleExport(c, m, tab[i].name, v);
    }
    JS_FreeValue(c, scratch);
    return r;
}

JSValue JS_GetImportMeta(JSContext* c, JSModuleDef* m) {
    return give(module_record_meta(enter(c), record_of(m)));
}

JSAtom JS_GetModuleName(JSContext* c, JSModuleDef* m) {
    enter(c);
    return JS_DupAtom(c, module_record_name(record_of(m)));
}

JSValue JS_GetModuleNamespace(JSContext* c, JSModuleDef* m) {
    return give(module_record_namespace(enter(c), record_of(m)));
}

JSAtom JS_GetScriptOrModuleName(JSContext* c, int n_stack_levels) {
    Context& ctx = enter(c);
    Frame* f = ctx.rt().m_current_frame;
    for (int i = 0; f && i < n_stack_levels; ++i)
        f = f->prev;
    if (!f || !f->function || !f->function->m_bytecode) return JS_ATOM_NULL;
    return JS_DupAtom(c, f->function->m_bytecode->m_filename);
}

int JS_ResolveModule(JSContext* c, JSValueConst obj) {
    Context& ctx = enter(c);
    Object* module = module_of(obj);
    if (!module) return 0;
    return load_module_requests(ctx, module).is_exception() ? -1 : 0;
}

// ---- JS_WriteObject / JS_ReadObject ----

uint8_t* JS_WriteObject2(JSContext* c, size_t* psize, JSValueConst obj, int flags, uint8_t*** psab_tab,
                         size_t* psab_tab_len) {
    Context& ctx = enter(c);
    if (psize) *psize = 0;
    if (psab_tab) *psab_tab = nullptr;
    if (psab_tab_len) *psab_tab_len = 0;
    ByteWriter out;
    bool ok;
    Object* module = module_of(obj);
    Object* o = object_of(obj);
    if (module) {
        FunctionBytecode* fb = module_record_bytecode(module);
        if (!(flags & JS_WRITE_OBJ_BYTECODE)) {
            ctx.throw_type_error("writing a module needs JS_WRITE_OBJ_BYTECODE");
            return nullptr;
        }
        if (!fb) {
            ctx.throw_type_error("a C module cannot be written");
            return nullptr;
        }
        ok = write_module_image(ctx, fb, module_record_info(module), out);
    } else if (o && o->class_id() == ClassId::BytecodeFunction) {
        if (!(flags & JS_WRITE_OBJ_BYTECODE)) {
            ctx.throw_type_error("writing a function needs JS_WRITE_OBJ_BYTECODE");
            return nullptr;
        }
        auto* f = static_cast<FunctionObject*>(o);
        if (f->m_var_ref_count) {
            ctx.throw_type_error(
                "only a compiled script (a function without closure variables) can be written");
            return nullptr;
        }
        ok = write_bytecode_image(ctx, f->m_bytecode, out);
    } else {
        return write_value_image(c, psize, obj, flags, psab_tab, psab_tab_len);
    }
    if (!ok) return nullptr;
    size_t n = out.size();
    auto* buf = static_cast<uint8_t*>(js_malloc(c, n ? n : 1));
    if (!buf) return nullptr;
    if (n) std::memcpy(buf, out.data().data(), n);
    if (psize) *psize = n;
    return buf;
}

uint8_t* JS_WriteObject(JSContext* c, size_t* psize, JSValueConst obj, int flags) {
    return JS_WriteObject2(c, psize, obj, flags, nullptr, nullptr);
}

JSValue JS_ReadObject(JSContext* c, const uint8_t* buf, size_t buf_len, int flags) {
    Context& ctx = enter(c);
    if (is_value_image(buf, buf_len)) return read_value_image(c, buf, buf_len, flags);
    if (!(flags & JS_READ_OBJ_BYTECODE))
        return give(ctx.throw_type_error("JS_ReadObject: reading compiled code needs JS_READ_OBJ_BYTECODE"));
    ModuleCompileInfo info;
    bool is_module = false;
    Result<FunctionBytecode*> read = read_bytecode_image(ctx, buf, buf_len, &info, &is_module);
    if (read.is_exception()) return JS_EXCEPTION;
    FunctionBytecode* fb = read.release_value();
    if (is_module) {
        Result<Object*> m = module_record_from_bytecode(ctx, fb, std::move(info));
        if (m.is_exception()) return JS_EXCEPTION;
        return give_module(Value::object(m.value()));
    }
    Value closure = new_closure(ctx, fb, nullptr);
    fb->unref();
    return give(std::move(closure));
}
