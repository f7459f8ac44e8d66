// Emitter.cpp: instruction encoding, labels and stack depth bookkeeping.
#include "bytecode/Emitter.h"

namespace qjs {

uint32_t g_codegen_mismatch_info = 0;

void Emitter::u16(uint16_t v) {
    byte(v & 0xff);
    byte(v >> 8);
}

void Emitter::u32(uint32_t v) {
    for (int i = 0; i < 4; i++)
        byte((v >> (8 * i)) & 0xff);
}

// Applies the stack effect of `o`. After an instruction that never falls through, the code that
// follows is unreachable until a label with a known depth is bound.
void Emitter::effect(Op o, uint32_t argc) {
    const OpInfo& info = op_info(o);
    if (m_depth == kUnreachable) return; // dead code is not tracked
    set_depth(m_depth - info.n_pop - static_cast<int32_t>(argc) + info.n_push);
    switch (o) {
    case Op::goto_:
    case Op::goto8:
    case Op::return_:
    case Op::return_undef:
    case Op::throw_:
    case Op::throw_error:
    case Op::ret: m_depth = kUnreachable; break;
    default: break;
    }
}

void Emitter::op(Op o) {
    byte(static_cast<uint8_t>(o));
    effect(o);
}

void Emitter::op_u8(Op o, uint8_t v) {
    byte(static_cast<uint8_t>(o));
    byte(v);
    effect(o);
}

void Emitter::op_u16(Op o, uint16_t v) {
    byte(static_cast<uint8_t>(o));
    u16(v);
    effect(o);
}

void Emitter::op_i32(Op o, int32_t v) {
    byte(static_cast<uint8_t>(o));
    u32(static_cast<uint32_t>(v));
    effect(o);
}

void Emitter::op_u32(Op o, uint32_t v) {
    byte(static_cast<uint8_t>(o));
    u32(v);
    effect(o);
}

void Emitter::op_atom(Op o, Atom a) {
    op_u32(o, a);
}

void Emitter::op_atom_u8(Op o, Atom a, uint8_t flags) {
    byte(static_cast<uint8_t>(o));
    u32(a);
    byte(flags);
    effect(o);
}

void Emitter::op_atom_ic(Op o, Atom a) {
    byte(static_cast<uint8_t>(o));
    u32(a);
    u16(static_cast<uint16_t>(new_ic()));
    effect(o);
}

void Emitter::op_atom_label_u8(Op o, Atom a, Label l, uint8_t flags) {
    uint32_t op_pos = pc();
    byte(static_cast<uint8_t>(o));
    u32(a);
    uint32_t at = pc();
    u32(0);
    byte(flags);
    effect(o);
    if (m_depth == kUnreachable) {
        m_patches.push_back({l, at, op_pos});
        return;
    }
    // with_* ops jump with one value pushed (the found value / reference base), see Opcodes.def.
    int32_t jump_depth = m_depth;
    switch (o) {
    case Op::with_get_var:
    case Op::with_delete_var: jump_depth = m_depth + 1; break;
    case Op::with_get_ref:
    case Op::with_make_ref: jump_depth = m_depth + 2; break;
    case Op::with_put_var:
        // Falling through leaves v on the stack (the table lists the found path's effect).
        jump_depth = m_depth;
        m_depth += 1;
        break;
    default: break;
    }
    int32_t saved = m_depth;
    m_depth = jump_depth;
    use_label(l, at, op_pos);
    m_depth = saved;
}

void Emitter::op_const_u8(Op o, uint32_t index, uint8_t flags) {
    byte(static_cast<uint8_t>(o));
    u32(index);
    byte(flags);
    effect(o);
}

void Emitter::op_loc(Op o, uint32_t reg) {
    op_u16(o, static_cast<uint16_t>(reg));
}
void Emitter::op_var_ref(Op o, uint32_t index) {
    op_u16(o, static_cast<uint16_t>(index));
}

void Emitter::op_npop(Op o, uint16_t argc) {
    byte(static_cast<uint8_t>(o));
    u16(argc);
    effect(o, argc);
}

void Emitter::op_npop_u16(Op o, uint16_t argc, uint16_t extra) {
    byte(static_cast<uint8_t>(o));
    u16(argc);
    u16(extra);
    effect(o, argc);
}

void Emitter::jump(Op o, Label l) {
    uint32_t op_pos = pc();
    byte(static_cast<uint8_t>(o));
    uint32_t at = pc();
    u32(0);
    if (m_depth == kUnreachable) {
        m_patches.push_back({l, at, op_pos});
        return;
    }
    if (o == Op::gosub) {
        // The finally block starts with the return address pushed; after `ret` execution continues
        // here at the original depth.
        m_depth += 1;
        use_label(l, at, op_pos);
        m_depth -= 1;
        return;
    }
    if (o == Op::goto_) {
        use_label(l, at, op_pos);
        m_depth = kUnreachable;
        return;
    }
    effect(o); // if_true / if_false pop the condition
    use_label(l, at, op_pos);
}

void Emitter::use_label(Label l, uint32_t patch_at, uint32_t op_pos) {
    m_patches.push_back({l, patch_at, op_pos});
    if (m_depth == kUnreachable) return;
    LabelInfo& info = m_labels[l];
    if (info.depth == kUnreachable)
        info.depth = m_depth;
    else if (info.depth != m_depth && !m_depth_mismatch) {
        m_depth_mismatch = true;
        g_codegen_mismatch_info = pc() * 1000 + static_cast<uint32_t>(info.depth) * 10 + m_depth;
    }
}

void Emitter::push_int(int32_t v) {
    switch (v) {
    case -1: op(Op::push_minus1); return;
    case 0: op(Op::push_0); return;
    case 1: op(Op::push_1); return;
    case 2: op(Op::push_2); return;
    case 3: op(Op::push_3); return;
    default: break;
    }
    if (v >= -128 && v <= 127) {
        op_u8(Op::push_i8, static_cast<uint8_t>(static_cast<int8_t>(v)));
    } else if (v >= -32768 && v <= 32767) {
        op_u16(Op::push_i16, static_cast<uint16_t>(static_cast<int16_t>(v)));
    } else {
        op_i32(Op::push_i32, v);
    }
}

void Emitter::get_loc(uint32_t reg) {
    if (reg < 4) return op(static_cast<Op>(static_cast<uint8_t>(Op::get_loc0) + reg));
    if (reg < 256) return op_u8(Op::get_loc8, static_cast<uint8_t>(reg));
    op_loc(Op::get_loc, reg);
}

void Emitter::put_loc(uint32_t reg) {
    if (reg < 4) return op(static_cast<Op>(static_cast<uint8_t>(Op::put_loc0) + reg));
    if (reg < 256) return op_u8(Op::put_loc8, static_cast<uint8_t>(reg));
    op_loc(Op::put_loc, reg);
}

void Emitter::set_loc(uint32_t reg) {
    if (reg < 4) return op(static_cast<Op>(static_cast<uint8_t>(Op::set_loc0) + reg));
    if (reg < 256) return op_u8(Op::set_loc8, static_cast<uint8_t>(reg));
    op_loc(Op::set_loc, reg);
}

void Emitter::get_var_ref(uint32_t index) {
    if (index < 4) return op(static_cast<Op>(static_cast<uint8_t>(Op::get_var_ref0) + index));
    op_var_ref(Op::get_var_ref, index);
}

void Emitter::call(uint16_t argc) {
    if (argc < 4) return op(static_cast<Op>(static_cast<uint8_t>(Op::call0) + argc));
    op_npop(Op::call, argc);
}

Label Emitter::new_label() {
    m_labels.push_back({});
    return static_cast<Label>(m_labels.size() - 1);
}

void Emitter::bind(Label l) {
    LabelInfo& info = m_labels[l];
    info.pos = static_cast<int32_t>(pc());
    if (m_depth == kUnreachable) {
        m_depth = info.depth; // stays unreachable when no reachable jump targets it
    } else if (info.depth == kUnreachable) {
        info.depth = m_depth;
    } else if (info.depth != m_depth && !m_depth_mismatch) {
        m_depth_mismatch = true;
        g_codegen_mismatch_info = pc() * 1000 + static_cast<uint32_t>(info.depth) * 10 + m_depth;
    }
}

uint32_t Emitter::add_constant(Value v) {
    m_constants.push_back(std::move(v));
    return static_cast<uint32_t>(m_constants.size() - 1);
}

void Emitter::set_position(uint32_t line, uint32_t column) {
    if (line == 0 || (line == m_last_line && column == m_last_column)) return;
    m_last_line = line;
    m_last_column = column;
    if (!m_lines.empty() && m_lines.back().pc == pc()) {
        m_lines.back().line = line;
        m_lines.back().column = column;
        return;
    }
    m_lines.push_back({pc(), line, column});
}

bool Emitter::finish() {
    for (const Patch& p : m_patches) {
        const LabelInfo& info = m_labels[p.label];
        if (info.pos < 0) return false;
        int32_t offset = info.pos - static_cast<int32_t>(p.op_pos);
        uint32_t v = static_cast<uint32_t>(offset);
        for (int i = 0; i < 4; i++)
            m_code[p.at + i] = (v >> (8 * i)) & 0xff;
    }
    return true;
}

} // namespace qjs
