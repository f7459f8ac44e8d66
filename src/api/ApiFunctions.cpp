// ApiFunctions.cpp: C functions (JS_NewCFunction2, JS_NewCFunctionData), function lists, jobs.
//
// A C function is a native function object whose native is the one trampoline below; the C
// pointer itself lives in the runtime's host-function table (Runtime::register_host_function),
// and the object stores only its id (data slot 0), so the heap holds no function pointer.
#include "api/ApiInternal.h"

#include "runtime/Call.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"

#include <cstring>

using namespace qjs;
using namespace qjs::api;

namespace {

// Host function kinds beyond JSCFunctionEnum.
enum : int { kKindData = 100, kKindJob = 101 };
// Data slots of a C function object: host id, declared length, then JSCFunctionData's values.
enum : uint32_t { kSlotHostId, kSlotLength, kSlotFirstData };

using AnyFn = void (*)();

// Arguments as C sees them: borrowed JSValues, padded with undefined up to the declared length
// (C functions may read argv[0..length-1] without checking argc, as in QuickJS).
class CArgs {
  public:
    CArgs(Runtime& rt, std::span<const Value> args, size_t min_count) : m_rt(rt) {
        m_count = args.size() > min_count ? args.size() : min_count;
        m_argv = m_count <= kInline ? m_inline : static_cast<JSValue*>(rt.alloc(m_count * sizeof(JSValue)));
        if (!m_argv) return;
        for (size_t i = 0; i < m_count; ++i)
            m_argv[i] = i < args.size() ? peek(args[i]) : JS_UNDEFINED;
    }
    ~CArgs() {
        if (m_argv && m_argv != m_inline) m_rt.free(m_argv);
    }
    bool ok() const { return m_argv != nullptr; }
    JSValue* argv() { return m_argv; }

