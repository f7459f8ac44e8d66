// PromiseOperations.cpp: the promise object and the Promise Abstract Operations
// (ECMA-262 27.2.1, #sec-promise-abstract-operations) and Promise Jobs (27.2.2).
//
// Everything a pending promise needs later lives in heap values, never in C++ closures:
// - a reaction is a native function object (the PromiseReactionJob) whose data slots hold the
//   capability and both handlers; settling a promise enqueues it with « type, argument »;
// - resolving functions are native functions whose data slots hold the promise and their partner
//   (clearing both marks the pair "already resolved");
// - the thenable job is one function per realm taking « promise, thenable, then ».
#include "builtins/Promise.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

namespace {

// The [[PromiseState]], [[PromiseResult]], [[PromiseFulfillReactions]] /
// [[PromiseRejectReactions]] and [[PromiseIsHandled]] slots. Both reaction lists are kept as one
// list of reaction functions (each carries both handlers; they are always added in pairs):
// undefined (none), a single reaction function, or an internal fast array of them.
class PromiseObject : public Object {
  public:
    Value result;
    Value reactions;
    PromiseState state = PromiseState::Pending;
    bool is_handled = false;
};

PromiseObject* as_promise_object(Object* o) {
    return static_cast<PromiseObject*>(o);
}

void promise_visit(Object* o, EdgeVisitor& visitor) {
    PromiseObject* p = as_promise_object(o);
    visitor.visit_value(p->result);
    visitor.visit_value(p->reactions);
}

void promise_clear(Object* o) {
    PromiseObject* p = as_promise_object(o);
    p->result = Value();
    p->reactions = Value();
}

Value* function_data(Object* f) {
    return static_cast<NativeFunctionObject*>(f)->data();
}

enum ReactionType : int32_t { kFulfill = 0, kReject = 1 };

// Data slots of a reaction function.
enum : uint32_t {
    kReactionPromise,
    kReactionResolve,
    kReactionReject,
    kReactionOnFulfilled,
    kReactionOnRejected,
    kReactionDataCount
};

// Data slots of a resolving function: the promise (undefined once the pair was used) and the
// other function of the pair.
enum : uint32_t { kResolvingPromise, kResolvingPartner, kResolvingDataCount };
enum : int16_t { kResolvingResolve = 0, kResolvingReject = 1 };

// 27.2.1.9 HostPromiseRejectionTracker (#sec-host-promise-rejection-tracker): the embedder's hook.
void host_promise_rejection_tracker(Context& ctx, Object* promise, bool is_handle) {
    Runtime& rt = ctx.rt();
    if (rt.m_promise_rejection_tracker)
        rt.m_promise_rejection_tracker(ctx, promise, promise_result(promise), is_handle,
                                       rt.m_promise_rejection_opaque);
}

// HostEnqueuePromiseJob for a reaction: the job is the reaction function itself.
void enqueue_reaction_job(Context& ctx, Object* reaction, ReactionType type, const Value& argument) {
    Context* realm = static_cast<NativeFunctionObject*>(reaction)->m_realm;
    Vector<Value> job_args;
    job_args.reserve(2);
    job_args.push_back(Value::int32(type));
    job_args.push_back(argument);
    ctx.rt().enqueue_job(realm ? realm : &ctx, Value::object(reaction), std::move(job_args));
}

// 27.2.1.8 TriggerPromiseReactions (#sec-triggerpromisereactions)
void trigger_promise_reactions(Context& ctx, const Value& reactions, ReactionType type,
                               const Value& argument) {
    // 1. For each element reaction of reactions, do: enqueue NewPromiseReactionJob(reaction, argument).
    if (reactions.is_undefined()) return;
    Object* list = reactions.as_object();
    if (list->class_id() != ClassId::Array) {
        enqueue_reaction_job(ctx, list, type, argument);
        return;
    }
    for (uint32_t i = 0; i < list->m_element_count; i++)
        enqueue_reaction_job(ctx, list->m_elements[i].as_object(), type, argument);
}

// 27.2.1.4 FulfillPromise (#sec-fulfillpromise)
void fulfill_promise(Context& ctx, PromiseObject* p, const Value& value) {
    // 1. Assert: The value of promise.[[PromiseState]] is pending.
    DEBUG_VERIFY(p->state == PromiseState::Pending);
    // 2. Let reactions be promise.[[PromiseFulfillReactions]].
    Value reactions = std::move(p->reactions);
    // 3. Set promise.[[PromiseResult]] to value.
    p->result = value;
    // 4-5. Set the reaction lists to undefined. 6. Set promise.[[PromiseState]] to fulfilled.
    p->state = PromiseState::Fulfilled;
    // 7. Perform TriggerPromiseReactions(reactions, value).
    trigger_promise_reactions(ctx, reactions, kFulfill, value);
}

// 27.2.1.7 RejectPromise (#sec-rejectpromise)
void reject_promise_object(Context& ctx, PromiseObject* p, const Value& reason) {
    // 1. Assert: The value of promise.[[PromiseState]] is pending.
    DEBUG_VERIFY(p->state == PromiseState::Pending);
    // 2. Let reactions be promise.[[PromiseRejectReactions]].
    Value reactions = std::move(p->reactions);
    // 3. Set promise.[[PromiseResult]] to reason. 4-5. Clear the lists. 6. State is rejected.
    p->result = reason;
    p->state = PromiseState::Rejected;
    // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
    if (!p->is_handled) host_promise_rejection_tracker(ctx, p, false);
    // 8. Perform TriggerPromiseReactions(reactions, reason).
    trigger_promise_reactions(ctx, reactions, kReject, reason);
}

// 27.2.2.1 NewPromiseReactionJob (#sec-newpromisereactionjob): the job's steps. The callee is
// the reaction; the arguments are « type, argument ».
Value promise_reaction_job(Context& ctx, const CallArgs& args) {
    Value* reaction = function_data(args.callee);
    ReactionType type = args.arg(0).as_int32() == kReject ? kReject : kFulfill;
    const Value& argument = args.arg(1);
    // a. Let promiseCapability be reaction.[[Capability]]. b-c. type and handler.
    const Value& handler = reaction[type == kFulfill ? kReactionOnFulfilled : kReactionOnRejected];
    Value handler_result;
    bool abrupt = false;
    if (!is_callable(handler)) {
        // d. If handler is empty: fulfill passes the value through, reject rethrows it.
        handler_result = argument;
        abrupt = type == kReject;
    } else {
        // e. Else, let handlerResult be Completion(HostCallJobCallback(handler, undefined, « argument »)).
        handler_result = call(ctx, handler, Value::undefined(), {&argument, 1});
        if (handler_result.is_exception()) {
            if (!catch_exception(ctx, handler_result)) return Exception{};
            abrupt = true;
        }
    }
    // f. If promiseCapability is undefined, then: Assert handlerResult is not abrupt; return empty.
    if (reaction[kReactionPromise].is_undefined()) {
        if (abrupt) return ctx.throw_value(std::move(handler_result));
        return Value::undefined();
    }
    PromiseCapability capability{reaction[kReactionPromise], reaction[kReactionResolve],
                                 reaction[kReactionReject]};
    // g. If handlerResult is an abrupt completion: return ? Call(promiseCapability.[[Reject]], undefined, «
    // handlerResult.[[Value]] »).
    if (abrupt) return capability_reject(ctx, capability, handler_result);
    // h. Else: return ? Call(promiseCapability.[[Resolve]], undefined, « handlerResult.[[Value]] »).
    return capability_resolve(ctx, capability, handler_result);
}

// 27.2.2.2 NewPromiseResolveThenableJob (#sec-newpromiseresolvethenablejob): the job's steps,
// with arguments « promiseToResolve, thenable, then ».
Value promise_resolve_thenable_job(Context& ctx, const CallArgs& args) {
    const Value& promise = args.arg(0);
    const Value& thenable = args.arg(1);
    const Value& then = args.arg(2);
    // a. Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
    Value resolve, reject;
    TRY(create_resolving_functions(ctx, promise.as_object(), resolve, reject));
    // b. Let thenCallResult be Completion(HostCallJobCallback(then, thenable, « resolve, reject »)).
    Value fns[2] = {resolve, reject};
    Value result = call(ctx, then, thenable, fns);
    // c. If thenCallResult is an abrupt completion: return ? Call(resolvingFunctions.[[Reject]], undefined, «
    // thenCallResult.[[Value]] »).
    if (result.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        return call(ctx, reject, Value::undefined(), {&error, 1});
    }
    // d. Return ? thenCallResult.
    return result;
}

// 27.2.1.3.1 Promise Reject Functions (#sec-promise-reject-functions) and
// 27.2.1.3.2 Promise Resolve Functions (#sec-promise-resolve-functions).
Value promise_resolving_function(Context& ctx, const CallArgs& args) {
    Value* data = function_data(args.callee);
    // 1-4. Let promise be F.[[Promise]]; if alreadyResolved.[[Value]] is true, return undefined.
    if (data[kResolvingPromise].is_undefined()) return Value::undefined();
    Value promise = std::move(data[kResolvingPromise]);
    Value partner = std::move(data[kResolvingPartner]);
    // 5. Set alreadyResolved.[[Value]] to true (for both functions of the pair).
    if (partner.is_object()) {
        Value* partner_data = function_data(partner.as_object());
        partner_data[kResolvingPromise] = Value();
        partner_data[kResolvingPartner] = Value();
    }
    if (args.magic == kResolvingReject) {
        // Reject 6. Perform RejectPromise(promise, reason).
        reject_promise(ctx, promise.as_object(), args.arg(0));
        return Value::undefined();
    }
    // Resolve 6-16.
    TRY(resolve_promise(ctx, promise.as_object(), args.arg(0)));
    return Value::undefined();
}

// The executor closure of 27.2.1.5 NewPromiseCapability step 4 (GetCapabilitiesExecutor); data
// slots hold the record's [[Resolve]] and [[Reject]].
Value get_capabilities_executor(Context& ctx, const CallArgs& args) {
    Value* record = function_data(args.callee);
    // a. If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError exception.
    if (!record[0].is_undefined()) return ctx.throw_type_error("promise capability resolve already set");
    // b. If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError exception.
    if (!record[1].is_undefined()) return ctx.throw_type_error("promise capability reject already set");
    // c. Set resolvingFunctions.[[Resolve]] to resolve. d. Set resolvingFunctions.[[Reject]] to reject.
    record[0] = args.arg(0);
    record[1] = args.arg(1);
    // e. Return undefined.
    return Value::undefined();
}

Value create_promise(Context& ctx, Object* proto) {
    PromiseObject* p = Object::create_as<PromiseObject>(ctx, proto, ClassId::Promise);
    if (!p) return Exception{};
    return Value::adopt(Tag::Object, p);
}

// Appends a reaction to a pending promise's list.
Result<void> append_reaction(Context& ctx, PromiseObject* p, Value reaction) {
    if (p->reactions.is_undefined()) {
        p->reactions = std::move(reaction);
        return {};
    }
    if (p->reactions.as_object()->class_id() != ClassId::Array) {
        Value pair[2] = {p->reactions, std::move(reaction)};
        p->reactions = TRY(new_array_from(ctx, pair));
        return {};
    }
    if (!array_push_fast(ctx, p->reactions.as_object(), std::move(reaction)))
        return ctx.throw_out_of_memory();
    return {};
}

} // namespace

