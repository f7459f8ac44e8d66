// ApiRuntime.cpp: quickjs.h runtimes and contexts, memory functions, limits and interrupts.
#include "api/ApiInternal.h"

#include "loop/EventLoop.h"
#include <utility>

#include "loop/EventLoop.h"
#include "module/Module.h"

#include "runtime/HostObject.h"
#include "runtime/Object.h"

#include <cstdlib>
#include <cstring>

using namespace qjs;
using namespace qjs::api;

const char* JS_GetVersion(void) {
    return QJS_VERSION_STRING;
}

// ---- runtime ----

static void* custom_alloc(void* opaque, size_t size) {
    auto* r = static_cast<JSRuntime*>(opaque);
    void* p = r->mf.js_malloc(&r->ms, size);
    if (p) {
        r->ms.malloc_count++;
        r->ms.malloc_size += size;
    }
    return p;
}
static void custom_free(void* opaque, void* ptr, size_t size) {
    auto* r = static_cast<JSRuntime*>(opaque);
    r->ms.malloc_count--;
    r->ms.malloc_size -= size;
    r->mf.js_free(&r->ms, ptr);
}

namespace qjs::api {
void register_host_natives(); // Engine.cpp: natives created by hosts get fixed ids first
}

static JSRuntime* new_runtime(const JSMallocFunctions* mf, void* opaque) {
    register_host_natives();
    JSMallocState boot{0, 0, static_cast<size_t>(-1), opaque};
    void* mem = mf ? mf->js_malloc(&boot, sizeof(JSRuntime)) : std::malloc(sizeof(JSRuntime));
    if (!mem) return nullptr;
    // The record's vectors allocate through the runtime, so they are constructed after it.
    auto* r = static_cast<JSRuntime*>(mem);
    std::memset(static_cast<void*>(r), 0, sizeof(JSRuntime));
    if (mf) {
        r->mf = *mf;
        r->ms.opaque = opaque;
        r->ms.malloc_limit = static_cast<size_t>(-1);
        r->custom_malloc = true;
    }
    Allocator a{custom_alloc, custom_free, r};
    Runtime* rt = Runtime::create(0, mf ? &a : nullptr);
    if (!rt) {
        mf ? mf->js_free(&boot, mem) : std::free(mem);
        return nullptr;
    }
    JSMallocFunctions saved_mf = r->mf;
    JSMallocState saved_ms = r->ms;
    new (r) JSRuntime();
    r->mf = saved_mf;
    r->ms = saved_ms;
    r->custom_malloc = mf != nullptr;
    r->rt = rt;
    rt->m_embedder = r;
    install_host_hooks(r);
    return r;
}

JSRuntime* JS_NewRuntime(void) {
    return new_runtime(nullptr, nullptr);
}

JSRuntime* JS_NewRuntime2(const JSMallocFunctions* mf, void* opaque) {
    if (!mf || !mf->js_malloc || !mf->js_free) return nullptr;
    return new_runtime(mf, opaque);
}

void JS_FreeRuntime(JSRuntime* r) {
    JS_FreeRuntimeLeakCount(r);
}

size_t JS_FreeRuntimeLeakCount(JSRuntime* r) {
    Runtime& rt = enter(r);
    // Timers, I/O handlers and pending timer callbacks hold values of the runtime; the loader entry is
    // keyed by it.
    EventLoop::destroy(rt);
    set_module_record_loader(rt, ModuleRecordLoader{});
    // Contexts still referenced are released with the runtime (QuickJS asserts instead).
    while (!r->contexts.empty()) {
        JSContext* c = r->contexts.back();
        c->ref_count = 1;
        JS_FreeContext(c);
    }
    Vector<JSContext*>().swap(r->contexts);
    // The base of delta snapshots holds every cell the last full snapshot wrote (host objects
    // included): released here, so their finalizers run while the class table still exists.
    rt.drop_snapshot_base();
    // Garbage cycles through host objects are finalized while the class table still exists; the
    // table goes before the runtime's teardown, which then reports what is still referenced.
    rt.collect_cycles();
    // Classes' snapshot data (e.g. the C++ layer's bindings) after their garbage objects are finalized.
    for (JSApiClass& cls : r->classes)
        if (cls.snapshot_opaque_free)
            cls.snapshot_opaque_free(r, std::exchange(cls.snapshot_opaque, nullptr));
    Vector<JSApiClass>().swap(r->classes);
    bool custom = r->custom_malloc;
    JSMallocFunctions mf = r->mf;
    JSMallocState ms = r->ms;
    // The runtime's teardown runs the finalizers of the objects still alive: the hooks stay valid.
    size_t leaks = rt.destroy();
    r->~JSRuntime();
    if (custom)
        mf.js_free(&ms, r);
    else
        std::free(r);
    return leaks;
}

