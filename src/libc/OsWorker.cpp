// OsWorker.cpp: os.Worker (QuickJS manual 3.3.3): a module run in its own runtime on its own thread,
// messages cloned through JS_WriteObject/JS_ReadObject ("binary JSON" with references), and
// SharedArrayBuffers shared through reference-counted blocks (JS_SetSharedArrayBufferFunctions).
//
// Threads live here, in the host library, never in the engine core: each runtime is used by one thread
// only. A message port is a queue under a mutex plus a pipe whose read end is in the receiving
// runtime's event loop (an I/O handler while `onmessage` is set), so the loop wakes on messages.
// Built only with QJS_WORKERS (the CMake option; off where there are no threads).
#include "libc/LibcState.h"

#if QJS_WORKERS

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <new>
#include <pthread.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace qjs::libc {

// One message in flight: the image bytes (plain malloc'ed memory: it crosses runtimes) and the
// shared blocks it names, each holding one reference until the receiver has read the message.
struct WorkerMessage {
    std::vector<uint8_t> data;
    std::vector<uint8_t*> blocks;
};

// A one-way queue between two threads; the reader polls read_fd.
struct MessagePipe {
    std::atomic<int> refs{1};
    std::mutex lock;
    std::deque<WorkerMessage> queue;
    int read_fd = -1;
    int write_fd = -1;
};

// The two ends a Worker object (or Worker.parent) uses.
struct WorkerPorts {
    MessagePipe* recv = nullptr;
    MessagePipe* send = nullptr;
};