bool catch_exception(Context& ctx, Value& out) {
    Runtime& rt = ctx.rt();
    if (rt.m_uncatchable) return false;
    out = rt.take_exception();
    return true;
}

bool is_promise(const Value& v) {
    return v.is_object() && v.as_object()->class_id() == ClassId::Promise;
}

PromiseState promise_state(Object* promise) {
    return as_promise_object(promise)->state;
}

const Value& promise_result(Object* promise) {
    return as_promise_object(promise)->result;
}

void mark_promise_handled(Context& ctx, Object* promise) {
    PromiseObject* p = as_promise_object(promise);
    if (p->state == PromiseState::Rejected && !p->is_handled) host_promise_rejection_tracker(ctx, p, true);
    p->is_handled = true;
}

Value create_promise_from_constructor(Context& ctx, const Value& new_target) {
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, new_target, ctx.intrinsic(Intrinsic::PromisePrototype)));
    Value promise = create_promise(ctx, proto);
    if (proto) proto->unref();
    return promise;
}

// 27.2.1.3 CreateResolvingFunctions (#sec-createresolvingfunctions)
Result<void> create_resolving_functions(Context& ctx, Object* promise, Value& resolve, Value& reject) {
    // 1. Let alreadyResolved be the Record { [[Value]]: false }.
    // 2-5. Let resolve be CreateBuiltinFunction(stepsResolve, 1, "", « [[Promise]], [[AlreadyResolved]] »).
    resolve = TRY(new_native_function(ctx, promise_resolving_function, atoms::empty_string, 1,
                                      kResolvingResolve, kResolvingDataCount));
    // 6-10. Let reject be CreateBuiltinFunction(stepsReject, 1, "", ...).
    reject = TRY(new_native_function(ctx, promise_resolving_function, atoms::empty_string, 1,
                                     kResolvingReject, kResolvingDataCount));
    Value* resolve_data = function_data(resolve.as_object());
    Value* reject_data = function_data(reject.as_object());
    resolve_data[kResolvingPromise] = Value::object(promise);
    resolve_data[kResolvingPartner] = reject;
    reject_data[kResolvingPromise] = Value::object(promise);
    reject_data[kResolvingPartner] = resolve;
    // 11. Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
    return {};
}

