// FunctionTables.h: the tables that follow a function's constants in both binary formats (bytecode
// images and heap snapshots): exception handlers, the line table, local and scope descriptors. The
// formats differ only in how atoms are written, so each passes its own atom codec.
#pragma once

#include "bytecode/FunctionBytecode.h"
#include "snapshot/ByteStream.h"

namespace qjs {

// Writes the code with every atom operand replaced by `atom_index(Atom, uint32_t*)` (false: the atom
// cannot be written, the format's error is set): images and snapshots store atoms as table indexes.
template <typename AtomIndex>
bool write_code(ByteWriter& out, const FunctionBytecode* fb, AtomIndex atom_index) {
    Vector<uint8_t> bytes(fb->code().begin(), fb->code().end());
    for (size_t pc = 0; pc < bytes.size();) {
        const OpInfo& info = op_info(static_cast<Op>(bytes[pc]));
        if (info.format == OpFormat::atom || info.format == OpFormat::atom_u8 ||
            info.format == OpFormat::atom_ic || info.format == OpFormat::atom_label_u8) {
            uint32_t index;
            if (!atom_index(read_u32(&bytes[pc + 1]), &index)) return false;
            __builtin_memcpy(&bytes[pc + 1], &index, 4);
        }
        pc += info.size;
    }
    out.varuint(bytes.size());
    out.bytes(bytes.data(), bytes.size());
    return true;
}

// `write_atom(Atom)` returns false when the atom cannot be written (the format's error is set).
template <typename WriteAtom>
bool write_function_tables(ByteWriter& out, const FunctionBytecode* fb, WriteAtom write_atom) {
    out.varuint(fb->handlers().size());
    for (const ExceptionHandler& h : fb->handlers()) {
        out.varuint(h.start);
        out.varuint(h.end);
        out.varuint(h.target);
        out.varuint(h.stack_depth);
    }
    out.varuint(fb->lines().size());
    for (const LineEntry& l : fb->lines()) {
        out.varuint(l.pc);
        out.varuint(l.line);
        out.varuint(l.column);
    }
    out.varuint(fb->locals().size());
    for (const LocalDesc& l : fb->locals()) {
        if (!write_atom(l.name)) return false;
        out.varint(l.scope);
        out.u8(l.flags);
    }
    out.varuint(fb->scopes().size());
    for (const ScopeDesc& s : fb->scopes())
        out.varint(s.parent);
    return true;
}

// An element count, bounded by the bytes left (each element takes at least one).
inline bool read_table_count(ByteReader& in, uint32_t* n) {
    if (!in.varuint32(n)) return false;
    return *n <= in.remaining() || in.fail("count larger than the data");
}

// Reads and checks the tables into `t` for a function of `registers` registers; `read_atom(Atom*)`
// returns false on a bad atom (the reader's error is set).
template <typename ReadAtom>
bool read_function_tables(ByteReader& in, FunctionTables& t, uint32_t registers, ReadAtom read_atom) {
    uint32_t n;
    if (!read_table_count(in, &n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        ExceptionHandler h;
        if (!in.varuint32(&h.start) || !in.varuint32(&h.end) || !in.varuint32(&h.target) ||
            !in.varuint32(&h.stack_depth))
            return false;
        t.handlers.push_back(h);
    }
    if (!read_table_count(in, &n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
        LineEntry l;
        if (!in.varuint32(&l.pc) || !in.varuint32(&l.line) || !in.varuint32(&l.column)) return false;
        if (i && l.pc < t.lines.back().pc) return in.fail("line table not sorted");
        t.lines.push_back(l);
    }
    uint32_t locals;
    if (!read_table_count(in, &locals)) return false;
    if (locals && locals != registers) return in.fail("local descriptors do not match");
    Vector<int64_t> local_scopes;
    for (uint32_t i = 0; i < locals; ++i) {
        LocalDesc l;
        int64_t scope;
        if (!read_atom(&l.name) || !in.varint(&scope) || !in.u8(&l.flags)) return false;
        local_scopes.push_back(scope);
        l.scope = static_cast<int32_t>(scope < -1 ? -2 : scope > INT32_MAX ? INT32_MAX : scope);
        t.locals.push_back(l);
    }
    uint32_t scopes;
    if (!read_table_count(in, &scopes)) return false;
    for (int64_t scope : local_scopes)
        if (scope < -1 || scope >= int64_t(scopes)) return in.fail("local scope out of range");
    for (uint32_t i = 0; i < scopes; ++i) {
        int64_t parent_scope;
        if (!in.varint(&parent_scope)) return false;
        if (parent_scope < -1 || parent_scope >= int64_t(scopes)) return in.fail("scope parent out of range");
        t.scopes.push_back(ScopeDesc{static_cast<int32_t>(parent_scope)});
    }
    // Walking up from any scope must reach the function scope (-1): no cycles.
    for (uint32_t i = 0; i < scopes; ++i) {
        int32_t s = static_cast<int32_t>(i);
        for (uint32_t steps = 0; s >= 0; ++steps) {
            if (steps > scopes) return in.fail("scope parents form a cycle");
            s = t.scopes[s].parent;
        }
    }
    return true;
}

} // namespace qjs
