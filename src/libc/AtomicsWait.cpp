// AtomicsWait.cpp: the waiter list behind Atomics.wait, Atomics.waitAsync and Atomics.notify between the
// threads of this process (JS_SetAtomicsWaitFunctions): os.Worker's runtimes and any embedder's threads
// that share SharedArrayBuffer blocks (install_shared_memory sets both on every runtime of quickjs-libc).
//
// One list for the process, in the order the waiters started waiting, under one mutex; a waiter is keyed
// by the element's address (the shared block + byte index). A sync waiter blocks on its own condition
// variable; an async one (waitAsync) keeps its promise's resolve function until its runtime's thread
// settles it in js_std_atomics_poll. Built only with QJS_WORKERS (threads).
#include "libc/LibcState.h"

#if QJS_WORKERS

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <new>

namespace qjs::libc {

namespace {

using Clock = std::chrono::steady_clock;

enum class WaiterState : uint8_t { Waiting, Notified, TimedOut };

struct Waiter {
    Waiter* prev = nullptr;
    Waiter* next = nullptr;
    void* addr = nullptr;
    JSRuntime* rt = nullptr;
    WaiterState state = WaiterState::Waiting;
    bool has_deadline = false;
    Clock::time_point deadline;
    // Sync waiters: woken through `cond`.
    std::condition_variable cond;
    // Async waiters: the promise's resolve function and its realm, released on the runtime's thread.
    bool is_async = false;
    JSContext* ctx = nullptr;
    JSValue resolve = JS_UNDEFINED;
};

// An interrupted runtime (js_std_atomics_interrupt): its waits fail until js_std_atomics_release.
struct Interrupted {
    Interrupted* next;
    JSRuntime* rt;
};

std::mutex s_lock;
Waiter* s_head = nullptr; // every waiting waiter, oldest first
Waiter* s_tail = nullptr;
Waiter* s_settled = nullptr; // async waiters notified or timed out, not yet settled (linked by next)
Interrupted* s_interrupted = nullptr;
std::condition_variable s_async_event; // an async waiter was notified, or a runtime interrupted

void link(Waiter* w) {
    w->prev = s_tail;
    w->next = nullptr;
    (s_tail ? s_tail->next : s_head) = w;
    s_tail = w;
}

void unlink(Waiter* w) {
    (w->prev ? w->prev->next : s_head) = w->next;
    (w->next ? w->next->prev : s_tail) = w->prev;
    w->prev = w->next = nullptr;
}

bool is_interrupted(JSRuntime* rt) {
    for (Interrupted* i = s_interrupted; i; i = i->next)
        if (i->rt == rt) return true;
    return false;
}

// The element's value, read under the lock (notify also takes it, so check-and-wait is one step).
int64_t load_element(void* addr, int size) {
    if (size == 4) return __atomic_load_n(static_cast<int32_t*>(addr), __ATOMIC_SEQ_CST);
    return __atomic_load_n(static_cast<int64_t*>(addr), __ATOMIC_SEQ_CST);
}

void set_deadline(Waiter* w, double timeout) {
    if (std::isinf(timeout)) return;
    w->has_deadline = true;
    w->deadline =
        Clock::now() + std::chrono::microseconds(static_cast<int64_t>(std::min(timeout, 1e12) * 1000.0));
}

int wait_sync(void*, JSContext* ctx, void* addr, int size, int64_t expected, double timeout) {
    JSRuntime* rt = JS_GetRuntime(ctx);
    std::unique_lock<std::mutex> guard(s_lock);
    if (is_interrupted(rt)) {
        guard.unlock();
        JS_ThrowInternalError(ctx, "interrupted");
        return -1;
    }
    if (load_element(addr, size) != expected) return JS_ATOMICS_WAIT_NOT_EQUAL;
    Waiter w;
    w.addr = addr;
    w.rt = rt;
    set_deadline(&w, timeout);
    link(&w);
    while (w.state == WaiterState::Waiting && !is_interrupted(rt)) {
        if (!w.has_deadline) {
            w.cond.wait(guard);
        } else if (w.cond.wait_until(guard, w.deadline) == std::cv_status::timeout) {
            if (w.state == WaiterState::Waiting) w.state = WaiterState::TimedOut;
        }
    }
    if (w.state == WaiterState::Notified) return JS_ATOMICS_WAIT_OK;
    unlink(&w);
    if (w.state == WaiterState::TimedOut) return JS_ATOMICS_WAIT_TIMED_OUT;
    guard.unlock();
    JS_ThrowInternalError(ctx, "interrupted");
    return -1;
}

int wait_async(void*, JSContext* ctx, void* addr, int size, int64_t expected, double timeout,
               JSValueConst resolve) {
    auto* w = new (std::nothrow) Waiter();
    if (!w) {
        JS_ThrowOutOfMemory(ctx);
        return -1;
    }
    std::lock_guard<std::mutex> guard(s_lock);
    if (load_element(addr, size) != expected) {
        delete w;
        return JS_ATOMICS_WAIT_NOT_EQUAL;
    }
    w->addr = addr;
    w->rt = JS_GetRuntime(ctx);
    w->is_async = true;
    w->ctx = JS_DupContext(ctx);
    w->resolve = JS_DupValue(ctx, resolve);
    set_deadline(w, timeout);
    link(w);
    return JS_ATOMICS_WAIT_OK;
}

// Moves a waiting async waiter to the settled list with its outcome.
void settle_later(Waiter* w, WaiterState state) {
    unlink(w);
    w->state = state;
    w->next = s_settled;
    s_settled = w;
}

int64_t notify(void*, JSContext*, void* addr, double count) {
    std::lock_guard<std::mutex> guard(s_lock);
    int64_t woken = 0;
    bool async_woken = false;
    for (Waiter* w = s_head; w && woken < count;) {
        Waiter* next = w->next;
        if (w->addr == addr) {
            ++woken;
            if (w->is_async) {
                settle_later(w, WaiterState::Notified);
                async_woken = true;
            } else {
                unlink(w);
                w->state = WaiterState::Notified;
                w->cond.notify_one();
            }
        }
        w = next;
    }
    if (async_woken) s_async_event.notify_all();
    return woken;
}

const JSAtomicsWaitFunctions kAtomicsWaitFunctions{wait_sync, wait_async, notify, nullptr};

// Takes the runtime's settled async waiters (and those whose deadline passed) off the lists, oldest
// first; also reports whether it still has waiters and the nearest deadline among them.
Waiter* take_settled(JSRuntime* rt, bool* pending, bool* has_deadline, Clock::time_point* deadline) {
    Clock::time_point now = Clock::now();
    for (Waiter* w = s_head; w;) {
        Waiter* next = w->next;
        if (w->rt == rt && w->is_async && w->has_deadline && w->deadline <= now)
            settle_later(w, WaiterState::TimedOut);
        w = next;
    }
    Waiter* mine = nullptr;
    for (Waiter** p = &s_settled; *p;) {
        Waiter* w = *p;
        if (w->rt == rt) {
            *p = w->next;
            w->next = mine; // the settled list is newest first: reversing restores the order
            mine = w;
        } else {
            p = &w->next;
        }
    }
    *pending = false;
    *has_deadline = false;
    for (Waiter* w = s_head; w; w = w->next) {
        if (w->rt != rt || !w->is_async) continue;
        *pending = true;
        if (w->has_deadline && (!*has_deadline || w->deadline < *deadline)) {
            *has_deadline = true;
            *deadline = w->deadline;
        }
    }
    return mine;
}

void free_waiter(Waiter* w) {
    JS_FreeValue(w->ctx, w->resolve);
    JS_FreeContext(w->ctx);
    delete w;
}

} // namespace

void install_atomics_wait(JSRuntime* rt) {
    JS_SetAtomicsWaitFunctions(rt, &kAtomicsWaitFunctions);
}

} // namespace qjs::libc