Value new_promise(Context& ctx, Value* resolve_out, Value* reject_out) {
    Value promise = TRY(create_promise(ctx, ctx.intrinsic(Intrinsic::PromisePrototype)));
    if (resolve_out || reject_out) {
        Value resolve, reject;
        TRY(create_resolving_functions(ctx, promise.as_object(), resolve, reject));
        if (resolve_out) *resolve_out = std::move(resolve);
        if (reject_out) *reject_out = std::move(reject);
    }
    return promise;
}

// Steps 7-16 of 27.2.1.3.2 Promise Resolve Functions (#sec-promise-resolve-functions).
Result<void> resolve_promise(Context& ctx, Object* promise, const Value& resolution) {
    PromiseObject* p = as_promise_object(promise);
    if (p->state != PromiseState::Pending) return {};
    // 7. If SameValue(resolution, promise) is true, then
    if (resolution.is_object() && resolution.as_object() == promise) {
        // a. Let selfResolutionError be a newly created TypeError object.
        Value message = TRY(ctx.new_string("promise resolved with itself"));
        Value error = TRY(ctx.make_error(ErrorType::TypeError, std::move(message)));
        // b. Perform RejectPromise(promise, selfResolutionError). c. Return undefined.
        reject_promise_object(ctx, p, error);
        return {};
    }
    // 8. If resolution is not an Object, then: Perform FulfillPromise(promise, resolution).
    if (!resolution.is_object()) {
        fulfill_promise(ctx, p, resolution);
        return {};
    }
    // 9. Let then be Completion(Get(resolution, "then")).
    Value then = get(ctx, resolution.as_object(), atoms::then);
    // 10. If then is an abrupt completion, then: Perform RejectPromise(promise, then.[[Value]]).
    if (then.is_exception()) {
        Value error;
        if (!catch_exception(ctx, error)) return Exception{};
        reject_promise_object(ctx, p, error);
        return {};
    }
    // 11. Let thenAction be then.[[Value]].
    // 12. If IsCallable(thenAction) is false, then: Perform FulfillPromise(promise, resolution).
    if (!is_callable(then)) {
        fulfill_promise(ctx, p, resolution);
        return {};
    }
    // 13. Let thenJobCallback be HostMakeJobCallback(thenAction).
    // 14. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
    // 15. Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    Vector<Value> job_args;
    job_args.reserve(3);
    job_args.push_back(Value::object(promise));
    job_args.push_back(resolution);
    job_args.push_back(std::move(then));
    ctx.rt().enqueue_job(&ctx, Value::object(ctx.intrinsic(Intrinsic::PromiseResolveThenableJob)),
                         std::move(job_args));
    // 16. Return undefined.
    return {};
}

