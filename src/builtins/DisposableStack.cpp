// DisposableStack.cpp: DisposableStack objects (explicit resource management, #sec-disposablestack-objects).
// The DisposeCapability operations are in DisposeResources.cpp.
#include "builtins/DisposableStack.h"
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

// The methods DisposableStack and AsyncDisposableStack share take the kind as their magic.
struct StackKind {
    ClassId class_id;
    DisposeHint hint;
    Intrinsic prototype;
    const char* name;
};
constexpr StackKind kStackKinds[] = {
    {ClassId::DisposableStack, DisposeHint::Sync, Intrinsic::DisposableStackPrototype, "DisposableStack"},
    {ClassId::AsyncDisposableStack, DisposeHint::Async, Intrinsic::AsyncDisposableStackPrototype,
     "AsyncDisposableStack"},
};

// RequireInternalSlot(disposableStack, [[DisposableState]] / [[AsyncDisposableState]]).
DisposableStackObject* this_stack(Context& ctx, const CallArgs& args, const char* method) {
    const StackKind& kind = kStackKinds[args.magic];
    const Value& v = args.this_value;
    if (!v.is_object() || v.as_object()->class_id() != kind.class_id) {
        ctx.throw_type_error("%s.prototype.%s called on incompatible receiver", kind.name, method);
        return nullptr;
    }
    return static_cast<DisposableStackObject*>(v.as_object());
}

// The "If disposableStack.[[DisposableState]] is disposed, throw a ReferenceError exception" step.
DisposableStackObject* this_pending_stack(Context& ctx, const CallArgs& args, const char* method) {
    DisposableStackObject* stack = this_stack(ctx, args, method);
    if (stack && stack->m_disposed) {
        ctx.throw_reference_error("%s already disposed", kStackKinds[args.magic].name);
        return nullptr;
    }
    return stack;
}

// DisposableStack ( ) (#sec-disposablestack)
Value disposable_stack_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor DisposableStack requires 'new'");
    // 2. Let disposableStack be ? OrdinaryCreateFromConstructor(NewTarget, "%DisposableStack.prototype%",
    //    « [[DisposableState]], [[DisposeCapability]] »).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, Intrinsic::DisposableStackPrototype));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    auto* stack = Object::create_as<DisposableStackObject>(ctx, proto, ClassId::DisposableStack);
    if (!stack) return Exception{};
    // 3-4. [[DisposableState]] pending, [[DisposeCapability]] NewDisposeCapability().
    // 5. Return disposableStack.
    return Value::adopt(Tag::Object, stack);
}

// get DisposableStack.prototype.disposed (#sec-get-disposablestack.prototype.disposed)
// get AsyncDisposableStack.prototype.disposed (#sec-get-asyncdisposablestack.prototype.disposed)
Value disposable_stack_disposed(Context& ctx, const CallArgs& args) {
    // 1-2. Let disposableStack be the this value; ? RequireInternalSlot(disposableStack,
    // [[DisposableState]]).
    DisposableStackObject* stack = this_stack(ctx, args, "disposed");
    if (!stack) return Exception{};
    // 3-4. Return true if disposableStack.[[DisposableState]] is disposed, else false.
    return Value::boolean(stack->m_disposed);
}

// DisposableStack.prototype.dispose ( ) (#sec-disposablestack.prototype.dispose)
Value disposable_stack_dispose(Context& ctx, const CallArgs& args) {
    // 1-2. RequireInternalSlot.
    DisposableStackObject* stack = this_stack(ctx, args, "dispose");
    if (!stack) return Exception{};
    // 3. If disposableStack.[[DisposableState]] is disposed, return undefined.
    if (stack->m_disposed) return Value();
    // 4. Set disposableStack.[[DisposableState]] to disposed.
    stack->m_disposed = true;
    // 5. Return ? DisposeResources(disposableStack.[[DisposeCapability]], NormalCompletion(undefined)).
    return dispose_resources_sync(ctx, stack, false, Value());
}

// DisposableStack.prototype.use ( value ) (#sec-disposablestack.prototype.use)
// AsyncDisposableStack.prototype.use ( value ) (#sec-asyncdisposablestack.prototype.use)
Value disposable_stack_use(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot; if disposed, throw a ReferenceError exception.
    DisposableStackObject* stack = this_pending_stack(ctx, args, "use");
    if (!stack) return Exception{};
    // 4. Perform ? AddDisposableResource(disposableStack.[[DisposeCapability]], value, sync-dispose /
    //    async-dispose).
    TRY(add_disposable_resource(ctx, stack, args.arg(0), kStackKinds[args.magic].hint));
    // 5. Return value.
    return args.arg(0);
}