namespace {

// ---- shared memory blocks: a reference count before the bytes ----

constexpr size_t kBlockHeader = 16; // keeps the bytes 16-byte aligned

std::atomic<int>* block_refs(void* ptr) {
    return reinterpret_cast<std::atomic<int>*>(static_cast<uint8_t*>(ptr) - kBlockHeader);
}

void* sab_alloc(void*, size_t size) {
    auto* raw = static_cast<uint8_t*>(calloc(1, kBlockHeader + size));
    if (!raw) return nullptr;
    new (raw) std::atomic<int>(1);
    return raw + kBlockHeader;
}

void sab_free(void*, void* ptr) {
    if (block_refs(ptr)->fetch_sub(1) == 1) free(static_cast<uint8_t*>(ptr) - kBlockHeader);
}

void sab_dup(void*, void* ptr) {
    block_refs(ptr)->fetch_add(1);
}

// ---- pipes ----

MessagePipe* new_pipe() {
    int fds[2];
    if (pipe(fds) < 0) return nullptr;
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    auto* p = new (std::nothrow) MessagePipe();
    if (!p) {
        close(fds[0]);
        close(fds[1]);
        return nullptr;
    }
    p->read_fd = fds[0];
    p->write_fd = fds[1];
    return p;
}

MessagePipe* dup_pipe(MessagePipe* p) {
    if (p) p->refs.fetch_add(1);
    return p;
}

void drop_message(WorkerMessage& m) {
    for (uint8_t* b : m.blocks)
        sab_free(nullptr, b);
    m.blocks.clear();
}

void free_pipe(MessagePipe* p) {
    if (!p || p->refs.fetch_sub(1) != 1) return;
    for (WorkerMessage& m : p->queue)
        drop_message(m);
    close(p->read_fd);
    close(p->write_fd);
    delete p;
}

// Empties the pipe of its wake-up bytes (called with the lock held, once the queue is empty).
void drain(MessagePipe* p) {
    char buf[64];
    while (read(p->read_fd, buf, sizeof buf) > 0) {
    }
}

void post(MessagePipe* p, WorkerMessage&& m) {
    std::lock_guard<std::mutex> guard(p->lock);
    bool was_empty = p->queue.empty();
    p->queue.push_back(std::move(m));
    if (was_empty) {
        char c = 0;
        while (write(p->write_fd, &c, 1) < 0 && errno == EINTR) {
        }
    }
}

// Takes the oldest message; false when there is none.
bool take(MessagePipe* p, WorkerMessage* out) {
    std::lock_guard<std::mutex> guard(p->lock);
    if (p->queue.empty()) {
        drain(p);
        return false;
    }
    *out = std::move(p->queue.front());
    p->queue.pop_front();
    if (p->queue.empty()) drain(p);
    return true;
}

// ---- the Worker class ----

JSClassID s_worker_class_id;

struct WorkerObject {
    WorkerPorts ports;
    JSValue onmessage = JS_UNDEFINED;
};

void worker_finalizer(JSRuntime* rt, JSValue val) {
    auto* w = static_cast<WorkerObject*>(JS_GetOpaque(val, s_worker_class_id));
    if (!w) return;
    JS_FreeValueRT(rt, w->onmessage);
    free_pipe(w->ports.recv);
    free_pipe(w->ports.send);
    w->~WorkerObject();
    js_free_rt(rt, w);
}

void worker_mark(JSRuntime* rt, JSValueConst val, JS_MarkFunc* mark) {
    auto* w = static_cast<WorkerObject*>(JS_GetOpaque(val, s_worker_class_id));
    if (w) JS_MarkValue(rt, w->onmessage, mark);
}

WorkerObject* worker_of(JSContext* ctx, JSValueConst v) {
    return static_cast<WorkerObject*>(JS_GetOpaque2(ctx, v, s_worker_class_id));
}

// A Worker object on `ports` (taken over: freed with the object, also on failure).
JSValue new_worker_object(JSContext* ctx, JSValueConst proto, WorkerPorts ports) {
    JSValue obj = JS_NewObjectProtoClass(ctx, proto, s_worker_class_id);
    void* mem = JS_IsException(obj) ? nullptr : js_mallocz(ctx, sizeof(WorkerObject));
    if (!mem) {
        JS_FreeValue(ctx, obj);
        free_pipe(ports.recv);
        free_pipe(ports.send);
        return JS_EXCEPTION;
    }
    auto* w = new (mem) WorkerObject();
    w->ports = ports;
    JS_SetOpaque(obj, w);
    return obj;
}

// postMessage(msg): the structured clone of msg is queued for the other side.
JSValue worker_post_message(JSContext* ctx, JSValueConst this_val, int, JSValueConst* argv) {
    WorkerObject* w = worker_of(ctx, this_val);
    if (!w) return JS_EXCEPTION;
    size_t len = 0, nblocks = 0;
    uint8_t** blocks = nullptr;
    uint8_t* data =
        JS_WriteObject2(ctx, &len, argv[0], JS_WRITE_OBJ_SAB | JS_WRITE_OBJ_REFERENCE, &blocks, &nblocks);
    if (!data) return JS_EXCEPTION;
    WorkerMessage m;
    m.data.assign(data, data + len);
    for (size_t i = 0; i < nblocks; ++i) {
        sab_dup(nullptr, blocks[i]); // the message's own reference, until it is read
        m.blocks.push_back(blocks[i]);
    }
    js_free(ctx, data);
    js_free(ctx, blocks);
    post(w->ports.send, std::move(m));
    return JS_UNDEFINED;
}

// The read handler of a port: one message, delivered as onmessage({data}).
JSValue worker_on_readable(JSContext* ctx, JSValueConst, int, JSValueConst*, int, JSValue* func_data) {
    WorkerObject* w = worker_of(ctx, func_data[0]);
    if (!w) return JS_EXCEPTION;
    WorkerMessage m;
    if (!take(w->ports.recv, &m)) return JS_UNDEFINED;
    JSValue data = JS_ReadObject(ctx, m.data.data(), m.data.size(), JS_READ_OBJ_SAB | JS_READ_OBJ_REFERENCE);
    drop_message(m); // the SharedArrayBuffers read hold their own references
    if (JS_IsException(data)) return data;
    JSValue event = JS_NewObject(ctx);
    if (JS_IsException(event) || JS_SetPropertyStr(ctx, event, "data", data) < 0) {
        JS_FreeValue(ctx, event);
        if (JS_IsException(event)) JS_FreeValue(ctx, data);
        return JS_EXCEPTION;
    }
    JSValue func = JS_DupValue(ctx, w->onmessage);
    JSValue r = JS_IsFunction(ctx, func) ? JS_Call(ctx, func, func_data[0], 1, &event) : JS_UNDEFINED;
    JS_FreeValue(ctx, func);
    JS_FreeValue(ctx, event);
    return r;
}

JSValue worker_get_onmessage(JSContext* ctx, JSValueConst this_val) {
    WorkerObject* w = worker_of(ctx, this_val);
    return w ? JS_DupValue(ctx, w->onmessage) : JS_EXCEPTION;
}

// Setting a function makes the port's pipe an I/O handler of the loop (the runtime stays alive while
// it is set); null or undefined removes it.
JSValue worker_set_onmessage(JSContext* ctx, JSValueConst this_val, JSValueConst func) {
    WorkerObject* w = worker_of(ctx, this_val);
    if (!w) return JS_EXCEPTION;
    bool set = JS_IsFunction(ctx, func);
    if (!set && !JS_IsNull(func) && !JS_IsUndefined(func)) return JS_ThrowTypeError(ctx, "not a function");
    int fd = w->ports.recv->read_fd;
    if (set && !JS_IsFunction(ctx, w->onmessage)) {
        JSValue handler = JS_NewCFunctionData(ctx, worker_on_readable, 0, 0, 1, &this_val);
        if (JS_IsException(handler)) return handler;
        bool ok = loop_set_io_handler(ctx, fd, false, handler);
        JS_FreeValue(ctx, handler);
        if (!ok) return JS_EXCEPTION;
    } else if (!set && JS_IsFunction(ctx, w->onmessage)) {
        if (!loop_set_io_handler(ctx, fd, false, JS_UNDEFINED)) return JS_EXCEPTION;
    }
    JS_FreeValue(ctx, w->onmessage);
    w->onmessage = set ? JS_DupValue(ctx, func) : JS_NULL;
    return JS_UNDEFINED;
}

const JSCFunctionListEntry k_worker_proto[] = {
    JS_CFUNC_DEF("postMessage", 1, worker_post_message),
    JS_CGETSET_DEF("onmessage", worker_get_onmessage, worker_set_onmessage),
    JS_PROP_STRING_DEF("[Symbol.toStringTag]", "Worker", JS_PROP_CONFIGURABLE),
};

// ---- the worker thread ----

JSContext* (*s_new_worker_context)(JSRuntime*) = nullptr;

struct WorkerStart {
    std::string filename;
    WorkerPorts parent; // the worker's view: recv from the parent, send to it
};

JSContext* default_worker_context(JSRuntime* rt) {
    JSContext* ctx = JS_NewContext(rt);
    if (ctx) js_std_add_helpers(ctx, -1, nullptr);
    return ctx;
}

void* worker_main(void* arg) {
    auto* start = static_cast<WorkerStart*>(arg);
    JSRuntime* rt = JS_NewRuntime();
    JSContext* ctx = nullptr;
    if (rt) {
        js_std_init_handlers(rt);
        LibcState* st = state_of(rt);
        if (st) {
            st->parent_ports = new (std::nothrow) WorkerPorts(start->parent);
            if (st->parent_ports) start->parent = WorkerPorts{};
        }
        JS_SetModuleLoaderFunc(rt, nullptr, js_module_loader, nullptr);
        JS_SetModuleReadFunc(rt, js_module_read, nullptr);
        JS_SetHostPromiseRejectionTracker(rt, js_std_promise_rejection_tracker, nullptr);
        ctx = (s_new_worker_context ? s_new_worker_context : default_worker_context)(rt);
    }
    if (!ctx) {
        fprintf(stderr, "os.Worker: cannot create the worker's runtime\n");
    } else {
        JSValue r = eval_file(ctx, start->filename.c_str(), 1);
        if (JS_IsException(r))
            js_std_dump_error(ctx);
        else
            js_std_loop(ctx);
        JS_FreeValue(ctx, r);
    }
    // As the shell does: the loop's handlers first, then the context and the runtime.
    if (rt) js_std_free_handlers(rt);
    if (ctx) JS_FreeContext(ctx);
    if (rt) JS_FreeRuntime(rt);
    free_pipe(start->parent.recv);
    free_pipe(start->parent.send);
    delete start;
    return nullptr;
}

// A module name relative to the running script ("./x.js", "../x.js"), as imports resolve.
std::string resolve_worker_module(JSContext* ctx, const std::string& name) {
    if (name.empty() || name[0] != '.') return name;
    std::string base;
    for (int level = 0; level < 2 && base.empty(); ++level) {
        JSAtom a = JS_GetScriptOrModuleName(ctx, level);
        if (a == JS_ATOM_NULL) continue;
        if (const char* s = JS_AtomToCString(ctx, a)) {
            base = s;
            JS_FreeCString(ctx, s);
        }
        JS_FreeAtom(ctx, a);
    }
    size_t slash = base.rfind('/');
    std::string dir = slash == std::string::npos ? "" : base.substr(0, slash);
    std::string rel = name;
    for (;;) {
        if (rel.compare(0, 2, "./") == 0) {
            rel.erase(0, 2);
        } else if (rel.compare(0, 3, "../") == 0 && !dir.empty() && dir != ".." &&
                   dir.compare(dir.size() >= 3 ? dir.size() - 3 : 0, 3, "/..") != 0) {
            rel.erase(0, 3);
            size_t s = dir.rfind('/');
            dir = s == std::string::npos ? "" : dir.substr(0, s);
        } else {
            break;
        }
    }
    return dir.empty() ? rel : dir + "/" + rel;
}

// new os.Worker(module_filename)
JSValue worker_constructor(JSContext* ctx, JSValueConst new_target, int, JSValueConst* argv) {
    if (JS_IsUndefined(new_target)) return JS_ThrowTypeError(ctx, "constructor requires 'new'");
    LibcState* st = state_of(JS_GetRuntime(ctx));
    if (!st) return JS_ThrowTypeError(ctx, "os.Worker needs js_std_init_handlers");
    if (st->parent_ports) return JS_ThrowTypeError(ctx, "nested workers are not supported");
    std::string name;
    if (!to_std_string(ctx, argv[0], &name)) return JS_EXCEPTION;
    // Class ids are process-wide: take the ones the worker's modules need here, on this thread.
    file_class_id();
    MessagePipe* to_worker = new_pipe();
    MessagePipe* to_parent = to_worker ? new_pipe() : nullptr;
    if (!to_parent) {
        int err = errno;
        free_pipe(to_worker);
        return JS_ThrowInternalError(ctx, "os.Worker: cannot create a pipe: %s", strerror(err));
    }
    JSValue proto = JS_GetPropertyStr(ctx, new_target, "prototype");
    if (JS_IsException(proto)) {
        free_pipe(to_worker);
        free_pipe(to_parent);
        return proto;
    }
    JSValue obj = new_worker_object(ctx, proto, WorkerPorts{to_parent, to_worker});
    JS_FreeValue(ctx, proto);
    if (JS_IsException(obj)) return obj;
    auto* start = new (std::nothrow) WorkerStart{resolve_worker_module(ctx, name), {to_worker, to_parent}};
    if (!start) {
        JS_FreeValue(ctx, obj);
        return JS_ThrowOutOfMemory(ctx);
    }
    dup_pipe(to_worker);
    dup_pipe(to_parent);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 8 << 20); // the engine's default stack limit needs room
    // The thread starts with every signal blocked: signals go to the main thread, whose loop runs the
    // os.signal handlers.
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    pthread_t tid;
    int err = pthread_create(&tid, &attr, worker_main, start);
    pthread_sigmask(SIG_SETMASK, &saved, nullptr);
    pthread_attr_destroy(&attr);
    if (err) {
        free_pipe(start->parent.recv);
        free_pipe(start->parent.send);
        delete start;
        JS_FreeValue(ctx, obj);
        return JS_ThrowInternalError(ctx, "os.Worker: cannot create a thread: %s", strerror(err));
    }
    return obj;
}

} // namespace