void reject_promise(Context& ctx, Object* promise, const Value& reason) {
    PromiseObject* p = as_promise_object(promise);
    if (p->state != PromiseState::Pending) return;
    reject_promise_object(ctx, p, reason);
}

// 27.2.1.5 NewPromiseCapability (#sec-newpromisecapability)
Result<PromiseCapability> new_promise_capability(Context& ctx, const Value& constructor,
                                                 bool need_functions) {
    // 1. If IsConstructor(C) is false, throw a TypeError exception.
    if (!is_constructor(constructor)) return ctx.throw_type_error("not a constructor");
    // Fast path: C is this realm's %Promise%. Construct(%Promise%, « executor ») is unobservable
    // (Promise.prototype is non-configurable), so build the promise directly and only make
    // resolving functions when the caller hands them out.
    if (constructor.as_object() == ctx.intrinsic(Intrinsic::Promise)) {
        PromiseCapability capability;
        capability.promise = TRY(new_promise(ctx, need_functions ? &capability.resolve : nullptr,
                                             need_functions ? &capability.reject : nullptr));
        return capability;
    }
    // 2. NOTE: C is assumed to be a constructor function that supports the parameter conventions
    //    of the Promise constructor.
    // 3. Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]: undefined }.
    // 4-5. Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »).
    Value executor = TRY(new_native_function(ctx, get_capabilities_executor, atoms::empty_string, 2, 0, 2));
    // 6. Let promise be ? Construct(C, « executor »).
    Value promise = TRY(construct(ctx, constructor, {&executor, 1}));
    Value* record = function_data(executor.as_object());
    // 7. If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError exception.
    if (!is_callable(record[0])) return ctx.throw_type_error("promise capability resolve is not callable");
    // 8. If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError exception.
    if (!is_callable(record[1])) return ctx.throw_type_error("promise capability reject is not callable");
    // 9. Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]], [[Reject]] }.
    return PromiseCapability{std::move(promise), record[0], record[1]};
}

