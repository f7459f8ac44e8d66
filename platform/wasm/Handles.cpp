// Handles.cpp: the handle table of the reactor: slots of owned JSValues addressed by 32-bit ids.
//
// An id is the slot index in its low 20 bits and the slot's generation in the high 12 bits: freeing a
// slot bumps its generation, so an id that outlived its value no longer matches and is refused.
#include <cstdlib>

#include "Reactor.h"

namespace qjs::wasm {

namespace {

constexpr uint32_t kIndexBits = 20;
constexpr uint32_t kIndexMask = (1u << kIndexBits) - 1;
constexpr uint32_t kFirstFree = kGlobal + 1;

struct Slot {
    JSValue value;
    uint32_t generation; // bumped on free
    uint32_t next_free;  // free-list link (index) while free
    bool live;
};

Slot* g_slots = nullptr;
uint32_t g_capacity = 0;
uint32_t g_used = kFirstFree; // slots [0, g_used) have been handed out at least once
uint32_t g_free_head = 0;     // 0: empty free list
uint32_t g_live = 0;

bool grow() {
    uint32_t capacity = g_capacity ? g_capacity * 2 : 256;
    if (capacity > kIndexMask + 1) return false;
    auto* slots = static_cast<Slot*>(std::realloc(g_slots, capacity * sizeof(Slot)));
    if (!slots) return false;
    g_slots = slots;
    g_capacity = capacity;
    return true;
}

} // namespace

Handle handle_new(JSValue v) {
    uint32_t index;
    if (g_free_head) {
        index = g_free_head;
        g_free_head = g_slots[index].next_free;
    } else {
        if (g_used >= g_capacity && !grow()) {
            JS_FreeValue(g_reactor.ctx, v);
            JS_ThrowOutOfMemory(g_reactor.ctx);
            return kNone;
        }
        index = g_used++;
        g_slots[index].generation = 0;
    }
    Slot& s = g_slots[index];
    s.value = v;
    s.live = true;
    ++g_live;
    return index | (s.generation << kIndexBits);
}

bool handle_get(Handle h, JSValue* v) {
    switch (h) {
    case kUndefined: *v = JS_UNDEFINED; return true;
    case kNull: *v = JS_NULL; return true;
    case kFalse: *v = JS_FALSE; return true;
    case kTrue: *v = JS_TRUE; return true;
    default: break;
    }
    uint32_t index = h & kIndexMask;
    if (h != kGlobal && (index < kFirstFree || index >= g_used || !g_slots[index].live ||
                         g_slots[index].generation != (h >> kIndexBits))) {
        JS_ThrowTypeError(g_reactor.ctx, "invalid or disposed handle %u", static_cast<unsigned>(h));
        return false;
    }
    *v = h == kGlobal ? g_slots[kGlobal].value : g_slots[index].value;
    return true;
}

void handle_free(Handle h) {
    uint32_t index = h & kIndexMask;
    if (index < kFirstFree || index >= g_used) return;
    Slot& s = g_slots[index];
    if (!s.live || s.generation != (h >> kIndexBits)) return;
    JSValue v = s.value;
    s.live = false;
    s.generation = (s.generation + 1) & ((1u << (32 - kIndexBits)) - 1);
    s.next_free = g_free_head;
    g_free_head = index;
    --g_live;
    JS_FreeValue(g_reactor.ctx, v);
}

void handles_reset() {
    for (uint32_t i = kFirstFree; i < g_used; ++i) {
        if (g_slots[i].live) {
            g_slots[i].live = false;
            JS_FreeValue(g_reactor.ctx, g_slots[i].value);
        }
    }
    if (g_capacity > kGlobal && g_slots[kGlobal].live) JS_FreeValue(g_reactor.ctx, g_slots[kGlobal].value);
    std::free(g_slots);
    g_slots = nullptr;
    g_capacity = 0;
    g_used = kFirstFree;
    g_free_head = 0;
    g_live = 0;
}

uint32_t handles_live() {
    return g_live;
}

Handle handle_result(JSValue v) {
    if (JS_IsException(v)) return kNone;
    if (JS_IsUndefined(v)) return kUndefined;
    if (JS_IsNull(v)) return kNull;
    if (JS_IsBool(v)) return JS_VALUE_GET_BOOL(v) ? kTrue : kFalse;
    return handle_new(v);
}

bool handle_set_global(JSValue global) {
    if (g_capacity <= kGlobal && !grow()) return false;
    g_slots[kGlobal].value = global;
    g_slots[kGlobal].live = true;
    g_slots[kGlobal].generation = 0;
    return true;
}

} // namespace qjs::wasm