  private:
    static constexpr size_t kInline = 8;
    Runtime& m_rt;
    JSValue m_inline[kInline];
    JSValue* m_argv = nullptr;
    size_t m_count = 0;
};

Value iterator_result(Context& ctx, Value value, bool done) {
    Value r = TRY(new_object(ctx));
    if (!define_fresh_property(ctx, r.as_object(), atoms::value, std::move(value), prop::Default) ||
        !define_fresh_property(ctx, r.as_object(), atoms::done, Value::boolean(done), prop::Default))
        return Exception{};
    return r;
}

// The native behind every C function.
Value host_function_trampoline(Context& ctx, const CallArgs& args) {
    Runtime& rt = ctx.rt();
    auto* f = static_cast<NativeFunctionObject*>(args.callee);
    // The id is checked: after a snapshot restore, ids come from the snapshot and are bound again by
    // the embedder; an unbound one throws instead of calling nothing.
    if (f->m_data_count < kSlotFirstData) return ctx.throw_type_error("malformed host function");
    const Value& id = f->data()[kSlotHostId];
    if (!id.is_int32() || id.as_int32() <= 0 ||
        static_cast<size_t>(id.as_int32()) >= rt.m_host_functions.size() ||
        !rt.host_function(static_cast<uint32_t>(id.as_int32())).fn)
        return ctx.throw_type_error("host function #%d is not bound in this process",
                                    id.is_int32() ? id.as_int32() : -1);
    const Runtime::HostFunction hf = rt.host_function(static_cast<uint32_t>(id.as_int32()));
    JSContext* c = context_of(ctx);
    if (!c) return ctx.throw_out_of_memory();
    int magic = f->m_magic;
    auto length = static_cast<size_t>(f->data()[kSlotLength].as_int32());
    CArgs cargs(rt, args.args, length);
    if (!cargs.ok()) return ctx.throw_out_of_memory();
    int argc = static_cast<int>(args.count());
    JSValue* argv = cargs.argv();
    // As in QuickJS, a C function called as a constructor receives new.target in place of `this`.
    JSValue this_val = args.is_construct() ? peek(args.new_target) : peek(args.this_value);
    JSCFunctionType fn;
    fn.generic = reinterpret_cast<JSCFunction*>(hf.fn);
    JSValue r;
    switch (hf.kind) {
    case JS_CFUNC_generic: r = fn.generic(c, this_val, argc, argv); break;
    case JS_CFUNC_generic_magic: r = fn.generic_magic(c, this_val, argc, argv, magic); break;
    case JS_CFUNC_constructor:
    case JS_CFUNC_constructor_magic:
    case JS_CFUNC_constructor_or_func:
    case JS_CFUNC_constructor_or_func_magic: {
        bool magic_form =
            hf.kind == JS_CFUNC_constructor_magic || hf.kind == JS_CFUNC_constructor_or_func_magic;
        bool func_form =
            hf.kind == JS_CFUNC_constructor_or_func || hf.kind == JS_CFUNC_constructor_or_func_magic;
        JSValue target = args.is_construct() ? peek(args.new_target) : JS_UNDEFINED;
        if (!args.is_construct() && !func_form) return ctx.throw_type_error("must be called with new");
        // The constructor receives new.target where a method receives `this`.
        r = magic_form ? fn.constructor_magic(c, target, argc, argv, magic)
                       : fn.constructor(c, target, argc, argv);
        break;
    }
    case JS_CFUNC_f_f: {
        double a = TRY(to_number(ctx, args.arg(0)));
        return Value::number(fn.f_f(a));
    }
    case JS_CFUNC_f_f_f: {
        double a = TRY(to_number(ctx, args.arg(0)));
        double b = TRY(to_number(ctx, args.arg(1)));
        return Value::number(fn.f_f_f(a, b));
    }
    case JS_CFUNC_getter: r = fn.getter(c, this_val); break;
    case JS_CFUNC_setter: r = fn.setter(c, this_val, argc > 0 ? argv[0] : JS_UNDEFINED); break;
    case JS_CFUNC_getter_magic: r = fn.getter_magic(c, this_val, magic); break;
    case JS_CFUNC_setter_magic:
        r = fn.setter_magic(c, this_val, argc > 0 ? argv[0] : JS_UNDEFINED, magic);
        break;
    case JS_CFUNC_iterator_next: {
        int done = 0;
        r = fn.iterator_next(c, this_val, argc, argv, &done, magic);
        if (r.tag == JS_TAG_EXCEPTION) break;
        return iterator_result(ctx, take(r), done != 0);
    }
    case kKindData: {
        uint32_t n = f->m_data_count - kSlotFirstData;
        JSValue inline_data[8];
        JSValue* data = n <= 8 ? inline_data : static_cast<JSValue*>(rt.alloc(n * sizeof(JSValue)));
        if (!data) return ctx.throw_out_of_memory();
        for (uint32_t i = 0; i < n; ++i)
            data[i] = peek(f->data()[kSlotFirstData + i]);
        r = reinterpret_cast<JSCFunctionData*>(hf.fn)(c, this_val, argc, argv, magic, data);
        if (data != inline_data) rt.free(data);
        break;
    }
    case kKindJob: r = reinterpret_cast<JSJobFunc*>(hf.fn)(c, argc, argv); break;
    default: return ctx.throw_type_error("invalid C function kind");
    }
    if (r.tag == JS_TAG_EXCEPTION) {
        rt.make_current(); // the C code may have used another runtime
        if (!rt.has_exception())
            return ctx.throw_error(ErrorType::InternalError, "C function failed without an exception");
        return Exception{};
    }
    return take(r);
}

Value new_host_function(Context& ctx, AnyFn fn, int kind, Atom name, int length, int magic, int data_len,
                        JSValueConst* data, bool is_constructor) {
    Runtime& rt = ctx.rt();
    uint32_t id = rt.register_host_function(fn, kind, name);
    if (!id) return ctx.throw_out_of_memory();
    if (length < 0) length = 0;
    Value f = TRY(new_native_function(ctx, host_function_trampoline, name, static_cast<uint32_t>(length),
                                      static_cast<int16_t>(magic),
                                      kSlotFirstData + static_cast<uint32_t>(data_len), is_constructor));
    auto* nf = static_cast<NativeFunctionObject*>(f.as_object());
    nf->data()[kSlotHostId] = Value::int32(static_cast<int32_t>(id));
    nf->data()[kSlotLength] = Value::int32(length);
    for (int i = 0; i < data_len; ++i)
        nf->data()[kSlotFirstData + i] = borrow(data[i]);
    return f;
}

bool is_constructor_kind(int cproto) {
    return cproto == JS_CFUNC_constructor || cproto == JS_CFUNC_constructor_magic ||
           cproto == JS_CFUNC_constructor_or_func || cproto == JS_CFUNC_constructor_or_func_magic;
}

// The key of a function-list entry or function name: "[Symbol.iterator]" names a well-known
// symbol, anything else is UTF-8 text.
Atom key_atom(Context& ctx, const char* name) {
    static const char* const kSymbolNames[] = {
#define QJS_SYMBOL(id, text) text,
#include "runtime/WellKnownSymbols.def"
#undef QJS_SYMBOL
    };
    size_t n = std::strlen(name);
    if (n > 2 && name[0] == '[' && name[n - 1] == ']') {
        for (size_t i = 0; i < sizeof kSymbolNames / sizeof *kSymbolNames; ++i) {
            if (n == std::strlen(kSymbolNames[i]) + 2 && std::strncmp(name + 1, kSymbolNames[i], n - 2) == 0)
                return atoms::first_well_known_symbol + static_cast<Atom>(i);
        }
    }
    return atom_of_cstring(ctx, name, n);
}

} // namespace