Value capability_resolve(Context& ctx, const PromiseCapability& capability, const Value& value) {
    if (capability.resolve.is_undefined()) {
        TRY(resolve_promise(ctx, capability.promise.as_object(), value));
        return Value::undefined();
    }
    return call(ctx, capability.resolve, Value::undefined(), {&value, 1});
}

Value capability_reject(Context& ctx, const PromiseCapability& capability, const Value& reason) {
    if (capability.reject.is_undefined()) {
        reject_promise(ctx, capability.promise.as_object(), reason);
        return Value::undefined();
    }
    return call(ctx, capability.reject, Value::undefined(), {&reason, 1});
}

// 27.2.5.4.1 PerformPromiseThen (#sec-performpromisethen)
Value perform_promise_then_with_capability(Context& ctx, Object* promise, const Value& on_fulfilled,
                                           const Value& on_rejected, const PromiseCapability* capability) {
    PromiseObject* p = as_promise_object(promise);
    // 1. Assert: IsPromise(promise) is true. 2. If resultCapability is not present, set it to undefined.
    // 3-6. Non-callable handlers become empty (stored as undefined).
    // 7-8. Let fulfillReaction / rejectReaction be the PromiseReaction Records: one reaction
    //      function holding the capability and both handlers.
    Value reaction =
        TRY(new_native_function(ctx, promise_reaction_job, atoms::empty_string, 2, 0, kReactionDataCount));
    Value* data = function_data(reaction.as_object());
    if (capability) {
        data[kReactionPromise] = capability->promise;
        data[kReactionResolve] = capability->resolve;
        data[kReactionReject] = capability->reject;
    }
    if (is_callable(on_fulfilled)) data[kReactionOnFulfilled] = on_fulfilled;
    if (is_callable(on_rejected)) data[kReactionOnRejected] = on_rejected;
    switch (p->state) {
    case PromiseState::Pending:
        // 9. If promise.[[PromiseState]] is pending, append the reactions to the lists.
        TRY(append_reaction(ctx, p, std::move(reaction)));
        break;
    case PromiseState::Fulfilled:
        // 10. Else if fulfilled: enqueue NewPromiseReactionJob(fulfillReaction, value).
        enqueue_reaction_job(ctx, reaction.as_object(), kFulfill, p->result);
        break;
    case PromiseState::Rejected:
        // 11. Else: a. If promise.[[PromiseIsHandled]] is false, HostPromiseRejectionTracker(promise,
        // "handle").
        if (!p->is_handled) host_promise_rejection_tracker(ctx, p, true);
        // c-d. Enqueue NewPromiseReactionJob(rejectReaction, reason).
        enqueue_reaction_job(ctx, reaction.as_object(), kReject, p->result);
        break;
    }
    // 12. Set promise.[[PromiseIsHandled]] to true.
    p->is_handled = true;
    // 13-14. Return resultCapability.[[Promise]], or undefined.
    if (!capability) return Value::undefined();
    return capability->promise;
}