using namespace qjs::libc;

int js_std_atomics_poll(JSRuntime* rt, int timeout_ms) {
    Waiter* settled;
    bool pending = false;
    {
        std::unique_lock<std::mutex> guard(s_lock);
        bool has_deadline = false;
        Clock::time_point deadline;
        settled = take_settled(rt, &pending, &has_deadline, &deadline);
        if (!settled && pending && timeout_ms != 0 && !is_interrupted(rt)) {
            // Sleep until a notify, the nearest deadline or the caller's limit, then look again.
            if (timeout_ms > 0) {
                Clock::time_point limit = Clock::now() + std::chrono::milliseconds(timeout_ms);
                if (!has_deadline || limit < deadline) deadline = limit;
                has_deadline = true;
            }
            if (has_deadline)
                s_async_event.wait_until(guard, deadline);
            else
                s_async_event.wait(guard);
            settled = take_settled(rt, &pending, &has_deadline, &deadline);
        }
    }
    int rc = pending ? 1 : 0;
    while (settled) {
        Waiter* w = settled;
        settled = w->next;
        // DoWait's timeout or NotifyWaiter: resolve the promise with "ok" or "timed-out".
        JSValue outcome = JS_NewString(w->ctx, w->state == WaiterState::Notified ? "ok" : "timed-out");
        JSValue r =
            JS_IsException(outcome) ? JS_EXCEPTION : JS_Call(w->ctx, w->resolve, JS_UNDEFINED, 1, &outcome);
        JS_FreeValue(w->ctx, outcome);
        if (JS_IsException(r)) rc = -1;
        JS_FreeValue(w->ctx, r);
        free_waiter(w);
    }
    return rc;
}

void js_std_atomics_interrupt(JSRuntime* rt) {
    std::lock_guard<std::mutex> guard(s_lock);
    if (!is_interrupted(rt)) {
        auto* i = new (std::nothrow) Interrupted{s_interrupted, rt};
        if (i) s_interrupted = i;
    }
    for (Waiter* w = s_head; w; w = w->next)
        if (w->rt == rt && !w->is_async) w->cond.notify_one();
    s_async_event.notify_all();
}

void js_std_atomics_release(JSRuntime* rt) {
    Waiter* mine = nullptr;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        for (Interrupted** p = &s_interrupted; *p;) {
            Interrupted* i = *p;
            if (i->rt == rt) {
                *p = i->next;
                delete i;
            } else {
                p = &i->next;
            }
        }
        bool pending, has_deadline;
        Clock::time_point deadline;
        mine = take_settled(rt, &pending, &has_deadline, &deadline);
        for (Waiter* w = s_head; w;) {
            Waiter* next = w->next;
            if (w->rt == rt && w->is_async) {
                unlink(w);
                w->next = mine;
                mine = w;
            }
            w = next;
        }
    }
    while (mine) {
        Waiter* w = mine;
        mine = w->next;
        free_waiter(w);
    }
}

#else // !QJS_WORKERS

namespace qjs::libc {
void install_atomics_wait(JSRuntime*) {}
} // namespace qjs::libc

int js_std_atomics_poll(JSRuntime*, int) {
    return 0;
}
void js_std_atomics_interrupt(JSRuntime*) {}
void js_std_atomics_release(JSRuntime*) {}

#endif
