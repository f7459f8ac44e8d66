// Frames.cpp: heap frames (suspendable activations) and their gc hooks.
#include "vm/Frames.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "vm/FunctionObject.h"

namespace qjs {

HeapFrame* new_heap_frame(Context& ctx, FunctionObject* fo) {
    FunctionBytecode* fb = fo->m_bytecode;
    uint32_t n = kFrameHeaderSlots + fb->register_count() + fb->m_stack_size;
    HeapFrame* h = ctx.rt().new_cell<HeapFrame>(n * sizeof(Value));
    if (!h) {
        ctx.throw_out_of_memory();
        return nullptr;
    }
    Value* values = h->values();
    for (uint32_t i = 0; i < n; i++)
        new (&values[i]) Value();
    h->value_count = n;
    h->function = Value::object(fo);
    return h;
}

void attach_heap_frame(Frame& f, HeapFrame* h) {
    auto* fo = static_cast<FunctionObject*>(h->function.as_object());
    FunctionBytecode* fb = fo->m_bytecode;
    f.function = fo;
    f.fb = fb;
    f.realm = fo->m_realm;
    f.values = h->values();
    f.regs = f.values + kFrameHeaderSlots;
    f.stack = f.regs + fb->register_count();
    f.sp = f.stack + h->sp_offset;
    f.var_refs = fo->var_refs();
    f.pc = fb->code().data() + h->pc_offset;
    f.args = {};
    f.heap = h;
}

void visit_frame(Cell* cell, EdgeVisitor& v) {
    auto* h = static_cast<HeapFrame*>(cell);
    v.visit_value(h->function);
    v.visit_value(h->owner);
    Value* values = h->values();
    for (uint32_t i = 0; i < h->value_count; i++)
        v.visit_value(values[i]);
}

void clear_frame(Cell* cell) {
    auto* h = static_cast<HeapFrame*>(cell);
    Value* values = h->values();
    for (uint32_t i = 0; i < h->value_count; i++)
        values[i] = Value();
    h->owner = Value();
    h->function = Value();
    h->state = FrameState::Completed;
}

void free_frame(Cell* cell) {
    auto* h = static_cast<HeapFrame*>(cell);
    Value* values = h->values();
    for (uint32_t i = 0; i < h->value_count; i++)
        values[i].~Value();
    h->~HeapFrame();
}

} // namespace qjs
