// Disassembler.cpp: a readable listing of a FunctionBytecode, driven by the Opcodes.def table.
#include "base/NumberConversion.h"
#include "bytecode/FunctionBytecode.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

#include <cstdio>

namespace qjs {

static void append_atom(Runtime& rt, Atom a, std::string& out) {
    if (a == atoms::invalid) {
        out += "<invalid>";
    } else if (atom_is_index(a)) {
        out += std::to_string(atom_index_value(a));
    } else if (rt.atom_is_symbol(a)) {
        out += "<symbol>";
    } else {
        out += rt.atom_string(a)->to_utf8();
    }
}

static void append_constant(Runtime& rt, const Value& v, std::string& out) {
    char buf[64];
    switch (v.tag()) {
    case Tag::Int32:
        std::snprintf(buf, sizeof buf, "%d", v.as_int32());
        out += buf;
        break;
    case Tag::Float64: out.append(buf, number_to_string(v.as_float64(), buf)); break;
    case Tag::String: out += '"' + v.as_string()->to_utf8() + '"'; break;
    case Tag::InternalCell: {
        if (v.as_cell()->kind() == CellKind::FunctionBytecode) {
            out += "<function ";
            append_atom(rt, static_cast<FunctionBytecode*>(v.as_cell())->m_name, out);
            out += ">";
        } else {
            out += "<cell>";
        }
        break;
    }
    default: out += "<value>"; break;
    }
}

void disassemble(Runtime& rt, const FunctionBytecode* fb, std::string& out, bool recursive) {
    char buf[128];
    out += "function ";
    append_atom(rt, fb->m_name, out);
    std::snprintf(buf, sizeof buf, " (params %u, locals %u, stack %u, flags 0x%x)\n", fb->m_param_count,
                  fb->m_local_count, fb->m_stack_size, fb->m_flags);
    out += buf;
    for (size_t i = 0; i < fb->closure_vars().size(); i++) {
        const ClosureVarDesc& d = fb->closure_vars()[i];
        std::snprintf(buf, sizeof buf, "  closure %zu: %s %u flags %u ", i,
                      (d.flags & closurevar::FromParentLocal) ? "parent reg" : "parent closure", d.index,
                      d.flags);
        out += buf;
        append_atom(rt, d.name, out);
        out += '\n';
    }
    for (const ExceptionHandler& h : fb->handlers()) {
        std::snprintf(buf, sizeof buf, "  handler [%u, %u) -> %u depth %u\n", h.start, h.end, h.target,
                      h.stack_depth);
        out += buf;
    }
    const uint8_t* code = fb->code().data();
    size_t size = fb->code().size();
    for (size_t pc = 0; pc < size;) {
        auto op = static_cast<Op>(code[pc]);
        if (op >= Op::Count) {
            std::snprintf(buf, sizeof buf, "  %5zu: <bad opcode %u>\n", pc, code[pc]);
            out += buf;
            break;
        }
        const OpInfo& info = op_info(op);
        std::snprintf(buf, sizeof buf, "  %5zu: %s", pc, info.name);
        out += buf;
        const uint8_t* p = code + pc + 1;
        switch (info.format) {
        case OpFormat::none: break;
        case OpFormat::u8:
        case OpFormat::loc8:
        case OpFormat::const8:
            std::snprintf(buf, sizeof buf, " %u", p[0]);
            out += buf;
            break;
        case OpFormat::i8:
            std::snprintf(buf, sizeof buf, " %d", static_cast<int8_t>(p[0]));
            out += buf;
            break;
        case OpFormat::u16:
        case OpFormat::loc:
        case OpFormat::var_ref:
        case OpFormat::npop:
            std::snprintf(buf, sizeof buf, " %u", read_u16(p));
            out += buf;
            break;
        case OpFormat::i16:
            std::snprintf(buf, sizeof buf, " %d", read_i16(p));
            out += buf;
            break;
        case OpFormat::u32:
            std::snprintf(buf, sizeof buf, " %u", read_u32(p));
            out += buf;
            break;
        case OpFormat::i32:
            std::snprintf(buf, sizeof buf, " %d", read_i32(p));
            out += buf;
            break;
        case OpFormat::const_:
        case OpFormat::const_u8: {
            uint32_t idx = read_u32(p);
            std::snprintf(buf, sizeof buf, " [%u] ", idx);
            out += buf;
            if (idx < fb->constants().size()) append_constant(rt, fb->constants()[idx], out);
            if (info.format == OpFormat::const_u8) {
                std::snprintf(buf, sizeof buf, " %u", p[4]);
                out += buf;
            }
            break;
        }
        case OpFormat::atom:
        case OpFormat::atom_u8:
        case OpFormat::atom_ic:
        case OpFormat::atom_label_u8:
            out += ' ';
            append_atom(rt, read_u32(p), out);
            if (info.format == OpFormat::atom_u8) std::snprintf(buf, sizeof buf, " %u", p[4]), out += buf;
            if (info.format == OpFormat::atom_ic)
                std::snprintf(buf, sizeof buf, " ic%u", read_u16(p + 4)), out += buf;
            if (info.format == OpFormat::atom_label_u8)
                std::snprintf(buf, sizeof buf, " -> %zu %u", pc + read_i32(p + 4), p[8]), out += buf;
            break;
        case OpFormat::label:
            std::snprintf(buf, sizeof buf, " -> %zu", pc + read_i32(p));
            out += buf;
            break;
        case OpFormat::label8:
            std::snprintf(buf, sizeof buf, " -> %zu", pc + static_cast<int8_t>(p[0]));
            out += buf;
            break;
        case OpFormat::npop_u16:
            std::snprintf(buf, sizeof buf, " %u scope %u", read_u16(p), read_u16(p + 2));
            out += buf;
            break;
        }
        if ((info.format == OpFormat::loc || info.format == OpFormat::loc8) && fb->locals().size()) {
            uint32_t r = info.format == OpFormat::loc ? read_u16(p) : p[0];
            if (r < fb->locals().size() && fb->locals()[r].name != atoms::invalid) {
                out += " (";
                append_atom(rt, fb->locals()[r].name, out);
                out += ')';
            }
        }
        out += '\n';
        pc += info.size;
    }
    if (!recursive) return;
    for (const Value& c : fb->constants()) {
        if (c.is_internal_cell() && c.as_cell()->kind() == CellKind::FunctionBytecode) {
            out += '\n';
            disassemble(rt, static_cast<const FunctionBytecode*>(c.as_cell()), out, true);
        }
    }
}

} // namespace qjs
