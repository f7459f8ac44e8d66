// FunctionBytecode.h: a compiled function (or script / eval code), the unit the compiler produces
// and the interpreter runs. It is a GcCell: its constant pool references strings, nested
// FunctionBytecodes and (after first use) template objects, and its inline caches reference shapes.
// The design is documented in docs/BYTECODE.md.
#pragma once

#include "bytecode/InlineCache.h"
#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "runtime/Runtime.h"
#include "runtime/Value.h"

#include <cstdint>
#include <span>
#include <string>

namespace qjs {

class String;
struct EvalCache;

enum class Op : uint8_t {
#define QJS_OPCODE(name, size, n_pop, n_push, format) name,
#include "bytecode/Opcodes.def"
#undef QJS_OPCODE
    Count
};

enum class OpFormat : uint8_t {
    none,
    u8,
    i8,
    u16,
    i16,
    u32,
    i32,
    loc,
    loc8,
    var_ref,
    const_,
    const8,
    const_u8,
    atom,
    atom_u8,
    atom_ic,
    atom_label_u8,
    label,
    label8,
    npop,
    npop_u16,
};

struct OpInfo {
    const char* name;
    uint8_t size;  // bytes including the opcode
    uint8_t n_pop; // fixed part (npop formats add the u16 argc)
    uint8_t n_push;
    OpFormat format;
};
extern const OpInfo g_op_info[static_cast<size_t>(Op::Count)];
inline const OpInfo& op_info(Op op) {
    return g_op_info[static_cast<size_t>(op)];
}

// special_object kinds.
enum class SpecialObject : uint8_t {
    Arguments = 0,
    MappedArguments = 1,
    ThisFunc = 2,
    NewTarget = 3,
    HomeObject = 4,
    VarObject = 5,
    ImportMeta = 6,
    ImportFunction = 7, // a function performing import() for the running script or module
};

// throw_error kinds.
enum class ThrowErrorKind : uint8_t {
    ConstAssign = 0,
    NotDefined = 1,
    Redeclaration = 2,
    Uninitialized = 3,
    BadSuper = 4,
    InvalidAssignTarget = 5,
};

// define_var / check_define_var flags.
namespace defvar {
enum : uint8_t { Lexical = 1, Function = 2, Const = 4, Deletable = 8 };
}
// define_method flags.
namespace defmethod {
enum : uint8_t { Method = 0, Getter = 1, Setter = 2, KindMask = 3, Enumerable = 4 };
}
// iterator_call methods.
namespace itercall {
enum : uint8_t { Next = 0, Return = 1, Throw = 2 };
}
// Resumption kinds pushed after yield / yield_star.
namespace resume {
enum : int32_t { Next = 0, Throw = 1, Return = 2 };
}

// How a new closure obtains closure variable i (FunctionBytecode::closure_vars()[i]).
struct ClosureVarDesc {
    Atom name = atoms::invalid; // for TDZ messages, debugging and direct eval
    uint16_t index = 0;         // parent's register (from_parent_local) or parent's closure var
    uint8_t flags = 0;          // closurevar::*
};
namespace closurevar {
enum : uint8_t {
    FromParentLocal = 1, // the parent frame's register `index` holds the VarRef (a boxed register)
    Const = 2,           // const binding (assignments are compiled to throw_error)
    Lexical = 4,         // let/const/class binding (may be in TDZ)
    FunctionName = 8,    // the name binding of a named function expression (assignments ignored in sloppy)
};
}

// Describes register i (params first, then locals) for debugging and direct eval.
struct LocalDesc {
    Atom name = atoms::invalid; // invalid for compiler temporaries
    int32_t scope = -1;         // index in m_scopes of the declaring scope; -1: function var scope
    uint8_t flags = 0;          // localflag::*
};
namespace localflag {
enum : uint8_t {
    Captured = 1, // the register holds a VarRef (boxed) while its scope is live
    Const = 2,
    Lexical = 4,
    Param = 8,
    FunctionName = 16,
    ParamScope = 32, // in the parameter scope of a function with parameter expressions (direct eval)
};
}

// A lexical scope of the function (block, catch clause, loop body, ...): for direct eval, which
// must resolve names visible at its call site. The eval instruction names a scope index.
struct ScopeDesc {
    int32_t parent = -1; // enclosing scope in this function, -1 for the function's var scope
};

// try/catch/finally: a pc range and where to go when an exception is thrown inside it. Entries are
// ordered innermost first; the first entry whose [start, end) contains the throwing pc wins.
struct ExceptionHandler {
    uint32_t start = 0;       // first covered pc (offset of an opcode byte)
    uint32_t end = 0;         // one past the last covered byte
    uint32_t target = 0;      // handler pc: runs with the exception pushed on the stack
    uint32_t stack_depth = 0; // operand stack depth (values) to truncate to before pushing it
};

// pc -> source position. Entries sorted by pc; an instruction at pc has the position of the last
// entry with entry.pc <= pc.
struct LineEntry {
    uint32_t pc = 0;
    uint32_t line = 0;   // 1-based
    uint32_t column = 0; // 1-based
};

namespace fbflag {
enum : uint32_t {
    Strict = 1u << 0,
    Arrow = 1u << 1,
    Generator = 1u << 2,
    Async = 1u << 3,
    Method = 1u << 4, // object/class method (no prototype, not a constructor)
    Getter = 1u << 5,
    Setter = 1u << 6,
    ClassConstructor = 1u << 7,   // base class constructor
    DerivedConstructor = 1u << 8, // `class extends` constructor: `this` starts uninitialized
    HasPrototype = 1u << 9,       // ordinary function / generator: gets a "prototype" property
    IsConstructor = 1u << 10,     // has [[Construct]] (ordinary functions, classes)
    NeedsHomeObject = 1u << 11,   // uses super.x
    UsesArguments = 1u << 12,
    SimpleParams = 1u << 13,    // no defaults, rest or destructuring
    IsScript = 1u << 14,        // top-level script code
    IsEval = 1u << 15,          // eval code
    HasDirectEval = 1u << 16,   // contains a direct eval call (all its variables are boxed)
    ClassFieldInit = 1u << 17,  // a class fields initializer / static block function
    AnonymousName = 1u << 18,   // unused (the name atom is empty_string)
    HasNameProperty = 1u << 19, // unused: every closure gets its own "name" (static name() redefines it)
};
}

// A function's tables while they are built (by the compiler or a reader). FunctionBytecode keeps
// them in one block sized exactly, instead of eight growable vectors with their headers and slack.
struct FunctionTables {
    Vector<uint8_t> code;
    Vector<Value> constants; // numbers, strings, BigInts, nested FunctionBytecodes (InternalCell)
    Vector<ClosureVarDesc> closure_vars;
    Vector<ExceptionHandler> handlers;
    Vector<LineEntry> lines;
    Vector<LocalDesc> locals; // register_count() entries (may be empty if no debug info)
    Vector<ScopeDesc> scopes;
    uint32_t ic_count = 0; // number of distinct ic operands

