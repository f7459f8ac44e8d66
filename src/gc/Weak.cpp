// Weak.cpp: the weak table and kept objects (see Weak.h).
#include "gc/Weak.h"

#include "runtime/Runtime.h"

#include <unordered_map>

namespace qjs {

namespace {

struct CellHash {
    size_t operator()(const Cell* c) const {
        auto bits = reinterpret_cast<uintptr_t>(c);
        return static_cast<size_t>(bits ^ (bits >> 17));
    }
};

} // namespace

struct WeakState {
    // Weakly referenced cell -> its holders (a holder is listed once per weak slot it has).
    std::unordered_map<Cell*, Vector<Object*>, CellHash, std::equal_to<Cell*>,
                       RuntimeAllocator<std::pair<Cell* const, Vector<Object*>>>>
        holders;
    Vector<Value> kept; // [[KeptAlive]]
};

static WeakTargetDiedFn s_hooks[static_cast<size_t>(ClassId::Count)];

void register_weak_holder_class(ClassId id, WeakTargetDiedFn fn) {
    s_hooks[static_cast<size_t>(id)] = fn;
}

static WeakState& weak_state(Runtime& rt) {
    if (!rt.m_weak) {
        void* mem = rt.alloc_unchecked(sizeof(WeakState));
        VERIFY(mem);
        rt.m_weak = new (mem) WeakState();
    }
    return *rt.m_weak;
}

void weak_slot_make_weak(Runtime& rt, Object* holder, Value& slot) {
    Cell* c = slot.as_cell();
    VERIFY(slot.is_heap() && c->m_ref_count > 1);
    weak_state(rt).holders[c].push_back(holder);
    c->m_bits |= Cell::kWeakTargetBit;
    --c->m_ref_count; // the slot keeps the bits, not a count
}

void weak_slot_drop(Runtime& rt, Object* holder, Value& slot) {
    if (!slot.is_heap()) return;
    Cell* c = slot.leak_cell();
    if (!rt.m_weak) return;
    auto it = rt.m_weak->holders.find(c);
    if (it == rt.m_weak->holders.end()) return;
    Vector<Object*>& list = it->second;
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i] != holder) continue;
        list[i] = list.back();
        list.pop_back();
        break;
    }
    if (list.empty()) {
        rt.m_weak->holders.erase(it);
        c->m_bits &= static_cast<uint16_t>(~Cell::kWeakTargetBit);
    }
}

void weak_target_died(Runtime& rt, Cell* target) {
    target->m_bits &= static_cast<uint16_t>(~Cell::kWeakTargetBit);
    if (!rt.m_weak) return;
    auto it = rt.m_weak->holders.find(target);
    if (it == rt.m_weak->holders.end()) return;
    Vector<Object*> list = std::move(it->second);
    rt.m_weak->holders.erase(it);
    // Each holder once: its hook clears all of its slots that refer to the target. Holders stay
    // valid meanwhile: cells freed by a hook are queued until the current free finishes.
    for (size_t i = 0; i < list.size(); ++i) {
        Object* holder = list[i];
        bool seen = false;
        for (size_t j = 0; j < i && !seen; ++j)
            seen = list[j] == holder;
        if (seen) continue;
        WeakTargetDiedFn fn = s_hooks[static_cast<size_t>(holder->class_id())];
        VERIFY(fn);
        fn(holder, target);
    }
}

bool has_weak_targets(const Runtime& rt) {
    return rt.m_weak && !rt.m_weak->holders.empty();
}

void add_to_kept_objects(Runtime& rt, const Value& v) {
    weak_state(rt).kept.push_back(v);
}

void clear_kept_objects(Runtime& rt) {
    if (!rt.m_weak || rt.m_weak->kept.empty()) return;
    Vector<Value> kept = std::move(rt.m_weak->kept);
    rt.m_weak->kept = Vector<Value>();
}

void destroy_weak_state(Runtime& rt) {
    if (!rt.m_weak) return;
    rt.m_weak->~WeakState();
    rt.free(rt.m_weak);
    rt.m_weak = nullptr;
}

} // namespace qjs
