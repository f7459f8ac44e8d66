// Emitter.h: low-level bytecode writer for one function: instructions with their operands, labels
// and jump patching, operand stack depth tracking, constants, inline cache numbering, the line table
// and exception handler ranges.
#pragma once

#include "bytecode/FunctionBytecode.h"
#include "runtime/Runtime.h"

#include <cstdint>

namespace qjs {

using Label = uint32_t;

// Debugging aid: pc*1000 + expected*10 + actual of the last depth mismatch.
extern uint32_t g_codegen_mismatch_info;

class Emitter {
  public:
    static constexpr int32_t kUnreachable = -1;

    // ---- instructions ----
    void op(Op o);
    void op_u8(Op o, uint8_t v);
    void op_u16(Op o, uint16_t v);
    void op_i32(Op o, int32_t v);
    void op_u32(Op o, uint32_t v);
    void op_atom(Op o, Atom a);
    void op_atom_u8(Op o, Atom a, uint8_t flags);
    void op_atom_ic(Op o, Atom a);
    void op_atom_label_u8(Op o, Atom a, Label l, uint8_t flags);
    void op_const_u8(Op o, uint32_t index, uint8_t flags);
    void op_loc(Op o, uint32_t reg);
    void op_var_ref(Op o, uint32_t index);
    void op_npop(Op o, uint16_t argc);
    void op_npop_u16(Op o, uint16_t argc, uint16_t extra);
    void jump(Op o, Label l); // goto / if_true / if_false / gosub

    // Convenience encodings choosing short forms.
    void push_int(int32_t v);
    void get_loc(uint32_t reg);
    void put_loc(uint32_t reg);
    void set_loc(uint32_t reg);
    void get_var_ref(uint32_t index);
    void call(uint16_t argc);

    // ---- labels ----
    Label new_label();
    void bind(Label l);
    bool label_bound(Label l) const { return m_labels[l].pos >= 0; }

    // ---- stack depth ----
    int32_t depth() const { return m_depth; }
    void set_depth(int32_t d) {
        m_depth = d;
        if (d > m_max_depth) m_max_depth = d;
    }
    void adjust(int32_t delta) { set_depth(m_depth + delta); }
    bool reachable() const { return m_depth != kUnreachable; }
    int32_t max_depth() const { return m_max_depth; }

    // ---- tables ----
    uint32_t add_constant(Value v);
    uint32_t new_ic() { return m_ic_count++; }
    uint32_t ic_count() const { return m_ic_count; }
    void set_position(uint32_t line, uint32_t column);
    uint32_t pc() const { return static_cast<uint32_t>(m_code.size()); }

    // Patches labels; false if a label is unbound (compiler bug).
    bool finish();

    Vector<uint8_t> m_code;
    Vector<Value> m_constants;
    Vector<LineEntry> m_lines;
    Vector<ExceptionHandler> m_handlers;
    bool m_depth_mismatch = false; // a label was reached with two different stack depths (compiler bug)

  private:
    void byte(uint8_t b) { m_code.push_back(b); }
    void u16(uint16_t v);
    void u32(uint32_t v);
    void effect(Op o, uint32_t argc = 0);
    void use_label(Label l, uint32_t patch_at, uint32_t op_pos);

    struct LabelInfo {
        int32_t pos = -1;
        int32_t depth = kUnreachable;
    };
    struct Patch {
        Label label;
        uint32_t at;     // operand offset
        uint32_t op_pos; // jump's opcode offset
    };
    Vector<LabelInfo> m_labels;
    Vector<Patch> m_patches;
    int32_t m_depth = 0;
    int32_t m_max_depth = 0;
    uint32_t m_ic_count = 0;
    uint32_t m_last_line = 0;
    uint32_t m_last_column = 0;
};

} // namespace qjs