void free_worker_state(LibcState* st) {
    if (!st->parent_ports) return;
    free_pipe(st->parent_ports->recv);
    free_pipe(st->parent_ports->send);
    delete st->parent_ports;
    st->parent_ports = nullptr;
}

void install_shared_memory(JSRuntime* rt) {
    JSSharedArrayBufferFunctions sf{sab_alloc, sab_free, sab_dup, nullptr};
    JS_SetSharedArrayBufferFunctions(rt, &sf);
    install_atomics_wait(rt);
}

JSValue new_worker_class(JSContext* ctx) {
    JS_NewClassID(&s_worker_class_id);
    JSRuntime* rt = JS_GetRuntime(ctx);
    if (!JS_IsRegisteredClass(rt, s_worker_class_id)) {
        JSClassDef def{};
        def.class_name = "Worker";
        def.finalizer = worker_finalizer;
        def.gc_mark = worker_mark;
        if (JS_NewClass(rt, s_worker_class_id, &def) < 0) return JS_EXCEPTION;
    }
    JSValue proto = JS_NewObject(ctx);
    if (JS_IsException(proto)) return proto;
    if (JS_SetPropertyFunctionList(ctx, proto, k_worker_proto,
                                   sizeof k_worker_proto / sizeof k_worker_proto[0]) < 0) {
        JS_FreeValue(ctx, proto);
        return JS_EXCEPTION;
    }
    JSValue ctor = JS_NewCFunction2(ctx, worker_constructor, "Worker", 1, JS_CFUNC_constructor, 0);
    if (JS_IsException(ctor)) {
        JS_FreeValue(ctx, proto);
        return ctor;
    }
    JS_SetConstructor(ctx, ctor, proto);
    JS_SetClassProto(ctx, s_worker_class_id, JS_DupValue(ctx, proto));
    // In a worker: Worker.parent, the port to the thread that created it.
    LibcState* st = state_of(rt);
    if (st && st->parent_ports) {
        JSValue parent = new_worker_object(
            ctx, proto, WorkerPorts{dup_pipe(st->parent_ports->recv), dup_pipe(st->parent_ports->send)});
        if (JS_IsException(parent) ||
            JS_DefinePropertyValueStr(ctx, ctor, "parent", parent, JS_PROP_C_W_E) < 0) {
            JS_FreeValue(ctx, proto);
            JS_FreeValue(ctx, ctor);
            return JS_EXCEPTION;
        }
    }
    JS_FreeValue(ctx, proto);
    return ctor;
}

} // namespace qjs::libc

using namespace qjs::libc;

void js_std_set_worker_new_context_func(JSContext* (*func)(JSRuntime* rt)) {
    s_new_worker_context = func;
}

#else // !QJS_WORKERS

namespace qjs::libc {
void free_worker_state(LibcState*) {}
void install_shared_memory(JSRuntime*) {}
} // namespace qjs::libc

void js_std_set_worker_new_context_func(JSContext* (*)(JSRuntime*)) {}

#endif