// DisposableStack.prototype.adopt ( value, onDispose ) (#sec-disposablestack.prototype.adopt)
// AsyncDisposableStack.prototype.adopt ( value, onDisposeAsync ) (#sec-asyncdisposablestack.prototype.adopt)
Value disposable_stack_adopt(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot; if disposed, throw a ReferenceError exception.
    DisposableStackObject* stack = this_pending_stack(ctx, args, "adopt");
    if (!stack) return Exception{};
    // 4. If IsCallable(onDispose) is false, throw a TypeError exception.
    if (!is_callable(args.arg(1)))
        return ctx.throw_type_error("%s.prototype.adopt: callback is not callable",
                                    kStackKinds[args.magic].name);
    // 5-7. Let F be a closure calling onDispose(value); perform ? AddDisposableResource(
    //      disposableStack.[[DisposeCapability]], undefined, hint, F).
    DisposableResource r;
    r.method = args.arg(1);
    r.argument = args.arg(0);
    r.hint = kStackKinds[args.magic].hint;
    r.call = DisposeCall::WithArgument;
    stack->m_resources.push_back(std::move(r));
    // 8. Return value.
    return args.arg(0);
}

// DisposableStack.prototype.defer ( onDispose ) (#sec-disposablestack.prototype.defer)
// AsyncDisposableStack.prototype.defer ( onDisposeAsync ) (#sec-asyncdisposablestack.prototype.defer)
Value disposable_stack_defer(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot; if disposed, throw a ReferenceError exception.
    DisposableStackObject* stack = this_pending_stack(ctx, args, "defer");
    if (!stack) return Exception{};
    // 4. If IsCallable(onDispose) is false, throw a TypeError exception.
    if (!is_callable(args.arg(0)))
        return ctx.throw_type_error("%s.prototype.defer: callback is not callable",
                                    kStackKinds[args.magic].name);
    // 5. Perform ? AddDisposableResource(disposableStack.[[DisposeCapability]], undefined, hint, onDispose).
    DisposableResource r;
    r.method = args.arg(0);
    r.hint = kStackKinds[args.magic].hint;
    stack->m_resources.push_back(std::move(r));
    // 6. Return undefined.
    return Value();
}

// DisposableStack.prototype.move ( ) (#sec-disposablestack.prototype.move)
// AsyncDisposableStack.prototype.move ( ) (#sec-asyncdisposablestack.prototype.move)
Value disposable_stack_move(Context& ctx, const CallArgs& args) {
    // 1-3. RequireInternalSlot; if disposed, throw a ReferenceError exception.
    DisposableStackObject* stack = this_pending_stack(ctx, args, "move");
    if (!stack) return Exception{};
    // 4. Let newDisposableStack be ? OrdinaryCreateFromConstructor(%DisposableStack%,
    //    "%DisposableStack.prototype%", « [[DisposableState]], [[DisposeCapability]] »).
    const StackKind& kind = kStackKinds[args.magic];
    auto* moved = Object::create_as<DisposableStackObject>(ctx, ctx.intrinsic(kind.prototype), kind.class_id);
    if (!moved) return Exception{};
    // 5. Set newDisposableStack.[[DisposableState]] to pending.
    // 6. Set newDisposableStack.[[DisposeCapability]] to disposableStack.[[DisposeCapability]].
    moved->m_resources = std::move(stack->m_resources);
    // 7. Set disposableStack.[[DisposeCapability]] to NewDisposeCapability().
    stack->m_resources = Vector<DisposableResource>();
    // 8. Set disposableStack.[[DisposableState]] to disposed.
    stack->m_disposed = true;
    // 9. Return newDisposableStack.
    return Value::adopt(Tag::Object, moved);
}

#define QJS_STACK_METHODS(kind)                                                                              \
    {"disposed",                                                                                             \
     FunctionListEntry::Kind::Accessor,                                                                      \
     prop::Configurable,                                                                                     \
     0,                                                                                                      \
     kind,                                                                                                   \
     disposable_stack_disposed,                                                                              \
     nullptr,                                                                                                \
     0,                                                                                                      \
     nullptr},                                                                                               \
        QJS_FUNC_MAGIC("use", 1, disposable_stack_use, kind),                                                \
        QJS_FUNC_MAGIC("adopt", 2, disposable_stack_adopt, kind),                                            \
        QJS_FUNC_MAGIC("defer", 1, disposable_stack_defer, kind),                                            \
        QJS_FUNC_MAGIC("move", 0, disposable_stack_move, kind)

const FunctionListEntry kDisposableStackPrototype[] = {
    QJS_STACK_METHODS(0),
    QJS_FUNC("dispose", 0, disposable_stack_dispose),
    QJS_PROP_STRING("[Symbol.toStringTag]", "DisposableStack", prop::Configurable),
};

const FunctionListEntry kAsyncDisposableStackMethods[] = {
    QJS_STACK_METHODS(1),
};

} // namespace

bool define_async_disposable_stack_methods(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kAsyncDisposableStackMethods);
}

// Properties of the DisposableStack Constructor and Prototype
// (#sec-properties-of-the-disposablestack-constructor)
bool install_disposable_stack(Context& ctx) {
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::DisposableStackPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, disposable_stack_constructor, "DisposableStack", 0, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::DisposableStack, ctor);
    if (!define_function_list(ctx, proto, kDisposableStackPrototype)) return false;
    // DisposableStack.prototype [ @@dispose ] is the same function object as dispose.
    Value dispose = get(ctx, proto, function_list_atom(ctx, "dispose"));
    if (dispose.is_exception()) return false;
    return define_fresh_property(ctx, proto, atoms::sym_dispose, std::move(dispose),
                                 prop::Writable | prop::Configurable);
}

} // namespace qjs
