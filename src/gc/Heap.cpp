// Heap.cpp: freeing cells, the per-kind visitor dispatch and the cycle collector.
//
// Freeing is iterative: a cell whose count drops to zero while another cell is being freed is
// queued instead of freed recursively, so dropping the head of a million-element linked list does
// not overflow the native stack.
//
// The cycle collector is trial deletion over the gc list, as in QuickJS: (1) for every gc cell,
// subtract the references it holds to other gc cells; (2) cells whose count is still positive are
// referenced from outside the heap (C++ handles, the interpreter stack, realm roots): they and
// everything reachable from them are alive, and their counts are restored; (3) the rest is
// garbage made only of cycles: restore its counts, hold each cell, clear its edges, release.
// Weak edges count for nothing; an ephemeron (a WeakMap entry) restores its value only once its key
// is alive, so step 2 repeats until no deferred entry's key turned alive (gc/Weak.h).
#include "gc/Visitor.h"
#include "gc/Weak.h"
#include "runtime/Object.h"
#include "runtime/Runtime.h"
#include "runtime/Shape.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"
#include "runtime/VarRef.h"

namespace qjs {

const char* cell_kind_name(CellKind kind) {
    switch (kind) {
#define X(name)                                                                                              \
    case CellKind::name: return #name;
        QJS_CELL_KINDS(X)
#undef X
    }
    return "?";
}

// Object parts of the visitor live in Object.cpp / Shape.cpp.
void visit_object(Object*, EdgeVisitor&);
void clear_object(Object*);
void finalize_object(Object*);
void visit_shape(Shape*, EdgeVisitor&);
void clear_shape(Shape*);
void finalize_shape(Shape*);

void visit_edges(Cell* cell, EdgeVisitor& v) {
    switch (cell->kind()) {
    case CellKind::String:
        if (static_cast<String*>(cell)->is_slice()) v.visit_cell(static_cast<String*>(cell)->slice_base());
        return;
    case CellKind::BigInt: return;
    case CellKind::Symbol: v.visit_value(static_cast<Symbol*>(cell)->description); return;
    case CellKind::Object: visit_object(static_cast<Object*>(cell), v); return;
    case CellKind::Shape: visit_shape(static_cast<Shape*>(cell), v); return;
    case CellKind::FunctionBytecode: visit_function_bytecode(cell, v); return;
    case CellKind::VarRef: v.visit_value(static_cast<VarRef*>(cell)->value); return;
    case CellKind::AccessorPair: {
        auto* pair = static_cast<AccessorPair*>(cell);
        v.visit_value(pair->getter);
        v.visit_value(pair->setter);
        return;
    }
    case CellKind::Frame: visit_frame(cell, v); return;
    }
}

void clear_edges(Cell* cell) {
    switch (cell->kind()) {
    case CellKind::String: release_string_slice(static_cast<String*>(cell)); return;
    case CellKind::BigInt: return;
    case CellKind::Symbol: static_cast<Symbol*>(cell)->description = Value(); return;
    case CellKind::Object: clear_object(static_cast<Object*>(cell)); return;
    case CellKind::Shape: clear_shape(static_cast<Shape*>(cell)); return;
    case CellKind::FunctionBytecode: clear_function_bytecode(cell); return;
    case CellKind::VarRef: static_cast<VarRef*>(cell)->value = Value(); return;
    case CellKind::AccessorPair: {
        auto* pair = static_cast<AccessorPair*>(cell);
        pair->getter = Value();
        pair->setter = Value();
        return;
    }
    case CellKind::Frame: clear_frame(cell); return;
    }
}

static void finalize_cell(Cell* cell) {
    switch (cell->kind()) {
    case CellKind::Object: finalize_object(static_cast<Object*>(cell)); break;
    case CellKind::Shape: finalize_shape(static_cast<Shape*>(cell)); break;
    case CellKind::FunctionBytecode: free_function_bytecode(cell); break;
    case CellKind::Frame: free_frame(cell); break;
    default: break;
    }
}

// Cells waiting to be freed (linked through m_gc_next) while an outer free is in progress.
static thread_local GcCell* s_pending_free = nullptr;
static thread_local bool s_freeing = false;

static void free_pending(Runtime* rt) {
    s_freeing = true;
    while (s_pending_free) {
        GcCell* c = s_pending_free;
        s_pending_free = c->m_gc_next;
        if (c->m_bits & Cell::kWeakTargetBit) [[unlikely]]
            weak_target_died(*rt, c);
        clear_edges(c);
        finalize_cell(c);
        rt->free(c);
    }
    s_freeing = false;
}

void destroy_cell(Cell* cell) {
    Runtime* rt = Runtime::current();
    if (!cell->is_gc_cell()) {
        if (cell->m_bits & Cell::kWeakTargetBit) [[unlikely]] {
            // Holders' hooks may drop gc cells: queue them (as below) and free them afterwards.
            bool outer = s_freeing;
            s_freeing = true;
            weak_target_died(*rt, cell);
            s_freeing = outer;
            if (!outer) free_pending(rt);
        }
        clear_edges(cell);
        rt->free(cell);
        return;
    }
    auto* gc = static_cast<GcCell*>(cell);
    rt->unlink_gc_cell(gc);
    gc->m_gc_next = s_pending_free;
    s_pending_free = gc;
    if (s_freeing) return;
    free_pending(rt);
}

namespace {

enum : uint8_t { kUnknown = 0, kAlive = 1 };

// The collector's visitors: weak edges count for nothing, an ephemeron's value is a strong edge of
// its holder (the restore pass makes it conditional on the key).
class CollectorVisitor : public EdgeVisitor {
  public:
    void visit_value(Value& v) override {
        if (v.is_heap()) visit_cell(v.as_cell());
    }
    void visit_weak(Value&) override {}
};

class DecrementVisitor final : public CollectorVisitor {
  public:
    // Restated in each final visitor so that the call to visit_cell is direct.
    void visit_value(Value& v) override {
        if (v.is_heap()) visit_cell(v.as_cell());
    }
    void visit_cell(Cell* c) override {
        if (c && c->is_gc_cell()) --c->m_ref_count;
    }
};

class RestoreVisitor final : public CollectorVisitor {
  public:
    explicit RestoreVisitor(Vector<GcCell*>& worklist) : m_worklist(worklist) {}
    void visit_value(Value& v) override {
        if (v.is_heap()) visit_cell(v.as_cell());
    }
    void visit_cell(Cell* c) override {
        if (!c || !c->is_gc_cell()) return;
        ++c->m_ref_count;
        if (c->m_gc_state != kAlive) {
            c->m_gc_state = kAlive;
            m_worklist.push_back(static_cast<GcCell*>(c));
        }
    }
    // An entry of a live weak collection: its value lives if its key does. Keys that are not gc
    // cells (symbols) are freed only by their count, so count as alive here.
    void visit_ephemeron(Value& key, Value& value) override {
        if (!value.is_heap() || !value.as_cell()->is_gc_cell()) return;
        Cell* k = key.as_cell();
        if (!k->is_gc_cell() || k->m_gc_state == kAlive)
            visit_value(value);
        else
            m_deferred.push_back(Deferred{k, value.as_cell()});
    }
    // Restores the values of deferred entries whose key turned out alive; returns whether any did.
    bool retry_deferred() {
        size_t kept = 0;
        bool progress = false;
        for (size_t i = 0; i < m_deferred.size(); ++i) {
            if (m_deferred[i].key->m_gc_state == kAlive) {
                visit_cell(m_deferred[i].value);
                progress = true;
            } else {
                m_deferred[kept++] = m_deferred[i];
            }
        }
        m_deferred.resize(kept);
        return progress;
    }
    // The values of entries whose key is garbage stay referenced by their (live) holder until the
    // key's death removes the entry: give back the count the decrement pass took.
    void restore_dead_entries() {
        for (const Deferred& d : m_deferred)
            ++d.value->m_ref_count;
        m_deferred.clear();
    }