void JS_SetRuntimeInfo(JSRuntime* r, const char* info) {
    r->info = info;
}
void* JS_GetRuntimeOpaque(JSRuntime* r) {
    return r->opaque;
}
void JS_SetRuntimeOpaque(JSRuntime* r, void* opaque) {
    r->opaque = opaque;
}

void JS_SetMemoryLimit(JSRuntime* r, size_t limit) {
    r->rt->set_memory_limit(limit == static_cast<size_t>(-1) ? 0 : limit);
}
void JS_SetGCThreshold(JSRuntime* r, size_t gc_threshold) {
    r->rt->set_gc_threshold(gc_threshold);
}
void JS_SetMaxStackSize(JSRuntime* r, size_t stack_size) {
    r->rt->set_max_stack_size(stack_size);
}
void JS_UpdateStackTop(JSRuntime* r) {
    r->rt->update_stack_top();
}
void JS_RunGC(JSRuntime* r) {
    enter(r).collect_cycles();
}
JS_BOOL JS_IsLiveObject(JSRuntime*, JSValueConst obj) {
    Object* o = object_of(obj);
    return o && o->m_shape != nullptr; // a cleared object (its cycle was collected) has no shape
}

static int call_interrupt_handler(Runtime* rt, void*) {
    JSRuntime* r = api_runtime(*rt);
    return r->interrupt_handler ? r->interrupt_handler(r, r->interrupt_opaque) : 0;
}
void JS_SetInterruptHandler(JSRuntime* r, JSInterruptHandler* cb, void* opaque) {
    r->interrupt_handler = cb;
    r->interrupt_opaque = opaque;
    r->rt->m_interrupt_handler = cb ? call_interrupt_handler : nullptr;
    r->rt->m_interrupt_countdown = 0;
}
void JS_SetCanBlock(JSRuntime* r, JS_BOOL can_block) {
    r->can_block = can_block != 0;
}

// ---- contexts ----

namespace qjs::api {

static JSContext* new_context_record(JSRuntime* r, Context* ctx) {
    auto* c = static_cast<JSContext*>(r->rt->alloc(sizeof(JSContext)));
    if (!c) return nullptr;
    new (c) JSContext();
    c->ctx = ctx;
    c->rt = r;
    ctx->m_embedder = c;
    r->contexts.push_back(c);
    return c;
}

JSContext* context_of(Context& ctx) {
    if (ctx.m_embedder) return static_cast<JSContext*>(ctx.m_embedder);
    // A realm created by script code ($262.createRealm): give it a record owned by the runtime.
    JSContext* c = new_context_record(api_runtime(ctx.rt()), &ctx);
    if (c) c->ref_count = 1;
    return c;
}

} // namespace qjs::api

JSContext* JS_NewContext(JSRuntime* r) {
    Runtime& rt = enter(r);
    Context* ctx = Context::create(rt);
    if (!ctx) {
        Value ignored = rt.take_exception();
        return nullptr;
    }
    JSContext* c = new_context_record(r, ctx);
    if (!c) ctx->release();
    return c;
}

// qjs creates a realm's intrinsics together (they are interlinked and the snapshot format
// expects the full set), so a raw context already has them all; see docs/API.md.
JSContext* JS_NewContextRaw(JSRuntime* r) {
    return JS_NewContext(r);
}
void JS_AddIntrinsicBaseObjects(JSContext*) {}
void JS_AddIntrinsicDate(JSContext*) {}
void JS_AddIntrinsicEval(JSContext*) {}
void JS_AddIntrinsicStringNormalize(JSContext*) {}
void JS_AddIntrinsicRegExpCompiler(JSContext*) {}
void JS_AddIntrinsicRegExp(JSContext*) {}
void JS_AddIntrinsicJSON(JSContext*) {}
void JS_AddIntrinsicProxy(JSContext*) {}
void JS_AddIntrinsicMapSet(JSContext*) {}
void JS_AddIntrinsicTypedArrays(JSContext*) {}
void JS_AddIntrinsicPromise(JSContext*) {}
void JS_AddIntrinsicBigInt(JSContext*) {}
void JS_AddIntrinsicWeakRef(JSContext*) {}

void JS_FreeContext(JSContext* c) {
    if (--c->ref_count > 0) return;
    JSRuntime* r = c->rt;
    Runtime& rt = enter(r);
    Vector<Value>().swap(c->class_protos);
    Context* ctx = c->ctx;
    ctx->m_embedder = nullptr;
    // The realm's roots go; the Context record itself lives until the runtime is freed, so
    // closures and jobs of the realm that are still referenced stay valid.
    ctx->release();
    auto& list = r->contexts;
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i] == c) {
            list.erase(list.begin() + static_cast<ptrdiff_t>(i));
            break;
        }
    }
    c->~JSContext();
    rt.free(c);
}

JSContext* JS_DupContext(JSContext* c) {
    c->ref_count++;
    return c;
}
void* JS_GetContextOpaque(JSContext* c) {
    return c->opaque;
}
void JS_SetContextOpaque(JSContext* c, void* opaque) {
    c->opaque = opaque;
}
JSRuntime* JS_GetRuntime(JSContext* c) {
    return c->rt;
}

