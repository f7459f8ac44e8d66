// AsyncFromSyncIterator.cpp: %AsyncFromSyncIteratorPrototype% (27.1.6), used by for-await and
// yield* in async generators over sync iterables.
#include "builtins/Promise.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"
#include "vm/SlowPaths.h"

namespace qjs {

namespace {

class AsyncFromSyncIteratorObject : public Object {
  public:
    Value m_iterator; // [[SyncIteratorRecord]].[[Iterator]]
    Value m_next;     // [[SyncIteratorRecord]].[[NextMethod]]
};

void visit_afs(Object* o, EdgeVisitor& v) {
    auto* it = static_cast<AsyncFromSyncIteratorObject*>(o);
    v.visit_value(it->m_iterator);
    v.visit_value(it->m_next);
}

void clear_afs(Object* o) {
    auto* it = static_cast<AsyncFromSyncIteratorObject*>(o);
    it->m_iterator = Value();
    it->m_next = Value();
}

bool write_afs(Object* o, HeapWriter& w) {
    auto* it = static_cast<AsyncFromSyncIteratorObject*>(o);
    w.value(it->m_iterator);
    w.value(it->m_next);
    return true;
}

bool read_afs(Object* o, HeapReader& r) {
    auto* it = static_cast<AsyncFromSyncIteratorObject*>(o);
    return r.object(&it->m_iterator, true) && r.value(&it->m_next);
}

const ClassSnapshotHooks kAfsSnapshot = {
    sizeof(AsyncFromSyncIteratorObject),
    0,
    nullptr,
    construct_payload<AsyncFromSyncIteratorObject>,
    write_afs,
    read_afs,
    nullptr,
};

// Rejects `promise` with the pending exception and returns it (IfAbruptRejectPromise).
Value reject_with_pending(Context& ctx, const Value& promise) {
    if (ctx.rt().m_uncatchable) return Exception{};
    Value e = ctx.rt().take_exception();
    reject_promise(ctx, promise.as_object(), e);
    return promise;
}

// onFulfilled of the continuation: CreateIterResultObject(v, done), done in magic.
Value afs_unwrap(Context& ctx, const CallArgs& args) {
    return create_iter_result_object(ctx, args.arg(0), args.magic != 0);
}

// onRejected with closeOnRejection: IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
Value afs_close_and_rethrow(Context& ctx, const CallArgs& args) {
    Value iter = static_cast<NativeFunctionObject*>(args.callee)->data()[0];
    ctx.throw_value(args.arg(0));
    return iterator_close_with_throw(ctx, iter.as_object());
}

// 27.1.6.4 AsyncFromSyncIteratorContinuation (#sec-asyncfromsynciteratorcontinuation)
Value continuation(Context& ctx, const Value& result, const Value& promise, const Value& sync_iter,
                   bool close_on_rejection) {
    // 1-4. done and value (abrupt -> reject).
    Result<bool> done_r = iterator_complete(ctx, result.as_object());
    if (done_r.is_exception()) return reject_with_pending(ctx, promise);
    bool done = done_r.value();
    Value value = iterator_value(ctx, result.as_object());
    if (value.is_exception()) return reject_with_pending(ctx, promise);
    // 5-6. valueWrapper = PromiseResolve(%Promise%, value); on abrupt, close the sync iterator.
    Value wrapper = promise_resolve(ctx, ctx.intrinsic(Intrinsic::Promise), value);
    if (wrapper.is_exception()) {
        if (!done && close_on_rejection && !ctx.rt().m_uncatchable)
            (void)iterator_close_with_throw(ctx, sync_iter.as_object());
        return reject_with_pending(ctx, promise);
    }
    Value on_fulfilled = TRY(new_native_function(ctx, afs_unwrap, atoms::empty_string, 1, done ? 1 : 0));
    Value on_rejected;
    if (!done && close_on_rejection) {
        on_rejected = TRY(new_native_function(ctx, afs_close_and_rethrow, atoms::empty_string, 1, 0, 1));
        static_cast<NativeFunctionObject*>(on_rejected.as_object())->data()[0] = sync_iter;
    }
    TRY(perform_promise_then(ctx, wrapper.as_object(), on_fulfilled, on_rejected, promise.as_object()));
    return promise;
}

AsyncFromSyncIteratorObject* this_afs(const CallArgs& args) {
    return static_cast<AsyncFromSyncIteratorObject*>(args.this_value.as_object());
}

// 27.1.6.2.1 %AsyncFromSyncIteratorPrototype%.next ( [ value ] )
Value afs_next(Context& ctx, const CallArgs& args) {
    AsyncFromSyncIteratorObject* o = this_afs(args);
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    // 5-6. IteratorNext(syncIteratorRecord[, value]).
    Value result = args.count() > 0 ? call(ctx, o->m_next, o->m_iterator, args.args.subspan(0, 1))
                                    : call(ctx, o->m_next, o->m_iterator, {});
    if (result.is_exception()) return reject_with_pending(ctx, promise);
    if (!result.is_object()) {
        ctx.throw_type_error("iterator result is not an object");
        return reject_with_pending(ctx, promise);
    }
    return continuation(ctx, result, promise, o->m_iterator, true);
}

// 27.1.6.2.2 %AsyncFromSyncIteratorPrototype%.return ( [ value ] ) and .throw ( [ value ] ) (magic 1)
Value afs_return_throw(Context& ctx, const CallArgs& args) {
    AsyncFromSyncIteratorObject* o = this_afs(args);
    bool is_throw = args.magic == 1;
    Value promise = TRY(new_promise(ctx, nullptr, nullptr));
    Value method = get_method(ctx, o->m_iterator, is_throw ? atoms::throw_ : atoms::return_);
    if (method.is_exception()) return reject_with_pending(ctx, promise);
    if (method.is_undefined()) {
        if (!is_throw) {
            // return: resolve with { value, done: true }.
            Value r = TRY(create_iter_result_object(ctx, args.arg(0), true));
            TRY(resolve_promise(ctx, promise.as_object(), r));
            return promise;
        }
        // throw: close the sync iterator, then reject with a TypeError (protocol violation).
        if (iterator_close(ctx, o->m_iterator.as_object()).is_exception())
            return reject_with_pending(ctx, promise);
        ctx.throw_type_error("iterator does not have a throw method");
        return reject_with_pending(ctx, promise);
    }
    Value result = args.count() > 0 ? call(ctx, method, o->m_iterator, args.args.subspan(0, 1))
                                    : call(ctx, method, o->m_iterator, {});
    if (result.is_exception()) return reject_with_pending(ctx, promise);
    if (!result.is_object()) {
        ctx.throw_type_error("iterator result is not an object");
        return reject_with_pending(ctx, promise);
    }
    return continuation(ctx, result, promise, o->m_iterator, is_throw);
}

const FunctionListEntry afs_functions[] = {
    QJS_FUNC("next", 1, afs_next),
    QJS_FUNC_MAGIC("return", 1, afs_return_throw, 0),
    QJS_FUNC_MAGIC("throw", 1, afs_return_throw, 1),
};

} // namespace

// The natives of %AsyncFromSyncIteratorPrototype%, which is built on first use, get their ids when
// the vm starts, so they are the same in every process (snapshots refer to natives by id).
void register_async_from_sync_natives() {
    ClassHooks hooks;
    hooks.visit = visit_afs;
    hooks.clear = clear_afs;
    hooks.snapshot = &kAfsSnapshot;
    register_class_hooks(ClassId::AsyncFromSyncIterator, hooks);
    for (const FunctionListEntry& e : afs_functions)
        register_native(e.fn, e.name);
    register_native(afs_unwrap, "AsyncFromSyncIteratorContinuation.unwrap");
    register_native(afs_close_and_rethrow, "AsyncFromSyncIteratorContinuation.closeIterator");
}

// 27.1.6.1 CreateAsyncFromSyncIterator (#sec-createasyncfromsynciterator)
Value create_async_from_sync_iterator(Context& ctx, const Value& iterator, const Value& next,
                                      Value* next_out) {
    Object* proto = ctx.intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype);
    if (!proto) {
        Object* async_iter = ctx.intrinsic(Intrinsic::AsyncIteratorPrototype);
        proto = Object::create(ctx, async_iter ? async_iter : ctx.intrinsic(Intrinsic::ObjectPrototype),
                               ClassId::Object);
        if (!proto) return Exception{};
        Value hold = Value::adopt(Tag::Object, proto);
        if (!define_function_list(ctx, proto, afs_functions)) return Exception{};
        ctx.set_intrinsic(Intrinsic::AsyncFromSyncIteratorPrototype, proto);
    }
    auto* o = Object::create_as<AsyncFromSyncIteratorObject>(ctx, proto, ClassId::AsyncFromSyncIterator);
    if (!o) return Exception{};
    Value result = Value::adopt(Tag::Object, o);
    o->m_iterator = iterator;
    o->m_next = next;
    *next_out = TRY(get(ctx, o, atoms::next, result));
    return result;
}

} // namespace qjs
