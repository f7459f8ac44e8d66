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
// While a capture walks, it also collects the gc cells referenced, in visiting order (`m_out` set).
class ContentHashVisitor final : public EdgeVisitor {
  public:
    Hasher hasher;
    bool hashing = true;
    Vector<Cell*>* m_out = nullptr;
    void visit_value(Value& v) override {
        if (hashing) {
            hasher.mix(static_cast<uint64_t>(v.tag()));
            hasher.mix(v.raw_bits());
        }
        if (m_out && v.is_heap()) collect(v.as_cell());
    }
    void visit_cell(Cell* c) override {
        if (hashing) {
            if (c && c->kind() == CellKind::Shape)
                mix_shape(hasher, static_cast<Shape*>(c));
            else
                hasher.mix(reinterpret_cast<uintptr_t>(c));
        }
        if (m_out) collect(c);
    }

  private:
    void collect(Cell* c) {
        if (c && c->is_gc_cell() && c->m_gc_state != kWalkMark) m_out->push_back(c);
    }
};

// Hashes `cell` (see baseline_content_hash); with `v.m_out` set, also collects every cell it references.
uint64_t hash_and_collect(Cell* cell, ContentHashVisitor& v) {
    v.hasher = Hasher();
    v.hasher.mix(static_cast<uint64_t>(cell->kind()));
    if (cell->kind() == CellKind::FunctionBytecode) {
        // Code never changes; inline caches do (they are not state) and are left out.
        Vector<Cell*>* out = v.m_out;
        v.m_out = nullptr;
        for (Value& c : static_cast<FunctionBytecode*>(cell)->constants())
            v.visit_value(c);
        v.m_out = out;
        if (out) {
            v.hashing = false;
            visit_edges(cell, v);
            v.hashing = true;
        }
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

// An address-free description of a key, the same in every process.
uint64_t portable_atom(Runtime& rt, Atom a) {
    if (atom_is_index(a) || a < atoms::end_predefined) return a;
    if (rt.atom_is_symbol(a)) return 0x5359u; // "SY"
    return rt.atom_string(a)->hash();
}

} // namespace

uint64_t baseline_content_hash(Cell* cell) {
    ContentHashVisitor v;
    return hash_and_collect(cell, v);
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
    ContentHashVisitor visitor;
    visitor.m_out = &edges;
    while (!stack.empty()) {
        Cell* c = stack.back();
        stack.pop_back();
        if (c->m_gc_state == kWalkMark) continue;
        c->m_gc_state = kWalkMark;
        marked.push_back(c);
        edges.clear();
        if (is_baseline_kind(c)) {
            c->ref();
            b->cells.push_back(c);
            b->hashes.push_back(hash_and_collect(c, visitor)); // and the edges, in one visit
            fingerprint.mix(static_cast<uint64_t>(c->kind()));
            if (c->kind() == CellKind::Object) {
                auto* o = static_cast<Object*>(c);
                fingerprint.mix(static_cast<uint64_t>(o->class_id()));
                for (uint32_t k = 0; k < o->shape()->count(); ++k)
                    fingerprint.mix(portable_atom(rt, o->shape()->entry(k).key) ^ o->shape()->entry(k).flags);
            }
        } else {
            visitor.hashing = false;
            visit_edges(c, visitor);
            visitor.hashing = true;
        }
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