// The native behind every C function, for Engine.cpp to register up front with a fixed id.
namespace qjs::api {
NativeFn host_function_native() {
    return host_function_trampoline;
}
} // namespace qjs::api

JSValue JS_NewCFunction2(JSContext* c, JSCFunction* func, const char* name, int length,
                         JSCFunctionEnum cproto, int magic) {
    Context& ctx = enter(c);
    Atom a = key_atom(ctx, name ? name : "");
    if (!a) return JS_EXCEPTION;
    return give(new_host_function(ctx, reinterpret_cast<AnyFn>(func), cproto, a, length, magic, 0, nullptr,
                                  is_constructor_kind(cproto)));
}

JSValue JS_NewCFunctionData(JSContext* c, JSCFunctionData* func, int length, int magic, int data_len,
                            JSValueConst* data) {
    Context& ctx = enter(c);
    if (data_len < 0 || data_len > 0xffff - static_cast<int>(kSlotFirstData))
        return give(ctx.throw_range_error("too many function data values"));
    return give(new_host_function(ctx, reinterpret_cast<AnyFn>(func), kKindData, atoms::empty_string, length,
                                  magic, data_len, data, false));
}

// After a snapshot restore (ApiSnapshot.cpp): functions with data have no name, so their kind alone
// identifies them.
int JS_RebindCFunctionData(JSRuntime* r, JSCFunctionData* func) {
    Runtime& rt = enter(r);
    return static_cast<int>(
        rt.bind_host_function(atoms::empty_string, kKindData, reinterpret_cast<AnyFn>(func)));
}

JSValue JS_NewCFunctionDataNamed(JSContext* c, JSCFunctionData* func, const char* host_name, int length,
                                 int magic, int data_len, JSValueConst* data) {
    Context& ctx = enter(c);
    if (data_len < 0 || data_len > 0xffff - static_cast<int>(kSlotFirstData))
        return give(ctx.throw_range_error("too many function data values"));
    Atom name = atom_of_cstring(ctx, host_name ? host_name : "", host_name ? std::strlen(host_name) : 0);
    if (!name) return JS_EXCEPTION;
    return give(new_host_function(ctx, reinterpret_cast<AnyFn>(func), kKindData, name, length, magic,
                                  data_len, data, false));
}

int JS_RebindCFunctionDataNamed(JSRuntime* r, const char* host_name, JSCFunctionData* func) {
    Runtime& rt = enter(r);
    Atom name = rt.intern_ascii(host_name ? host_name : "");
    if (!name) return 0;
    return static_cast<int>(rt.bind_host_function(name, kKindData, reinterpret_cast<AnyFn>(func)));
}