// ---- memory ----
// Blocks from js_malloc* are runtime allocations: they count against the memory limit.

void* js_malloc_rt(JSRuntime* r, size_t size) {
    return enter(r).alloc(size ? size : 1);
}
void js_free_rt(JSRuntime* r, void* ptr) {
    enter(r).free(ptr);
}
void* js_realloc_rt(JSRuntime* r, void* ptr, size_t size) {
    Runtime& rt = enter(r);
    if (size == 0) {
        rt.free(ptr);
        return nullptr;
    }
    return rt.realloc(ptr, size);
}
size_t js_malloc_usable_size_rt(JSRuntime* r, const void* ptr) {
    return ptr ? r->rt->allocation_size(ptr) : 0;
}
void* js_mallocz_rt(JSRuntime* r, size_t size) {
    void* p = js_malloc_rt(r, size);
    if (p) std::memset(p, 0, size);
    return p;
}
void* js_malloc(JSContext* c, size_t size) {
    void* p = js_malloc_rt(c->rt, size);
    if (!p) c->ctx->throw_out_of_memory();
    return p;
}
void js_free(JSContext* c, void* ptr) {
    js_free_rt(c->rt, ptr);
}
void* js_realloc(JSContext* c, void* ptr, size_t size) {
    void* p = js_realloc_rt(c->rt, ptr, size);
    if (!p && size) c->ctx->throw_out_of_memory();
    return p;
}
size_t js_malloc_usable_size(JSContext* c, const void* ptr) {
    return js_malloc_usable_size_rt(c->rt, ptr);
}
void* js_mallocz(JSContext* c, size_t size) {
    void* p = js_malloc(c, size);
    if (p) std::memset(p, 0, size);
    return p;
}
char* js_strndup(JSContext* c, const char* s, size_t n) {
    auto* p = static_cast<char*>(js_malloc(c, n + 1));
    if (!p) return nullptr;
    std::memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
char* js_strdup(JSContext* c, const char* str) {
    return js_strndup(c, str, std::strlen(str));
}

// ---- memory usage ----

void JS_ComputeMemoryUsage(JSRuntime* r, JSMemoryUsage* s) {
    Runtime& rt = enter(r);
    std::memset(s, 0, sizeof(*s));
    s->malloc_size = static_cast<int64_t>(rt.memory_used());
    s->memory_used_size = s->malloc_size;
    s->malloc_limit = static_cast<int64_t>(rt.memory_limit());
    s->malloc_count = r->custom_malloc ? static_cast<int64_t>(r->ms.malloc_count) : -1;
    GcCell& head = rt.gc_list();
    for (GcCell* c = head.m_gc_next; c != &head; c = c->m_gc_next) {
        s->memory_used_count++;
        switch (c->kind()) {
        case CellKind::Object: {
            auto* o = static_cast<Object*>(c);
            s->obj_count++;
            s->obj_size += o->m_alloc_size;
            s->prop_count += o->m_shape ? o->m_shape->count() : 0;
            s->prop_size += o->m_slot_capacity * sizeof(Value);
            if (o->is_array()) {
                s->array_count++;
                if (o->is_fast_array()) {
                    s->fast_array_count++;
                    s->fast_array_elements += o->m_element_count;
                }
            }
            if (o->class_id() == ClassId::NativeFunction) s->c_func_count++;
            if (o->class_id() == ClassId::BytecodeFunction) s->js_func_count++;
            if (o->class_id() == ClassId::ArrayBuffer || o->class_id() == ClassId::SharedArrayBuffer)
                s->binary_object_count++;
            break;
        }
        case CellKind::Shape: s->shape_count++; break;
        default: break;
        }
    }
}

void JS_DumpMemoryUsage(FILE* fp, const JSMemoryUsage* s, JSRuntime* r) {
    std::fprintf(fp, "qjs %s memory usage -- %s\n", QJS_VERSION_STRING, r && r->info ? r->info : "");
    std::fprintf(fp, "  %-28s %lld bytes (limit %lld)\n", "memory allocated", (long long)s->malloc_size,
                 (long long)s->malloc_limit);
    struct Row {
        const char* name;
        int64_t count;
    } rows[] = {
        {"gc cells", s->memory_used_count},
        {"objects", s->obj_count},
        {"properties", s->prop_count},
        {"shapes", s->shape_count},
        {"bytecode functions", s->js_func_count},
        {"C functions", s->c_func_count},
        {"arrays", s->array_count},
        {"fast arrays", s->fast_array_count},
        {"fast array elements", s->fast_array_elements},
        {"binary objects", s->binary_object_count},
    };
    for (const Row& row : rows)
        std::fprintf(fp, "  %-28s %lld\n", row.name, (long long)row.count);
}
