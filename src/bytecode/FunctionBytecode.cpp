// FunctionBytecode.cpp: the compiled-function cell: opcode table, allocation and gc hooks.
#include "bytecode/FunctionBytecode.h"
#include "bytecode/EvalCache.h"

#include "gc/Visitor.h"
#include "runtime/String.h"

#include <cstring>

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

size_t FunctionTables::block_bytes() const {
    return constants.size() * sizeof(Value) + closure_vars.size() * sizeof(ClosureVarDesc) +
           handlers.size() * sizeof(ExceptionHandler) + lines.size() * sizeof(LineEntry) +
           locals.size() * sizeof(LocalDesc) + scopes.size() * sizeof(ScopeDesc) + code.size();
}

// Lays the tables out in `block` (block_bytes() of them), moving the constants.
void FunctionBytecode::fill_block(uint8_t* block, FunctionTables& t) {
    m_block = block;
    m_constant_count = static_cast<uint32_t>(t.constants.size());
    m_closure_var_count = static_cast<uint32_t>(t.closure_vars.size());
    m_handler_count = static_cast<uint32_t>(t.handlers.size());
    m_line_count = m_line_count_allocated = static_cast<uint32_t>(t.lines.size());
    m_local_desc_count = static_cast<uint32_t>(t.locals.size());
    m_scope_count = static_cast<uint32_t>(t.scopes.size());
    m_code_size = static_cast<uint32_t>(t.code.size());
    m_ic_count = t.ic_count;
    m_ics = m_ic_count ? nullptr : no_caches();
    auto* constants = reinterpret_cast<Value*>(block);
    for (uint32_t i = 0; i < m_constant_count; ++i)
        new (&constants[i]) Value(std::move(t.constants[i]));
    t.constants.clear();
    auto copy = [&](size_t offset, const auto& v) {
        if (!v.empty()) std::memcpy(block + offset, v.data(), v.size() * sizeof(v[0]));
    };
    copy(closure_vars_offset(), t.closure_vars);
    copy(handlers_offset(), t.handlers);
    copy(lines_offset(), t.lines);
    copy(locals_offset(), t.locals);
    copy(scopes_offset(), t.scopes);
    m_code = block + scopes_offset() + m_scope_count * sizeof(ScopeDesc);
    copy(m_code - block, t.code);
}

FunctionBytecode* FunctionBytecode::create(Runtime& rt, FunctionTables& tables) {
    FunctionBytecode* fb = rt.new_cell<FunctionBytecode>(tables.block_bytes());
    if (!fb) return nullptr;
    fb->fill_block(reinterpret_cast<uint8_t*>(fb + 1), tables);
    return fb;
}

bool FunctionBytecode::set_tables(Runtime& rt, FunctionTables& tables) {
    size_t bytes = tables.block_bytes();
    auto* block = static_cast<uint8_t*>(bytes ? rt.alloc(bytes) : nullptr);
    if (bytes && !block) return false;
    clear_tables();
    fill_block(block, tables);
    return true;
}

void FunctionBytecode::clear_tables() {
    if (m_ics && m_ic_count) {
        for (uint32_t i = 0; i < m_ic_count; ++i)
            ic_reset(m_ics[i]);
        Runtime::current()->free(m_ics);
        m_ics = nullptr;
    }
    for (Value& c : constants())
        c.~Value();
    if (m_block && m_block != reinterpret_cast<uint8_t*>(this + 1)) Runtime::current()->free(m_block);
    m_block = m_code = nullptr;
    m_code_size = m_constant_count = m_closure_var_count = m_handler_count = 0;
    m_line_count = m_line_count_allocated = m_local_desc_count = m_scope_count = m_ic_count = 0;
}

Atom FunctionBytecode::closure_var_name(uint32_t i) const {
    return closure_vars()[i].name;
}

const ExceptionHandler* FunctionBytecode::handler_at(uint32_t pc) const {
    for (const ExceptionHandler& h : handlers())
        if (pc >= h.start && pc < h.end) return &h;
    return nullptr;
}

// What a function without caches points at, so that the interpreter tests only the pointer at
// entry (never read or written: no instruction of such a function has a cache operand).
InlineCache* FunctionBytecode::no_caches() {
    static InlineCache none;
    return &none;
}

InlineCache* FunctionBytecode::allocate_ics() {
    if (m_ics) return m_ics;
    void* mem = Runtime::current()->alloc(m_ic_count * sizeof(InlineCache));
    if (!mem) return nullptr;
    m_ics = static_cast<InlineCache*>(mem);
    for (uint32_t i = 0; i < m_ic_count; ++i)
        new (&m_ics[i]) InlineCache();
    return m_ics;
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
    clear_tables();
    release_eval_cache(this);
    if (m_source) m_source->unref();
}

LineEntry FunctionBytecode::position_of(uint32_t pc) const {
    LineEntry best{0, m_line, m_column};
    std::span<const LineEntry> lines = this->lines();
    size_t lo = 0, hi = lines.size();
    while (lo < hi) { // last entry with entry.pc <= pc
        size_t mid = (lo + hi) / 2;
        if (lines[mid].pc <= pc) {
            best = lines[mid];
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return best;
}

void visit_function_bytecode(Cell* cell, EdgeVisitor& v) {
    auto* fb = static_cast<FunctionBytecode*>(cell);
    for (Value& c : fb->constants())
        v.visit_value(c);
    InlineCache* ics = fb->ics();
    for (uint32_t k = 0; ics && k < fb->ic_count(); ++k) {
        InlineCache& ic = ics[k];
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
    for (Value& c : fb->constants())
        c = Value::undefined();
    InlineCache* ics = fb->ics();
    for (uint32_t k = 0; ics && k < fb->ic_count(); ++k)
        ic_reset(ics[k]);
    release_eval_cache(fb);
}

void free_function_bytecode(Cell* cell) {
    static_cast<FunctionBytecode*>(cell)->~FunctionBytecode();
}

} // namespace qjs