    // Bytes of the block FunctionBytecode keeps them in.
    size_t block_bytes() const;
};

class FunctionBytecode : public GcCell {
  public:
    FunctionBytecode() : GcCell(CellKind::FunctionBytecode) {}
    ~FunctionBytecode();

    // Allocates an empty FunctionBytecode on the runtime's heap (nullptr on OOM); a reader fills the
    // public fields and then calls set_tables.
    static FunctionBytecode* create(Runtime&);
    // Allocates a FunctionBytecode with `tables` in the same allocation (nullptr on OOM; the tables'
    // values are then still owned by `tables`).
    static FunctionBytecode* create(Runtime&, FunctionTables& tables);
    // Replaces the (empty) tables with `tables`, copied into one block (false on OOM: `tables` keeps
    // its values). The constants are moved out of `tables`.
    bool set_tables(Runtime&, FunctionTables& tables);
    // Drops the tables (the constants' and caches' references included): a delta snapshot refills it.
    void clear_tables();

    bool is_strict() const { return m_flags & fbflag::Strict; }
    bool is_arrow() const { return m_flags & fbflag::Arrow; }
    bool is_generator() const { return m_flags & fbflag::Generator; }
    bool is_async() const { return m_flags & fbflag::Async; }
    bool is_derived_constructor() const { return m_flags & fbflag::DerivedConstructor; }
    bool is_class_constructor() const {
        return m_flags & (fbflag::ClassConstructor | fbflag::DerivedConstructor);
    }
    // Generators and async functions run on heap frames (they can suspend).
    bool needs_heap_frame() const { return m_flags & (fbflag::Generator | fbflag::Async); }
    uint32_t register_count() const { return m_param_count + m_local_count; }

    // Source position of the instruction at `pc` (line 0 if unknown).
    LineEntry position_of(uint32_t pc) const;