  private:
    struct Deferred {
        Cell* key;
        Cell* value;
    };
    Vector<GcCell*>& m_worklist;
    Vector<Deferred> m_deferred;
};

class IncrementVisitor final : public CollectorVisitor {
  public:
    void visit_cell(Cell* c) override {
        if (c && c->is_gc_cell()) ++c->m_ref_count;
    }
};

} // namespace

// Every gc cell is garbage (a realm's teardown, the runtime's end) and no cell is weakly referenced,
// so no holder hook and no cleanup job can run: one pass clears every cell's edges while a bias keeps
// every count above zero (nothing is freed by its count meanwhile), then each cell is finalized and
// freed, without the restore pass, the count increments and the frees queued one by one.
static void free_all_garbage(Runtime& rt) {
    constexpr uint32_t kBias = 1u << 30;
    GcCell* head = &rt.gc_list();
    for (GcCell* c = head->m_gc_next; c != head; c = c->m_gc_next)
        c->m_ref_count = kBias; // 0 after step 1: no references from outside
    for (GcCell* c = head->m_gc_next; c != head; c = c->m_gc_next)
        clear_edges(c);
    // Up to the cell that was last: a cell a finalizer makes (embedder code) is not garbage.
    GcCell* last = head->m_gc_prev;
    for (GcCell *c = head->m_gc_next, *next; c != head; c = next) {
        next = c->m_gc_next;
        bool done = c == last;
        rt.unlink_gc_cell(c);
        finalize_cell(c);
        rt.free(c);
        if (done) break;
    }
}

void Runtime::collect_cycles() {
    if (m_in_gc) return;
    clear_shape_transitions(*this); // their references would keep shapes and prototypes alive
    m_in_gc = true;
    GcCell* head = &m_gc_list;

    // 1. Subtract internal references. (Each walk of the list touches every cell: the passes share
    // walks where they can.)
    DecrementVisitor decrement;
    for (GcCell* c = head->m_gc_next; c != head; c = c->m_gc_next) {
        c->m_gc_state = kUnknown;
        visit_edges(c, decrement);
    }

    // 2. Externally referenced cells and everything they reach are alive. A cell is traced as soon as
    // the walk finds it referenced from outside; one reached that way before the walk gets to it has
    // its count restored and is marked already, so the walk passes it.
    Vector<GcCell*> worklist;
    RestoreVisitor restore(worklist);
    auto trace_reached = [&] {
        while (!worklist.empty()) {
            GcCell* reached = worklist.back();
            worklist.pop_back();
            visit_edges(reached, restore);
        }
    };
    bool any_external = false;
    for (GcCell* c = head->m_gc_next; c != head; c = c->m_gc_next) {
        if (c->m_ref_count > 0 && c->m_gc_state != kAlive) {
            any_external = true;
            c->m_gc_state = kAlive;
            visit_edges(c, restore);
            trace_reached();
        }
    }
    if (!any_external && !has_weak_targets(*this)) {
        free_all_garbage(*this);
        reset_gc_thresholds();
        m_in_gc = false;
        return;
    }
    // Ephemeron values whose key turned out alive, until no more do.
    while (restore.retry_deferred())
        trace_reached();
    restore.restore_dead_entries();

    // 3. Free the garbage.
    Vector<GcCell*> garbage;
    for (GcCell* c = head->m_gc_next; c != head; c = c->m_gc_next)
        if (c->m_gc_state != kAlive) garbage.push_back(c);
    IncrementVisitor increment;
    for (GcCell* c : garbage)
        visit_edges(c, increment);
    for (GcCell* c : garbage)
        c->ref();
    for (GcCell* c : garbage)
        clear_edges(c);
    for (GcCell* c : garbage)
        c->unref();

    reset_gc_thresholds();
    m_in_gc = false;
}

} // namespace qjs
