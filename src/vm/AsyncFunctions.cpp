// AsyncFunctions.cpp: Await (27.7.5.3) and the drivers of async functions and async generators.
//
// `await v` suspends the heap frame and returns v to the driver, which subscribes two native
// resolvers (holding the frame) to PromiseResolve(v); when the promise settles, a resolver pushes
// the value (or arranges a throw at the await) and runs the frame again.
#include "vm/AsyncFunctions.h"

#include "builtins/Promise.h"
#include "runtime/Context.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "vm/FunctionObject.h"
#include "vm/Generators.h"
#include "vm/SlowPaths.h"

namespace qjs {

static HeapFrame* frame_of(const Value& v) {
    return static_cast<HeapFrame*>(v.as_cell());
}
static Value async_resume_native(Context&, const CallArgs&);
static void async_generator_resume_next(Context&, GeneratorObject*);

// Subscribes the frame to the settlement of `v` (PromiseResolve(%Promise%, v).then(...)).
static Result<void> await_value(Context& ctx, const Value& frame, const Value& v) {
    Object* promise_ctor = ctx.intrinsic(Intrinsic::Promise);
    if (!promise_ctor) return ctx.throw_error(ErrorType::InternalError, "await needs Promise");
    Value p = TRY(promise_resolve(ctx, promise_ctor, v));
    Value on_fulfilled = TRY(new_native_function(ctx, async_resume_native, atoms::empty_string, 1, 0, 1));
    static_cast<NativeFunctionObject*>(on_fulfilled.as_object())->data()[0] = frame;
    Value on_rejected = TRY(new_native_function(ctx, async_resume_native, atoms::empty_string, 1, 1, 1));
    static_cast<NativeFunctionObject*>(on_rejected.as_object())->data()[0] = frame;
    return perform_promise_then(ctx, p.as_object(), on_fulfilled, on_rejected, nullptr);
}

// Runs the frame until it completes or suspends at an await it could subscribe to. Returns the
// frame's final state; *result holds the returned/yielded value; Exception = the body threw.
static Value run_until_blocked(Context& ctx, const Value& frame) {
    HeapFrame* h = frame_of(frame);
    for (;;) {
        Frame f;
        attach_heap_frame(f, h);
        ctx.rt().m_js_call_depth++;
        Value r = run_frame(ctx, f);
        ctx.rt().m_js_call_depth--;
        if (r.is_exception()) return Exception{};
        if (h->state != FrameState::SuspendedAwait) return r;
        if (!await_value(ctx, frame, r).is_exception()) return r;
        // PromiseResolve threw (a poisoned constructor/then getter): throw at the await.
        if (ctx.rt().m_uncatchable) return Exception{};
        h->resume_throw = true;
    }
}

// ---- async functions ----

static void async_function_settle(Context& ctx, const Value& frame, Value r) {
    HeapFrame* h = frame_of(frame);
    if (h->state == FrameState::SuspendedAwait && !r.is_exception()) return; // waiting
    Object* promise = h->owner.as_object();
    if (r.is_exception()) {
        if (ctx.rt().m_uncatchable) return; // leaves the exception pending for the job runner
        Value e = ctx.rt().take_exception();
        reject_promise(ctx, promise, e);
    } else if (resolve_promise(ctx, promise, r).is_exception()) {
        Value e = ctx.rt().take_exception();
        reject_promise(ctx, promise, e);
    }
    h->owner = Value(); // breaks the frame -> promise reference
}

// 27.7.5.1 AsyncFunctionStart
Value async_function_start(Context& ctx, const Value& frame, Frame& f) {
    HeapFrame* h = frame_of(frame);
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    h->owner = promise;
    ctx.rt().m_js_call_depth++;
    Value r = run_frame(ctx, f);
    ctx.rt().m_js_call_depth--;
    if (!r.is_exception() && h->state == FrameState::SuspendedAwait) {
        if (await_value(ctx, frame, r).is_exception()) {
            if (ctx.rt().m_uncatchable) return Exception{};
            h->resume_throw = true;
            r = run_until_blocked(ctx, frame);
        }
    }
    if (r.is_exception() && ctx.rt().m_uncatchable) return Exception{};
    async_function_settle(ctx, frame, std::move(r));
    return promise;
}

// The resolvers await subscribes: magic 0 = fulfilled, 1 = rejected.
static Value async_resume_native(Context& ctx, const CallArgs& args) {
    auto* self = static_cast<NativeFunctionObject*>(args.callee);
    Value frame = self->data()[0];
    HeapFrame* h = frame_of(frame);
    if (h->state != FrameState::SuspendedAwait) return Value::undefined();
    if (args.magic == 0) {
        push_resumption(h, args.arg(0), resume::Next);
    } else {
        ctx.throw_value(args.arg(0));
        h->resume_throw = true;
    }
    Value r = run_until_blocked(ctx, frame);
    if (r.is_exception() && ctx.rt().m_uncatchable) return Exception{};
    auto* fo = static_cast<FunctionObject*>(h->function.as_object());
    if (!fo->m_bytecode->is_generator()) {
        async_function_settle(ctx, frame, std::move(r));
        return Value::undefined();
    }
    // Async generator: the await inside its body settled.
    Value gen_value = h->owner;
    auto* gen = static_cast<GeneratorObject*>(gen_value.as_object());
    extern void async_generator_after_run(Context&, GeneratorObject*, Value);
    async_generator_after_run(ctx, gen, std::move(r));
    return Value::undefined();
}

// ---- async generators (27.6.3) ----
// The queue is an Array of triples (kind, value, promise).

static uint32_t queue_size(GeneratorObject* gen) {
    return gen->m_queue.as_object()->m_element_count / 3;
}

static Result<void> queue_push(Context& ctx, GeneratorObject* gen, int32_t kind, const Value& v,
                               const Value& p) {
    Object* q = gen->m_queue.as_object();
    if (!array_push_fast(ctx, q, Value::int32(kind)) || !array_push_fast(ctx, q, v) ||
        !array_push_fast(ctx, q, p))
        return Exception{};
    return {};
}

// Removes the front request, returning its promise.
static Value queue_shift(GeneratorObject* gen) {
    Object* q = gen->m_queue.as_object();
    Value promise = q->m_elements[2];
    uint32_t n = q->m_element_count;
    for (uint32_t i = 3; i < n; i++)
        q->m_elements[i - 3] = std::move(q->m_elements[i]);
    for (uint32_t i = n - 3; i < n; i++)
        q->m_elements[i].~Value();
    q->m_element_count = n - 3;
    q->m_array_length = n - 3;
    return promise;
}

// 27.6.3.4 AsyncGeneratorCompleteStep
static void complete_step(Context& ctx, GeneratorObject* gen, bool is_throw, const Value& v, bool done) {
    Value promise = queue_shift(gen);
    if (is_throw) {
        reject_promise(ctx, promise.as_object(), v);
        return;
    }
    Value result = create_iter_result_object(ctx, v, done);
    if (result.is_exception()) {
        Value e = ctx.rt().take_exception();
        reject_promise(ctx, promise.as_object(), e);
        return;
    }
    if (resolve_promise(ctx, promise.as_object(), result).is_exception()) {
        Value e = ctx.rt().take_exception();
        reject_promise(ctx, promise.as_object(), e);
    }
}

static void finish(GeneratorObject* gen) {
    gen->m_state = GeneratorObject::State::Completed;
    if (gen->m_frame.is_internal_cell()) frame_of(gen->m_frame)->owner = Value();
    gen->m_frame = Value();
}

// Handles the outcome of running the generator's frame (a yield, completion, throw or await).
void async_generator_after_run(Context& ctx, GeneratorObject* gen, Value r) {
    Value keep = Value::object(gen);
    if (r.is_exception()) {
        if (ctx.rt().m_uncatchable) return;
        Value e = ctx.rt().take_exception();
        finish(gen);
        complete_step(ctx, gen, true, e, true);
    } else {
        HeapFrame* h = frame_of(gen->m_frame);
        switch (h->state) {
        case FrameState::SuspendedAwait: return; // still executing
        case FrameState::SuspendedYield:
        case FrameState::SuspendedYieldStar:
            gen->m_state = GeneratorObject::State::SuspendedYield;
            complete_step(ctx, gen, false, r, false);
            break;
        default:
            finish(gen);
            complete_step(ctx, gen, false, r, true);
            break;
        }
    }
    async_generator_resume_next(ctx, gen);
}

// Resolvers of the PromiseResolve in AsyncGeneratorAwaitReturn: magic 0 fulfilled, 1 rejected.
static Value await_return_native(Context& ctx, const CallArgs& args) {
    auto* self = static_cast<NativeFunctionObject*>(args.callee);
    Value gen_value = self->data()[0];
    auto* gen = static_cast<GeneratorObject*>(gen_value.as_object());
    gen->m_state = GeneratorObject::State::Completed;
    complete_step(ctx, gen, args.magic == 1, args.arg(0), true);
    async_generator_resume_next(ctx, gen);
    return Value::undefined();
}

// 27.6.3.9 AsyncGeneratorAwaitReturn
static void await_return(Context& ctx, GeneratorObject* gen, const Value& v) {
    Value gen_value = Value::object(gen);
    gen->m_state = GeneratorObject::State::Executing; // spec: awaiting-return
    Object* promise_ctor = ctx.intrinsic(Intrinsic::Promise);
    Value p = promise_resolve(ctx, promise_ctor, v);
    if (p.is_exception()) {
        Value e = ctx.rt().take_exception();
        gen->m_state = GeneratorObject::State::Completed;
        complete_step(ctx, gen, true, e, true);
        async_generator_resume_next(ctx, gen);
        return;
    }
    Value on_f = new_native_function(ctx, await_return_native, atoms::empty_string, 1, 0, 1);
    Value on_r = new_native_function(ctx, await_return_native, atoms::empty_string, 1, 1, 1);
    if (on_f.is_exception() || on_r.is_exception()) return;
    static_cast<NativeFunctionObject*>(on_f.as_object())->data()[0] = gen_value;
    static_cast<NativeFunctionObject*>(on_r.as_object())->data()[0] = gen_value;
    if (perform_promise_then(ctx, p.as_object(), on_f, on_r, nullptr).is_exception())
        (void)ctx.rt().take_exception();
}

// Serves queued requests while the generator is not executing (27.6.3.x AsyncGeneratorResumeNext
// in the older spec's terms: drain, start, or resume).
static void async_generator_resume_next(Context& ctx, GeneratorObject* gen) {
    using State = GeneratorObject::State;
    Value keep = Value::object(gen);
    while (gen->m_state != State::Executing && queue_size(gen) > 0) {
        Object* q = gen->m_queue.as_object();
        int32_t kind = q->m_elements[0].as_int32();
        Value v = q->m_elements[1];
        if (kind != resume::Next) {
            if (gen->m_state == State::SuspendedStart) finish(gen);
            if (gen->m_state == State::Completed) {
                if (kind == resume::Return) {
                    await_return(ctx, gen, v);
                    return;
                }
                complete_step(ctx, gen, true, v, true);
                continue;
            }
        } else if (gen->m_state == State::Completed) {
            complete_step(ctx, gen, false, Value::undefined(), true);
            continue;
        }
        // Resume the body with the request's completion.
        Value frame = gen->m_frame;
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
        Value r = run_until_blocked(ctx, frame);
        if (r.is_exception() && ctx.rt().m_uncatchable) return;
        if (!r.is_exception() && h->state == FrameState::SuspendedAwait) return; // resumes via await
        // After a yield/return the loop continues with the next request.
        if (r.is_exception()) {
            Value e = ctx.rt().take_exception();
            finish(gen);
            complete_step(ctx, gen, true, e, true);
        } else if (h->state == FrameState::SuspendedYield || h->state == FrameState::SuspendedYieldStar) {
            gen->m_state = State::SuspendedYield;
            complete_step(ctx, gen, false, r, false);
        } else {
            finish(gen);
            complete_step(ctx, gen, false, r, true);
        }
    }
}

// 27.6.3.x AsyncGenerator.prototype.next/return/throw common part.
Value async_generator_enqueue(Context& ctx, const Value& generator, const Value& v, int32_t kind) {
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    // AsyncGeneratorValidate: a non-generator rejects the promise with a TypeError.
    if (!generator.is_object() || generator.as_object()->class_id() != ClassId::AsyncGenerator) {
        ctx.throw_type_error("not an async generator object");
        Value e = ctx.rt().take_exception();
        reject_promise(ctx, promise.as_object(), e);
        return promise;
    }
    auto* gen = static_cast<GeneratorObject*>(generator.as_object());
    TRY(queue_push(ctx, gen, kind, v, promise));
    if (gen->m_state != GeneratorObject::State::Executing) async_generator_resume_next(ctx, gen);
    if (ctx.rt().m_uncatchable) return Exception{};
    return promise;
}

void register_async_natives() {
    register_native(async_resume_native, "async_resume");
    register_native(await_return_native, "async_generator_await_return");
}

} // namespace qjs
