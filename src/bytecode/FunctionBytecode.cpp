// FunctionBytecode.cpp: the compiled-function cell: opcode table, allocation and gc hooks.
#include "bytecode/FunctionBytecode.h"

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

void ic_reset(InlineCache& ic) {
    Shape* s = ic.shape;
    Shape* a = ic.aux;
    ic.shape = nullptr;
    ic.aux = nullptr;
    if (s) s->unref();
    if (a) a->unref();
}

void ic_fill(InlineCache& ic, InlineCache::Kind kind, Shape* shape, Shape* aux, uint32_t slot) {
    shape->ref();
    if (aux) aux->ref();
    ic_reset(ic);
    ic.shape = shape;
    ic.aux = aux;
    ic.slot = slot;
    ic.kind = kind;
}

FunctionBytecode::~FunctionBytecode() {
    for (InlineCache& ic : m_ics)
        ic_reset(ic);
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
    }
    if (fb->m_source) v.visit_cell(fb->m_source);
}

void clear_function_bytecode(Cell* cell) {
    auto* fb = static_cast<FunctionBytecode*>(cell);
    for (Value& c : fb->m_constants)
        c = Value::undefined();
    for (InlineCache& ic : fb->m_ics)
        ic_reset(ic);
}

void free_function_bytecode(Cell* cell) {
    static_cast<FunctionBytecode*>(cell)->~FunctionBytecode();
}

} // namespace qjs
