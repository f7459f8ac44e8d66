// FunctionBytecode.cpp: the compiled-function cell: opcode table, allocation and gc hooks.
#include "bytecode/FunctionBytecode.h"
#include "bytecode/EvalCache.h"

#include "gc/Visitor.h"
#include "runtime/String.h"

namespace qjs {

// Format tokens of Opcodes.def -> OpFormat (`const` is a keyword, hence the mapping).
#define QJS_FMT_none OpFormat::none
#define QJS_FMT_u8 OpFormat::u8
#define QJS_FMT_i8 OpFormat::i8
#define QJS_FMT_u16 OpFormat::u16
#define QJS_FMT_i16 OpFormat::i16
#define QJS_FMT_u32 OpFormat::u32
#define QJS_FMT_i32 OpFormat::i32
#define QJS_FMT_loc OpFormat::loc
#define QJS_FMT_loc8 OpFormat::loc8
#define QJS_FMT_var_ref OpFormat::var_ref
#define QJS_FMT_const OpFormat::const_
#define QJS_FMT_const8 OpFormat::const8
#define QJS_FMT_const_u8 OpFormat::const_u8
#define QJS_FMT_atom OpFormat::atom
#define QJS_FMT_atom_u8 OpFormat::atom_u8
#define QJS_FMT_atom_ic OpFormat::atom_ic
#define QJS_FMT_atom_label_u8 OpFormat::atom_label_u8
#define QJS_FMT_label OpFormat::label
#define QJS_FMT_label8 OpFormat::label8
#define QJS_FMT_npop OpFormat::npop
#define QJS_FMT_npop_u16 OpFormat::npop_u16

const OpInfo g_op_info[static_cast<size_t>(Op::Count)] = {
#define QJS_OPCODE(name, size, n_pop, n_push, format) {#name, size, n_pop, n_push, QJS_FMT_##format},
#include "bytecode/Opcodes.def"
#undef QJS_OPCODE
};

FunctionBytecode* FunctionBytecode::create(Runtime& rt) {
    return rt.new_cell<FunctionBytecode>(0);
}

// Empties one entry (not its polymorphic entries).
static void ic_reset_entry(InlineCache& ic) {
    Shape* s = ic.shape;
    Shape* a = ic.aux;
    Shape** chain = ic.chain;
    uint32_t chain_length = ic.depth > 1 ? ic.depth - 1u : 0u;
    ic.shape = nullptr;
    ic.aux = nullptr;
    ic.chain = nullptr;
    ic.depth = 0;
    if (s) s->unref();
    if (a) a->unref();
    if (chain) {
        for (uint32_t i = 0; i < chain_length; ++i)
            chain[i]->unref();
        Runtime::current()->free(chain);
    }
}

void ic_reset(InlineCache& ic) {
    ic_reset_entry(ic);
    if (InlineCache* poly = ic.poly) {
        ic.poly = nullptr;
        for (uint32_t i = 0; i < InlineCache::kPolyEntries; ++i)
            ic_reset_entry(poly[i]);
        Runtime::current()->free(poly);
    }
}

void ic_push_poly(InlineCache& ic) {
    if (!ic.shape) return;
    if (!ic.poly) {
        void* mem = Runtime::current()->alloc(sizeof(InlineCache) * InlineCache::kPolyEntries);
        if (!mem) return;
        ic.poly = static_cast<InlineCache*>(mem);
        for (uint32_t i = 0; i < InlineCache::kPolyEntries; ++i)
            new (&ic.poly[i]) InlineCache();
    }
    InlineCache* poly = ic.poly;
    ic_reset_entry(poly[InlineCache::kPolyEntries - 1]);
    for (uint32_t i = InlineCache::kPolyEntries - 1; i > 0; --i)
        poly[i] = poly[i - 1]; // moves the references
    poly[0] = ic;
    poly[0].poly = nullptr;
    // The references moved to poly[0]: forget them here without releasing.
    ic.shape = nullptr;
    ic.aux = nullptr;
    ic.chain = nullptr;
    ic.depth = 0;
}

namespace {
// Shapes with more entries than this are not cached. A cache's reference keeps a shape from being
// extended in place, so each property added to its object copies the whole shape: a loop that adds
// properties to one object and reads one of them through a cache was quadratic (10,000 index keys
// plus a `length` read: about 1 s). Lookups in big shapes go through their hash index anyway.
constexpr uint32_t kMaxCachedShapeEntries = 1024;
bool too_big_to_cache(const Shape* s) {
    return s && s->count() > kMaxCachedShapeEntries;
}
} // namespace

void ic_fill(InlineCache& ic, InlineCache::Kind kind, Shape* shape, Shape* aux, uint32_t slot) {
    // (The global object and the global lexicals stay cached whatever their size: big scripts have
    // thousands of globals, and they rarely grow inside a loop.)
    bool global = kind == InlineCache::Global || kind == InlineCache::Lexical;
    if (!global && (too_big_to_cache(shape) ||
                    (kind == InlineCache::Add && shape->count() >= InlineCache::kMaxAddShapeEntries))) {
        ic_reset_entry(ic);
        return;
    }
    shape->ref();
    if (aux) aux->ref();
    ic_reset_entry(ic);
    ic.shape = shape;
    ic.aux = aux;
    ic.slot = slot;
    ic.kind = kind;
    ic.depth = kind == InlineCache::Proto ? 1 : 0;
}

void ic_fill_proto(InlineCache& ic, Shape* shape, Shape* const* chain, uint8_t depth, Shape* aux,
                   uint32_t slot) {
    if (depth <= 1 || too_big_to_cache(shape)) {
        ic_fill(ic, InlineCache::Proto, shape, aux, slot);
        return;
    }
    auto* copy = static_cast<Shape**>(Runtime::current()->alloc(sizeof(Shape*) * (depth - 1u)));
    ic_reset_entry(ic);
    if (!copy) return; // out of memory: stay empty (the cache is only an optimisation)
    for (uint32_t i = 0; i + 1 < depth; ++i) {
        copy[i] = chain[i];
        copy[i]->ref();
    }
    ic_fill(ic, InlineCache::Proto, shape, aux, slot);
    ic.chain = copy;
    ic.depth = depth;
}

FunctionBytecode::~FunctionBytecode() {
    for (InlineCache& ic : m_ics)
        ic_reset(ic);
    release_eval_cache(this);
    if (m_source) m_source->unref();
}

LineEntry FunctionBytecode::position_of(uint32_t pc) const {
    LineEntry best{0, m_line, m_column};
    size_t lo = 0, hi = m_lines.size();
    while (lo < hi) { // last entry with entry.pc <= pc
        size_t mid = (lo + hi) / 2;
        if (m_lines[mid].pc <= pc) {
            best = m_lines[mid];
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return best;
}

void visit_function_bytecode(Cell* cell, EdgeVisitor& v) {
    auto* fb = static_cast<FunctionBytecode*>(cell);
    for (Value& c : fb->m_constants)
        v.visit_value(c);
    for (InlineCache& ic : fb->m_ics) {
        if (ic.shape) v.visit_cell(ic.shape);
        if (ic.aux) v.visit_cell(ic.aux);
        if (ic.chain)
            for (uint32_t i = 0; i + 1 < ic.depth; ++i)
                v.visit_cell(ic.chain[i]);
        if (ic.poly) {
            for (uint32_t k = 0; k < InlineCache::kPolyEntries; ++k) {
                InlineCache& e = ic.poly[k];
                if (e.shape) v.visit_cell(e.shape);
                if (e.aux) v.visit_cell(e.aux);
                if (e.chain)
                    for (uint32_t i = 0; i + 1 < e.depth; ++i)
                        v.visit_cell(e.chain[i]);
            }
        }
    }
    if (fb->m_source) v.visit_cell(fb->m_source);
    visit_eval_cache(fb->m_eval_cache, v);
}

void clear_function_bytecode(Cell* cell) {
    auto* fb = static_cast<FunctionBytecode*>(cell);
    for (Value& c : fb->m_constants)
        c = Value::undefined();
    for (InlineCache& ic : fb->m_ics)
        ic_reset(ic);
    release_eval_cache(fb);
}

void free_function_bytecode(Cell* cell) {
    static_cast<FunctionBytecode*>(cell)->~FunctionBytecode();
}

} // namespace qjs
