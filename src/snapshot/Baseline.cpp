// Baseline.cpp: capturing a new realm's built-in cells and hashing their contents (see Baseline.h).
#include "snapshot/Baseline.h"

#include "bytecode/FunctionBytecode.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Object.h"
#include "runtime/String.h"
#include "snapshot/KeyIndex.h"

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

// Maps a scratch realm's creation cells to the realm's own, by allocation position.
struct Translation {
    KeyIndex<uint32_t> position; // scratch cell -> its position in the scratch realm's creation list
    const Vector<Cell*>* own = nullptr;
    Cell* operator()(Cell* c) const {
        const uint32_t* p = position.find(reinterpret_cast<uintptr_t>(c));
        return p ? (*own)[*p] : c;
    }
};

// A cell's address, or with a translation its counterpart's.
uintptr_t address(const Translation* t, Cell* c) {
    return reinterpret_cast<uintptr_t>(t ? (*t)(c) : c);
}

// Strings by content: realm creation makes some (accessor names, error names), so a scratch realm's
// are other cells with the same characters. A string replaced by an equal one counts as unchanged.
void mix_string(Hasher& h, const String* s) {
    h.mix((uint64_t(s->length()) << 1) | (s->is_wide() ? 1 : 0));
    const auto* bytes = static_cast<const uint8_t*>(s->is_wide() ? static_cast<const void*>(s->utf16())
                                                                 : static_cast<const void*>(s->latin1()));
    size_t n = size_t(s->length()) << (s->is_wide() ? 1 : 0), i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, bytes + i, 8);
        h.mix(w);
    }
    uint64_t tail = 0;
    __builtin_memcpy(&tail, bytes + i, n - i);
    h.mix(tail);
}

