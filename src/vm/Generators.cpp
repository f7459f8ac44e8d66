// Generators.cpp: starting suspendable functions and the generator resumption protocol
// (27.5.3 GeneratorStart / GeneratorResume / GeneratorResumeAbrupt / GeneratorYield).
#include "vm/Generators.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Iteration.h"
#include "vm/AsyncFunctions.h"
#include "vm/FunctionObject.h"
#include "vm/SlowPaths.h"

namespace qjs {

static HeapFrame* frame_of(const Value& v) {
    return static_cast<HeapFrame*>(v.as_cell());
}

// Pushes the resumption value(s) the suspended instruction expects onto the frame's stack.
void push_resumption(HeapFrame* h, const Value& v, int32_t kind) {
    auto* fo = static_cast<FunctionObject*>(h->function.as_object());
    Value* stack = h->values() + kFrameHeaderSlots + fo->m_bytecode->register_count();
    switch (h->state) {
    case FrameState::SuspendedYield:
    case FrameState::SuspendedYieldStar:
        stack[h->sp_offset++] = v;
        stack[h->sp_offset++] = Value::int32(kind);
        break;
    case FrameState::SuspendedAwait: stack[h->sp_offset++] = v; break;
    default: break;
    }
}

Value start_suspendable_function(Context& ctx, FunctionObject* fo, Value this_binding,
                                 std::span<const Value> args) {
    FunctionBytecode* fb = fo->m_bytecode;
    HeapFrame* h = new_heap_frame(ctx, fo);
    if (!h) return Exception{};
    Value frame = Value::adopt(Tag::InternalCell, h);
    h->values()[kFrameThisSlot] = std::move(this_binding);
    Frame f;
    attach_heap_frame(f, h);
    f.args = args;
    size_t n = args.size() < fb->m_param_count ? args.size() : fb->m_param_count;
    for (size_t i = 0; i < n; i++)
        f.regs[i] = args[i];

    if (!fb->is_generator()) return async_function_start(ctx, frame, f);

    // 27.5.3.1 / 27.6.3.2: FunctionDeclarationInstantiation (the prologue, up to initial_yield)...
    ctx.rt().m_js_call_depth++;
    Value r = run_frame(ctx, f);
    ctx.rt().m_js_call_depth--;
    if (r.is_exception()) return Exception{};
    VERIFY(h->state == FrameState::SuspendedStart);
    // ... then OrdinaryCreateFromConstructor(functionObject, "%GeneratorFunction.prototype.prototype%").
    bool async = fb->is_async();
    Object* default_proto =
        ctx.intrinsic(async ? Intrinsic::AsyncGeneratorPrototype : Intrinsic::GeneratorPrototype);
    if (!default_proto) default_proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* proto = TRY(get_prototype_from_constructor(ctx, Value::object(fo), default_proto));
    auto* gen =
        Object::create_as<GeneratorObject>(ctx, proto, async ? ClassId::AsyncGenerator : ClassId::Generator);
    if (proto) proto->unref();
    if (!gen) return Exception{};
    Value result = Value::adopt(Tag::Object, gen);
    gen->m_frame = frame;
    gen->m_state = GeneratorObject::State::SuspendedStart;
    if (async) {
        h->owner = result; // await resumptions continue the generator (a cycle the collector handles)
        Value queue = TRY(new_array(ctx, 0));
        gen->m_queue = std::move(queue);
    }
    return result;
}

static void finish_generator(GeneratorObject* gen) {
    gen->m_state = GeneratorObject::State::Completed;
    gen->m_frame = Value();
}

// 27.5.3.3 GeneratorResume / 27.5.3.4 GeneratorResumeAbrupt
Value generator_resume(Context& ctx, const Value& generator, const Value& v, int32_t kind) {
    // GeneratorValidate.
    if (!generator.is_object() || generator.as_object()->class_id() != ClassId::Generator)
        return ctx.throw_type_error("not a generator object");
    auto* gen = static_cast<GeneratorObject*>(generator.as_object());
    using State = GeneratorObject::State;
    if (gen->m_state == State::Executing) return ctx.throw_type_error("generator is already running");
    if (gen->m_state == State::SuspendedStart && kind != resume::Next) finish_generator(gen);
    if (gen->m_state == State::Completed) {
        if (kind == resume::Throw) return ctx.throw_value(v);
        return create_iter_result_object(ctx, kind == resume::Return ? v : Value::undefined(), true);
    }
    Value frame = gen->m_frame; // keeps the frame alive while it runs
    HeapFrame* h = frame_of(frame);
    if (gen->m_state == State::SuspendedYield) {
        if (kind == resume::Throw && h->state == FrameState::SuspendedYield) {
            ctx.throw_value(v);
            h->resume_throw = true;
        } else {
            push_resumption(h, v, kind);
        }
    }
    gen->m_state = State::Executing;
    Frame f;
    attach_heap_frame(f, h);
    if (ctx.check_stack_overflow()) {
        gen->m_state = State::SuspendedYield;
        return Exception{};
    }
    ctx.rt().m_js_call_depth++;
    Value r = run_frame(ctx, f);
    ctx.rt().m_js_call_depth--;
    if (r.is_exception()) {
        finish_generator(gen);
        return Exception{};
    }
    switch (h->state) {
    case FrameState::SuspendedYield:
        gen->m_state = State::SuspendedYield;
        return create_iter_result_object(ctx, r, false);
    case FrameState::SuspendedYieldStar:
        // yield* in a sync generator hands the inner result object through unchanged.
        gen->m_state = State::SuspendedYield;
        return r;
    case FrameState::Completed: finish_generator(gen); return create_iter_result_object(ctx, r, true);
    default:
        finish_generator(gen);
        return ctx.throw_error(ErrorType::InternalError, "bad generator suspension");
    }
}

static void visit_generator(Object* o, EdgeVisitor& v) {
    auto* g = static_cast<GeneratorObject*>(o);
    v.visit_value(g->m_frame);
    v.visit_value(g->m_queue);
}

static void clear_generator(Object* o) {
    auto* g = static_cast<GeneratorObject*>(o);
    g->m_frame = Value();
    g->m_queue = Value();
}

static bool write_generator(Object* o, HeapWriter& w) {
    auto* g = static_cast<GeneratorObject*>(o);
    w.value(g->m_frame);
    w.out().u8(static_cast<uint8_t>(g->m_state));
    w.value(g->m_queue);
    return true;
}
static bool read_generator(Object* o, HeapReader& r) {
    auto* g = static_cast<GeneratorObject*>(o);
    uint8_t state;
    if (!r.value(&g->m_frame) || !r.u8(&state) || !r.value(&g->m_queue)) return false;
    if (!g->m_frame.is_undefined() &&
        !(g->m_frame.is_internal_cell() && g->m_frame.as_cell()->kind() == CellKind::Frame))
        return r.fail("generator frame is not a frame");
    // Executing: an async generator awaiting inside its body (its frame is suspended at an await).
    if (state > static_cast<uint8_t>(GeneratorObject::State::Completed)) return r.fail("bad generator state");
    g->m_state = static_cast<GeneratorObject::State>(state);
    // A sync generator resumes its frame; an async one may be draining its queue after its frame is gone.
    if (o->class_id() == ClassId::Generator && g->m_state != GeneratorObject::State::Completed &&
        g->m_frame.is_undefined())
        return r.fail("suspended generator without a frame");
    return true;
}
static const ClassSnapshotHooks kGeneratorSnapshot = {
    sizeof(GeneratorObject), 0,       nullptr, construct_payload<GeneratorObject>, write_generator,
    read_generator,          nullptr,
};

void register_generator_classes() {
    ClassHooks hooks;
    hooks.visit = visit_generator;
    hooks.clear = clear_generator;
    hooks.snapshot = &kGeneratorSnapshot;
    register_class_hooks(ClassId::Generator, hooks);
    register_class_hooks(ClassId::AsyncGenerator, hooks);
}

} // namespace qjs