void JS_SetConstructor(JSContext* c, JSValueConst func_obj, JSValueConst proto) {
    Context& ctx = enter(c);
    Object* f = object_of(func_obj);
    Object* p = object_of(proto);
    if (!f || !p) return;
    JS_DefinePropertyValue(c, func_obj, atoms::prototype, JS_DupValue(c, proto), 0);
    JS_DefinePropertyValue(c, proto, atoms::constructor, JS_DupValue(c, func_obj),
                           JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
    if (ctx.rt().has_exception()) {
        Value ignored = ctx.rt().take_exception();
    }
}

// ---- function lists ----

static int define_entry(JSContext* c, JSValueConst obj, const JSCFunctionListEntry* e) {
    Context& ctx = enter(c);
    Atom key = key_atom(ctx, e->name);
    if (!key) return -1;
    int flags = e->prop_flags;
    switch (e->def_type) {
    case JS_DEF_CFUNC: {
        Value f =
            new_host_function(ctx, reinterpret_cast<AnyFn>(e->u.func.cfunc.generic), e->u.func.cproto, key,
                              e->u.func.length, e->magic, 0, nullptr, is_constructor_kind(e->u.func.cproto));
        if (f.is_exception()) return -1;
        return JS_DefinePropertyValue(c, obj, key, give(std::move(f)), flags) < 0 ? -1 : 0;
    }
    case JS_DEF_CGETSET:
    case JS_DEF_CGETSET_MAGIC: {
        bool magic_form = e->def_type == JS_DEF_CGETSET_MAGIC;
        Value key_name = ctx.rt().atom_to_string(key);
        if (key_name.is_exception()) return -1;
        Value getter, setter;
        for (int which = 0; which < 2; ++which) {
            AnyFn fn =
                reinterpret_cast<AnyFn>(which == 0 ? e->u.getset.get.generic : e->u.getset.set.generic);
            if (!fn) continue;
            StringBuilder sb(ctx.rt());
            if (!sb.append_ascii(which == 0 ? "get " : "set ") || !sb.append(key_name.as_string())) {
                ctx.throw_out_of_memory();
                return -1;
            }
            String* s = sb.finish();
            if (!s) {
                ctx.throw_out_of_memory();
                return -1;
            }
            Atom fname = ctx.rt().intern(s);
            s->unref();
            if (!fname) {
                ctx.throw_out_of_memory();
                return -1;
            }
            int kind = which == 0 ? (magic_form ? JS_CFUNC_getter_magic : JS_CFUNC_getter)
                                  : (magic_form ? JS_CFUNC_setter_magic : JS_CFUNC_setter);
            Value f = new_host_function(ctx, fn, kind, fname, which, e->magic, 0, nullptr, false);
            if (f.is_exception()) return -1;
            (which == 0 ? getter : setter) = std::move(f);
        }
        return JS_DefinePropertyGetSet(c, obj, key, give(std::move(getter)), give(std::move(setter)), flags) <
                       0
                   ? -1
                   : 0;
    }
    case JS_DEF_PROP_STRING:
        return JS_DefinePropertyValue(c, obj, key, JS_NewString(c, e->u.str), flags) < 0 ? -1 : 0;
    case JS_DEF_PROP_INT32:
        return JS_DefinePropertyValue(c, obj, key, JS_NewInt32(c, e->u.i32), flags) < 0 ? -1 : 0;
    case JS_DEF_PROP_INT64:
        return JS_DefinePropertyValue(c, obj, key, JS_NewInt64(c, e->u.i64), flags) < 0 ? -1 : 0;
    case JS_DEF_PROP_DOUBLE:
        return JS_DefinePropertyValue(c, obj, key, JS_NewFloat64(c, e->u.f64), flags) < 0 ? -1 : 0;
    case JS_DEF_PROP_UNDEFINED: return JS_DefinePropertyValue(c, obj, key, JS_UNDEFINED, flags) < 0 ? -1 : 0;
    case JS_DEF_OBJECT: {
        JSValue sub = JS_NewObject(c);
        if (JS_IsException(sub)) return -1;
        if (JS_SetPropertyFunctionList(c, sub, e->u.prop_list.tab, e->u.prop_list.len) < 0) {
            JS_FreeValue(c, sub);
            return -1;
        }
        return JS_DefinePropertyValue(c, obj, key, sub, flags) < 0 ? -1 : 0;
    }
    case JS_DEF_ALIAS: {
        Atom from = key_atom(ctx, e->u.alias.name);
        if (!from) return -1;
        JSValue source = e->u.alias.base == -1 ? JS_DupValue(c, obj) : JS_GetGlobalObject(c);
        JSValue v = JS_GetProperty(c, source, from);
        JS_FreeValue(c, source);
        if (JS_IsException(v)) return -1;
        return JS_DefinePropertyValue(c, obj, key, v, flags) < 0 ? -1 : 0;
    }
    default: JS_ThrowInternalError(c, "invalid function list entry type %d", e->def_type); return -1;
    }
}

int JS_SetPropertyFunctionList(JSContext* c, JSValueConst obj, const JSCFunctionListEntry* tab, int len) {
    for (int i = 0; i < len; ++i)
        if (define_entry(c, obj, &tab[i]) < 0) return -1;
    return 0;
}

// ---- jobs ----

int JS_EnqueueJob(JSContext* c, JSJobFunc* job_func, int argc, JSValueConst* argv) {
    Context& ctx = enter(c);
    Value f = new_host_function(ctx, reinterpret_cast<AnyFn>(job_func), kKindJob, atoms::empty_string, 0, 0,
                                0, nullptr, false);
    if (f.is_exception()) return -1;
    Vector<Value> args;
    args.reserve(argc > 0 ? static_cast<size_t>(argc) : 0);
    for (int i = 0; i < argc; ++i)
        args.push_back(borrow(argv[i]));
    ctx.rt().enqueue_job(&ctx, std::move(f), std::move(args));
    return 0;
}