Result<void> perform_promise_then(Context& ctx, Object* promise, const Value& on_fulfilled,
                                  const Value& on_rejected, Object* result_promise) {
    if (!result_promise) {
        TRY(perform_promise_then_with_capability(ctx, promise, on_fulfilled, on_rejected, nullptr));
        return {};
    }
    PromiseCapability capability{Value::object(result_promise), Value(), Value()};
    TRY(perform_promise_then_with_capability(ctx, promise, on_fulfilled, on_rejected, &capability));
    return {};
}

// 27.2.4.7.1 PromiseResolve (#sec-promise-resolve)
Value promise_resolve(Context& ctx, Object* constructor, const Value& x) {
    // 1. If IsPromise(x) is true, then
    if (is_promise(x)) {
        // a. Let xConstructor be ? Get(x, "constructor").
        Value x_constructor = TRY(get(ctx, x.as_object(), atoms::constructor));
        // b. If SameValue(xConstructor, C) is true, return x.
        if (x_constructor.is_object() && x_constructor.as_object() == constructor) return x;
    }
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    PromiseCapability capability = TRY(new_promise_capability(ctx, Value::object(constructor), false));
    // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    TRY(capability_resolve(ctx, capability, x));
    // 4. Return promiseCapability.[[Promise]].
    return std::move(capability.promise);
}

static bool write_promise(Object* o, HeapWriter& w) {
    PromiseObject* p = as_promise_object(o);
    w.value(p->result);
    w.value(p->reactions);
    w.out().u8(static_cast<uint8_t>(p->state));
    w.out().u8(p->is_handled ? 1 : 0);
    return true;
}
static bool read_promise(Object* o, HeapReader& r) {
    PromiseObject* p = as_promise_object(o);
    uint8_t state;
    if (!r.value(&p->result) || !r.value(&p->reactions) || !r.u8(&state) || !r.boolean(&p->is_handled))
        return false;
    if (state > static_cast<uint8_t>(PromiseState::Rejected)) return r.fail("bad promise state");
    p->state = static_cast<PromiseState>(state);
    return true;
}
static const ClassSnapshotHooks kPromiseSnapshot = {
    sizeof(PromiseObject), 0, nullptr, construct_payload<PromiseObject>, write_promise, read_promise, nullptr,
};

bool install_promise_internals(Context& ctx) {
    ClassHooks hooks;
    hooks.visit = promise_visit;
    hooks.clear = promise_clear;
    hooks.snapshot = &kPromiseSnapshot;
    register_class_hooks(ClassId::Promise, hooks);
    // Names for snapshots and backtraces (the registry keeps the first name given).
    register_native(promise_reaction_job, "PromiseReactionJob");
    register_native(promise_resolve_thenable_job, "PromiseResolveThenableJob");
    register_native(promise_resolving_function, "PromiseResolvingFunction");
    register_native(get_capabilities_executor, "GetCapabilitiesExecutor");
    Value job = new_native_function(ctx, promise_resolve_thenable_job, atoms::empty_string, 3);
    if (job.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::PromiseResolveThenableJob, job.as_object());
    return true;
}

} // namespace qjs