void mix_shape(Hasher& h, const Shape* s, const Translation* t) {
    h.mix(address(t, s->proto()));
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
    const Translation* m_translation = nullptr;
    void visit_value(Value& v) override {
        if (hashing) {
            hasher.mix(static_cast<uint64_t>(v.tag()));
            if (v.is_string()) {
                mix_string(hasher, v.as_string());
            } else {
                uint64_t bits = v.raw_bits();
                if (m_translation && v.is_heap()) // the payload's pointer bits replaced
                    bits = (bits & ~uint64_t(UINTPTR_MAX)) | address(m_translation, v.as_cell());
                hasher.mix(bits);
            }
        }
        if (m_out && v.is_heap()) collect(v.as_cell());
    }
    void visit_cell(Cell* c) override {
        if (hashing) {
            if (c && c->kind() == CellKind::Shape)
                mix_shape(hasher, static_cast<Shape*>(c), m_translation);
            else
                hasher.mix(address(m_translation, c));
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

struct Walk {
    Vector<Cell*> cells;
    Vector<uint64_t> hashes;
    uint64_t fingerprint = 0;
};

// Walks `ctx`'s graph from its roots in the baseline order, hashing each baseline cell. With
// `translation`, `ctx` is a scratch realm: the cells recorded and the addresses hashed are its
// counterparts'. False on OOM.
bool walk_realm(Context& ctx, const Translation* translation, Walk& out) {
    Runtime& rt = ctx.rt();
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
    visitor.m_translation = translation;
    bool ok = true;
    while (!stack.empty()) {
        Cell* c = stack.back();
        stack.pop_back();
        if (c->m_gc_state == kWalkMark) continue;
        c->m_gc_state = kWalkMark;
        marked.push_back(c);
        edges.clear();
        if (is_baseline_kind(c)) {
            ok = ok && vector_push(out.cells, translation ? (*translation)(c) : c) &&
                 vector_push(out.hashes, hash_and_collect(c, visitor)); // and the edges, in one visit
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
    fingerprint.mix(out.cells.size());
    out.fingerprint = fingerprint.h;
    return ok;
}

// Whether a gc cell creation made belongs in its list: shapes do not (the runtime shares them between
// realms, so a later realm may find one made by an earlier), nor does the shared symbol registry.
bool recorded(Context& ctx, GcCell* c) {
    return c->kind() != CellKind::Shape &&
           c != ctx.m_intrinsics[static_cast<size_t>(Intrinsic::SymbolRegistry)];
}

void drop_tail(Runtime& rt, Baseline* b) {
    GcCell* tail = b->tail;
    b->tail = nullptr;
    if (tail && tail != &rt.gc_list()) tail->unref();
}

// Whether two realms' creation lists describe the same cells (kinds and classes, position by position).
bool same_creation(const Vector<Cell*>& a, const Vector<Cell*>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i]->kind() != b[i]->kind()) return false;
        if (a[i]->kind() == CellKind::Object &&
            static_cast<Object*>(a[i])->class_id() != static_cast<Object*>(b[i])->class_id())
            return false;
    }
    return true;
}

// A scratch realm never ran code and nothing outside it refers to its cells: they are freed now (edges
// cleared first, as the collector frees garbage) instead of being left to the next collection.
void discard_scratch(Runtime& rt, Context* scratch) {
    for (size_t i = rt.m_contexts.size(); i-- > 0;)
        if (rt.m_contexts[i] == scratch)
            rt.m_contexts.erase(rt.m_contexts.begin() + static_cast<ptrdiff_t>(i));
    Baseline* b = scratch->m_baseline;
    scratch->m_baseline = nullptr;
    scratch->release();
    Vector<Cell*> cells = std::move(b->cells);
    b->~Baseline();
    rt.free(b);
    for (Cell* c : cells)
        clear_edges(c);
    for (Cell* c : cells)
        c->unref();
    // Like a failed realm's, the record stays until the runtime ends.
    rt.m_failed_contexts.push_back(scratch);
}

// The creation walk of `ctx`, from a scratch realm made now.
BaselineStatus walk_scratch(Context& ctx, Walk& out) {
    Runtime& rt = ctx.rt();
    // No collection while the scratch realm is made: it would run finalization callbacks' bookkeeping
    // (weak references cleared, cleanup jobs queued) in the middle of a snapshot.
    bool saved_in_gc = rt.m_in_gc;
    rt.m_in_gc = true;
    Context* scratch = Context::create(rt);
    rt.m_in_gc = saved_in_gc;
    if (!scratch) return BaselineStatus::OutOfMemory;
    const Vector<Cell*>& theirs = scratch->m_baseline->cells;
    Translation translation;
    translation.own = &ctx.m_baseline->cells;
    BaselineStatus status =
        same_creation(ctx.m_baseline->cells, theirs) ? BaselineStatus::Ready : BaselineStatus::Mismatch;
    for (uint32_t i = 0; status == BaselineStatus::Ready && i < theirs.size(); ++i)
        if (!translation.position.insert(reinterpret_cast<uintptr_t>(theirs[i]), i))
            status = BaselineStatus::OutOfMemory;
    if (status == BaselineStatus::Ready && !walk_realm(*scratch, &translation, out))
        status = BaselineStatus::OutOfMemory;
    discard_scratch(rt, scratch);
    return status;
}

} // namespace

uint64_t baseline_content_hash(Cell* cell) {
    ContentHashVisitor v;
    return hash_and_collect(cell, v);
}

bool baseline_hides_state(Cell* cell) {
    return cell->kind() == CellKind::Object && static_cast<Object*>(cell)->class_id() == ClassId::HostObject;
}

bool begin_baseline(Context& ctx) {
    Runtime& rt = ctx.rt();
    void* mem = rt.alloc(sizeof(Baseline));
    if (!mem) return false;
    auto* b = new (mem) Baseline();
    ctx.m_baseline = b;
    // Held, so that it stays on the list while creation runs.
    b->tail = rt.gc_list().m_gc_prev;
    if (b->tail != &rt.gc_list()) b->tail->ref();
    return true;
}

bool baseline_unrepeatable(Context& ctx, Cell* cell) {
    return vector_push(ctx.m_baseline->eager, Baseline::Eager{cell, 0});
}

bool finish_baseline(Context& ctx) {
    Runtime& rt = ctx.rt();
    Baseline* b = ctx.m_baseline;
    GcCell* head = &rt.gc_list();
    size_t n = 0;
    for (GcCell* c = b->tail->m_gc_next; c != head; c = c->m_gc_next)
        n += recorded(ctx, c);
    if (!vector_reserve(b->cells, n) || !vector_reserve(b->intrinsics, static_cast<size_t>(Intrinsic::Count)))
        return false;
    for (GcCell* c = b->tail->m_gc_next; c != head; c = c->m_gc_next) {
        if (!recorded(ctx, c)) continue;
        c->ref();
        b->cells.push_back(c);
    }
    drop_tail(rt, b);
    for (Object* o : ctx.m_intrinsics)
        b->intrinsics.push_back(o);
    for (Baseline::Eager& e : b->eager)
        e.hash = baseline_content_hash(e.cell);
    return true;
}

BaselineStatus materialize_baseline(Context& ctx, bool fresh) {
    Baseline* b = ctx.m_baseline;
    if (b->captured) return BaselineStatus::Ready;
    Walk walk;
    BaselineStatus status =
        fresh ? (walk_realm(ctx, nullptr, walk) ? BaselineStatus::Ready : BaselineStatus::OutOfMemory)
              : walk_scratch(ctx, walk);
    if (status != BaselineStatus::Ready) return status;
    for (const Baseline::Eager& e : b->eager)
        for (size_t i = 0; i < walk.cells.size(); ++i)
            if (walk.cells[i] == e.cell) walk.hashes[i] = e.hash;
    // The walk's cells take the references; the rest of the creation list (cells no longer reachable
    // from the realm's creation roots) is let go.
    for (Cell* c : walk.cells)
        c->ref();
    Vector<Cell*> created = std::move(b->cells);
    b->cells = std::move(walk.cells);
    b->hashes = std::move(walk.hashes);
    b->fingerprint = walk.fingerprint;
    b->captured = true;
    for (Cell* c : created)
        c->unref();
    return BaselineStatus::Ready;
}

void release_baseline(Context& ctx) {
    Baseline* b = ctx.m_baseline;
    if (!b) return;
    ctx.m_baseline = nullptr;
    drop_tail(ctx.rt(), b);
    Vector<Cell*> cells = std::move(b->cells);
    b->~Baseline();
    ctx.rt().free(b);
    for (Cell* c : cells)
        c->unref();
}

} // namespace qjs
