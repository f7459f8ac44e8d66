// Frames.h: activation records.
//
// Every running bytecode function has a Frame (a C++ struct on the native stack) pointing at its
// value storage: [this, new.target, registers..., operand stack...]. Ordinary calls allocate that
// storage on the native stack; generator and async functions keep it in a HeapFrame cell, so a
// suspended activation is plain heap data (the pc is saved as an offset) and resuming just builds a
// new Frame over the same storage.
#pragma once

#include "bytecode/FunctionBytecode.h"
#include "gc/Cell.h"
#include "runtime/Value.h"

#include <span>

namespace qjs {

class Context;
class FunctionObject;
class VarRef;
struct HeapFrame;

// Value storage layout of a frame.
constexpr uint32_t kFrameThisSlot = 0;
constexpr uint32_t kFrameNewTargetSlot = 1;
constexpr uint32_t kFrameHeaderSlots = 2;

struct Frame {
    Frame* prev = nullptr; // the caller's frame (Runtime::m_current_frame chain)
    FunctionObject* function = nullptr;
    FunctionBytecode* fb = nullptr;
    Context* realm = nullptr;    // the function's realm
    Value* values = nullptr;     // this, new.target, registers, operand stack
    Value* regs = nullptr;       // values + kFrameHeaderSlots
    Value* stack = nullptr;      // regs + register_count
    VarRef** var_refs = nullptr; // the closure's captured variables
    const uint8_t* pc = nullptr; // the instruction being executed (backtraces, handlers)
    Value* sp = nullptr;         // operand stack top (saved at suspension only)
    std::span<const Value> args; // the actual arguments (valid in the prologue)
    HeapFrame* heap = nullptr;   // non-null for generator/async frames

    Value& this_value() { return values[kFrameThisSlot]; }
    Value& new_target() { return values[kFrameNewTargetSlot]; }
};

// Why run_frame returned for a heap frame.
enum class FrameState : uint8_t {
    Running,
    SuspendedStart, // stopped at initial_yield
    SuspendedYield, // yield: the yielded value was returned
    SuspendedYieldStar,
    SuspendedAwait, // await: the awaited value was returned
    Completed,      // returned or threw
};

// A suspendable frame's storage (CellKind::Frame).
struct HeapFrame : GcCell {
    HeapFrame() : GcCell(CellKind::Frame) {}
    Value function;           // the FunctionObject (keeps the bytecode alive)
    Value owner;              // the generator object / async function's promise capability holder
    uint32_t value_count = 0; // trailing values
    uint32_t pc_offset = 0;   // resume point
    uint32_t sp_offset = 0;   // operand stack depth at suspension
    FrameState state = FrameState::Running;
    bool resume_throw = false; // resume by throwing the pending exception at the suspension point
    Value* values() { return reinterpret_cast<Value*>(this + 1); }
};

// Runs `frame` from frame.pc / frame.sp until it returns, throws (Exception) or suspends (heap
// frames: the state says so and the returned value is the yielded/awaited value).
Value run_frame(Context&, Frame&);

// Allocates a heap frame for `function` (nullptr on OOM, exception pending).
HeapFrame* new_heap_frame(Context&, FunctionObject* function);
// Builds a Frame over a heap frame's storage, ready to resume at its saved pc.
void attach_heap_frame(Frame&, HeapFrame*);

} // namespace qjs