    // ---- tables (one block: constants, closure vars, handlers, lines, locals, scopes, code) ----
    std::span<const uint8_t> code() const { return {m_code, m_code_size}; }
    std::span<uint8_t> code() { return {m_code, m_code_size}; }
    std::span<const Value> constants() const {
        return {reinterpret_cast<const Value*>(m_block), m_constant_count};
    }
    std::span<Value> constants() { return {reinterpret_cast<Value*>(m_block), m_constant_count}; }
    std::span<const ClosureVarDesc> closure_vars() const {
        return {reinterpret_cast<const ClosureVarDesc*>(m_block + closure_vars_offset()),
                m_closure_var_count};
    }
    std::span<const ExceptionHandler> handlers() const {
        return {reinterpret_cast<const ExceptionHandler*>(m_block + handlers_offset()), m_handler_count};
    }
    std::span<const LineEntry> lines() const {
        return {reinterpret_cast<const LineEntry*>(m_block + lines_offset()), m_line_count};
    }
    std::span<const LocalDesc> locals() const {
        return {reinterpret_cast<const LocalDesc*>(m_block + locals_offset()), m_local_desc_count};
    }
    std::span<const ScopeDesc> scopes() const {
        return {reinterpret_cast<const ScopeDesc*>(m_block + scopes_offset()), m_scope_count};
    }
    // Out of line: the interpreter's loop stays as small as it can (register pressure).
    Atom closure_var_name(uint32_t i) const;
    const ExceptionHandler* handler_at(uint32_t pc) const; // the innermost handler covering pc
    void drop_lines() { m_line_count = 0; }                // strip debug info (the bytes stay in the block)

    // Inline caches: allocated when the function first runs (most functions of a library never
    // run, and an unused cache costs as much as a used one).
    uint32_t ic_count() const { return m_ic_count; }
    // nullptr until the first run (a function without caches has a dummy pointer).
    InlineCache* ics() const { return m_ics; }
    // Allocates the caches (nullptr when out of memory).
    InlineCache* allocate_ics();

    // ---- counts ----
    uint16_t m_param_count = 0; // registers 0..m_param_count-1 receive the actual arguments
    uint16_t m_length = 0;      // the function's "length" property (params before the first default/rest)
    uint16_t m_local_count = 0; // registers after the params
    uint16_t m_stack_size = 0;  // max operand stack depth
    uint32_t m_flags = 0;       // fbflag::*

    // ---- names and source ----
    Atom m_name = atoms::invalid;     // the function's name (empty_string for anonymous)
    Atom m_filename = atoms::invalid; // script name for backtraces
    String* m_source = nullptr;       // whole source text (strong reference), for Function.prototype.toString
    uint32_t m_source_start = 0;      // [start, end) of this function's text in m_source
    uint32_t m_source_end = 0;
    uint32_t m_line = 0; // position of the function's start
    uint32_t m_column = 0;
    EvalCache* m_eval_cache = nullptr; // direct evals' compiled code (bytecode/EvalCache.h), not snapshotted

  private:
    // Offsets in the block, in its order (each table's alignment divides the size of the ones before).
    size_t closure_vars_offset() const { return m_constant_count * sizeof(Value); }
    size_t handlers_offset() const {
        return closure_vars_offset() + m_closure_var_count * sizeof(ClosureVarDesc);
    }
    size_t lines_offset() const { return handlers_offset() + m_handler_count * sizeof(ExceptionHandler); }
    size_t locals_offset() const { return lines_offset() + m_line_count_allocated * sizeof(LineEntry); }
    size_t scopes_offset() const { return locals_offset() + m_local_desc_count * sizeof(LocalDesc); }
    void fill_block(uint8_t* block, FunctionTables& tables);
    static InlineCache* no_caches();

    uint8_t* m_block = nullptr; // the tables; right after this cell when allocated with it
    uint8_t* m_code = nullptr;  // in the block, after the other tables
    InlineCache* m_ics = nullptr;
    uint32_t m_code_size = 0;
    uint32_t m_constant_count = 0;
    uint32_t m_closure_var_count = 0;
    uint32_t m_handler_count = 0;
    uint32_t m_line_count = 0;
    uint32_t m_line_count_allocated = 0; // drop_lines keeps the block's layout
    uint32_t m_local_desc_count = 0;
    uint32_t m_scope_count = 0;
    uint32_t m_ic_count = 0;
};

// Code offsets and reading helpers shared by the interpreter and the disassembler.
inline uint16_t read_u16(const uint8_t* p) {
    uint16_t v;
    __builtin_memcpy(&v, p, 2);
    return v;
}
inline uint32_t read_u32(const uint8_t* p) {
    uint32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}
inline int32_t read_i32(const uint8_t* p) {
    int32_t v;
    __builtin_memcpy(&v, p, 4);
    return v;
}
inline int16_t read_i16(const uint8_t* p) {
    int16_t v;
    __builtin_memcpy(&v, p, 2);
    return v;
}

// Writes a human-readable listing of `fb` (and nested functions) to `out` (Disassembler.cpp).
void disassemble(Runtime&, const FunctionBytecode* fb, std::string& out, bool recursive = true);

} // namespace qjs
