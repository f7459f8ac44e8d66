// Baseline.cpp: capturing a new realm's built-in cells and hashing their contents (see Baseline.h).
#include "snapshot/Baseline.h"

#include "bytecode/FunctionBytecode.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

namespace {

constexpr uint8_t kWalkMark = 3; // m_gc_state while a capture walk runs (the collector uses 0 and 1)

struct Hasher {
    uint64_t h = 1469598103934665603ull;
    void mix(uint64_t v) {
        h ^= v;
        h *= 1099511628211ull;
        h ^= h >> 29;
    }
};

bool is_baseline_kind(const Cell* c) {
    return c->is_gc_cell() && c->kind() != CellKind::Shape;
}

void mix_shape(Hasher& h, const Shape* s) {
    h.mix(reinterpret_cast<uintptr_t>(s->proto()));
    h.mix(s->class_key());
    h.mix(s->count());
    for (uint32_t i = 0; i < s->count(); ++i)
        h.mix((uint64_t(s->entry(i).key) << 8) | s->entry(i).flags);
}

// Hashes what a cell holds: values by tag and payload bits (heap values by address), shapes by content.
class ContentHashVisitor final : public EdgeVisitor {
  public:
    Hasher hasher;
    void visit_value(Value& v) override {
        hasher.mix(static_cast<uint64_t>(v.tag()));
        hasher.mix(v.raw_bits());
    }
    void visit_cell(Cell* c) override {
        if (c && c->kind() == CellKind::Shape) return mix_shape(hasher, static_cast<Shape*>(c));
        hasher.mix(reinterpret_cast<uintptr_t>(c));
    }
};

// Collects the cells a cell references, in visiting order.
class EdgeCollector final : public EdgeVisitor {
  public:
    explicit EdgeCollector(Vector<Cell*>& out) : m_out(out) {}
    void visit_value(Value& v) override {
        if (v.is_heap()) visit_cell(v.as_cell());
    }
    void visit_cell(Cell* c) override {
        if (c && c->is_gc_cell() && c->m_gc_state != kWalkMark) m_out.push_back(c);
    }

  private:
    Vector<Cell*>& m_out;
};

// An address-free description of a key, the same in every process.
uint64_t portable_atom(Runtime& rt, Atom a) {
    if (atom_is_index(a) || a < atoms::end_predefined) return a;
    if (rt.atom_is_symbol(a)) return 0x5359u; // "SY"
    return rt.atom_string(a)->hash();
}

} // namespace

uint64_t baseline_content_hash(Cell* cell) {
    ContentHashVisitor v;
    v.hasher.mix(static_cast<uint64_t>(cell->kind()));
    if (cell->kind() == CellKind::FunctionBytecode) {
        // Code never changes; inline caches do (they are not state) and are left out.
        for (Value& c : static_cast<FunctionBytecode*>(cell)->m_constants)
            v.visit_value(c);
        return v.hasher.h;
    }
    if (cell->kind() == CellKind::Object) {
        auto* o = static_cast<Object*>(cell);
        v.hasher.mix(static_cast<uint64_t>(o->class_id()));
        v.hasher.mix(o->m_flags);
        v.hasher.mix((uint64_t(o->m_element_count) << 32) | o->m_array_length);
    }
    visit_edges(cell, v);
    return v.hasher.h;
}

bool baseline_hides_state(Cell* cell) {
    return cell->kind() == CellKind::Object && static_cast<Object*>(cell)->class_id() == ClassId::HostObject;
}

bool capture_baseline(Context& ctx) {
    Runtime& rt = ctx.rt();
    void* mem = rt.alloc(sizeof(Baseline));
    if (!mem) return false;
    auto* b = new (mem) Baseline();
    ctx.m_baseline = b;

    Vector<Cell*> stack;
    Vector<Cell*> edges;
    // The symbol registry is runtime-wide (shared with the realms created before this one, so its
    // contents depend on what ran before): never part of a baseline, always written by snapshots.
    for (size_t i = static_cast<size_t>(Intrinsic::Count); i-- > 0;)
        if (Object* o = ctx.m_intrinsics[i]; o && i != static_cast<size_t>(Intrinsic::SymbolRegistry))
            stack.push_back(o);
    if (ctx.m_global_lexicals) stack.push_back(ctx.m_global_lexicals);
    if (ctx.m_global_object) stack.push_back(ctx.m_global_object);
    Vector<Cell*> marked; // every cell the walk marked, shapes included, to unmark at the end
    Hasher fingerprint;
    EdgeCollector collect(edges);
    while (!stack.empty()) {
        Cell* c = stack.back();
        stack.pop_back();
        if (c->m_gc_state == kWalkMark) continue;
        c->m_gc_state = kWalkMark;
        marked.push_back(c);
        if (is_baseline_kind(c)) {
            c->ref();
            b->cells.push_back(c);
            b->hashes.push_back(baseline_content_hash(c));
            fingerprint.mix(static_cast<uint64_t>(c->kind()));
            if (c->kind() == CellKind::Object) {
                auto* o = static_cast<Object*>(c);
                fingerprint.mix(static_cast<uint64_t>(o->class_id()));
                for (uint32_t k = 0; k < o->shape()->count(); ++k)
                    fingerprint.mix(portable_atom(rt, o->shape()->entry(k).key) ^ o->shape()->entry(k).flags);
            }
        }
        edges.clear();
        visit_edges(c, collect);
        // Reverse, so the first edge is walked first.
        for (size_t k = edges.size(); k-- > 0;)
            stack.push_back(edges[k]);
    }
    for (Cell* c : marked)
        c->m_gc_state = 0;
    for (Object* o : ctx.m_intrinsics)
        b->intrinsics.push_back(o);
    fingerprint.mix(b->cells.size());
    b->fingerprint = fingerprint.h;
    return true;
}

void release_baseline(Context& ctx) {
    Baseline* b = ctx.m_baseline;
    if (!b) return;
    ctx.m_baseline = nullptr;
    Vector<Cell*> cells = std::move(b->cells);
    b->~Baseline();
    ctx.rt().free(b);
    for (Cell* c : cells)
        c->unref();
}

} // namespace qjs
