// IteratorConstructor.cpp: the Iterator constructor and Iterator.from, with
// %WrapForValidIteratorPrototype% (spec 27.1.3), and GetIteratorFlattenable (7.4.5).
#include "builtins/IteratorHelper.h"
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

// 7.4.5 GetIteratorFlattenable ( obj, primitiveHandling ) (#sec-getiteratorflattenable)
Result<IteratorRecord> get_iterator_flattenable(Context& ctx, const Value& obj, PrimitiveHandling handling) {
    // 1. If obj is not an Object, then
    if (!obj.is_object()) {
        // a. If primitiveHandling is reject-primitives, throw a TypeError exception.
        // b-c. Assert: iterate-string-primitives. If obj is not a String, throw a TypeError exception.
        if (handling == PrimitiveHandling::RejectPrimitives || !obj.is_string())
            return ctx.throw_type_error("value is not an iterator or iterable");
    }
    // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
    Value method = TRY(get_method(ctx, obj, atoms::sym_iterator));
    Value iterator;
    // 3. If method is undefined, let iterator be obj; else let iterator be ? Call(method, obj).
    if (method.is_undefined())
        iterator = obj;
    else
        iterator = TRY(call(ctx, method, obj, {}));
    // 5. If iterator is not an Object, throw a TypeError exception.
    if (!iterator.is_object()) return ctx.throw_type_error("iterator is not an object");
    // 6. Return ? GetIteratorDirect(iterator).
    return get_iterator_direct(ctx, iterator.as_object());
}

// The payload of a %WrapForValidIteratorPrototype% object.
class WrapForValidIteratorObject : public Object {
  public:
    IteratorRecord m_iterated; // [[Iterated]]
};

static void wrap_visit(Object* o, EdgeVisitor& visitor) {
    static_cast<WrapForValidIteratorObject*>(o)->m_iterated.visit(visitor);
}
static void wrap_clear(Object* o) {
    static_cast<WrapForValidIteratorObject*>(o)->m_iterated.clear();
}

// 27.1.3.1 Iterator ( ) (#sec-iterator-constructor)
static Value iterator_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is either undefined or the active function object, throw a TypeError exception.
    if (!args.is_construct() || (args.new_target.is_object() && args.new_target.as_object() == args.callee))
        return ctx.throw_type_error("Iterator cannot be constructed directly");
    // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
    Object* proto = TRY(
        get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::IteratorPrototype)));
    Value proto_value = Value::adopt(Tag::Object, proto);
    return new_object_with_proto(ctx, proto);
}

// 27.1.3.2.1 Iterator.from ( O ) (#sec-iterator.from)
static Value iterator_from(Context& ctx, const CallArgs& args) {
    // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, iterate-string-primitives).
    IteratorRecord record =
        TRY(get_iterator_flattenable(ctx, args.arg(0), PrimitiveHandling::IterateStringPrimitives));
    // 2. Let hasInstance be ? OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]).
    Value iterator_ctor = Value::object(ctx.intrinsic(Intrinsic::Iterator));
    bool has_instance = TRY(ordinary_has_instance(ctx, iterator_ctor, record.iterator));
    // 3. If hasInstance is true, return iteratorRecord.[[Iterator]].
    if (has_instance) return record.iterator;
    // 4. Let wrapper be OrdinaryObjectCreate(%WrapForValidIteratorPrototype%, « [[Iterated]] »).
    auto* wrapper = Object::create_as<WrapForValidIteratorObject>(
        ctx, ctx.intrinsic(Intrinsic::WrapForValidIteratorPrototype), ClassId::WrapForValidIterator);
    if (!wrapper) return Exception{};
    // 5. Set wrapper.[[Iterated]] to iteratorRecord.
    wrapper->m_iterated = std::move(record);
    // 6. Return wrapper.
    return Value::adopt(Tag::Object, wrapper);
}

static WrapForValidIteratorObject* this_wrapper(Context& ctx, const Value& this_value) {
    // Perform ? RequireInternalSlot(O, [[Iterated]]).
    if (!this_value.is_object() || this_value.as_object()->class_id() != ClassId::WrapForValidIterator) {
        ctx.throw_type_error("not a wrapped iterator");
        return nullptr;
    }
    return static_cast<WrapForValidIteratorObject*>(this_value.as_object());
}

// 27.1.3.2.1.1.1 %WrapForValidIteratorPrototype%.next ( ) (#sec-%wrapforvaliditeratorprototype%.next)
static Value wrap_next(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be this value. Perform ? RequireInternalSlot(O, [[Iterated]]).
    WrapForValidIteratorObject* o = this_wrapper(ctx, args.this_value);
    if (!o) return Exception{};
    // 3. Let iteratorRecord be O.[[Iterated]].
    IteratorRecord record = o->m_iterated;
    // 4. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    return call(ctx, record.next_method, record.iterator, {});
}

// 27.1.3.2.1.1.2 %WrapForValidIteratorPrototype%.return ( ) (#sec-%wrapforvaliditeratorprototype%.return)
static Value wrap_return(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be this value. Perform ? RequireInternalSlot(O, [[Iterated]]).
    WrapForValidIteratorObject* o = this_wrapper(ctx, args.this_value);
    if (!o) return Exception{};
    // 3. Let iterator be O.[[Iterated]].[[Iterator]].
    Value iterator = o->m_iterated.iterator;
    // 5. Let returnMethod be ? GetMethod(iterator, "return").
    Value return_method = TRY(get_method(ctx, iterator, atoms::return_));
    // 6. If returnMethod is undefined, return CreateIteratorResultObject(undefined, true).
    if (return_method.is_undefined()) return create_iter_result_object(ctx, Value(), true);
    // 7. Return ? Call(returnMethod, iterator).
    return call(ctx, return_method, iterator, {});
}

// 27.1.2.x Iterator.concat ( ...items ) (#sec-iterator.concat)
static Value iterator_concat(Context& ctx, const CallArgs& args) {
    // 1. Let iterables be a new empty List (kept as [openMethod, iterable, ...] in an array).
    Vector<Value> iterables;
    // 2. For each element item of items, do
    for (const Value& item : args.args) {
        // a. If item is not an Object, throw a TypeError exception.
        if (!item.is_object()) return ctx.throw_type_error("Iterator.concat: argument is not an object");
        // b. Let method be ? GetMethod(item, %Symbol.iterator%).
        Value method = TRY(get_method(ctx, item, atoms::sym_iterator));
        // c. If method is undefined, throw a TypeError exception.
        if (method.is_undefined()) return ctx.throw_type_error("Iterator.concat: argument is not iterable");
        // d. Append the Record { [[OpenMethod]]: method, [[Iterable]]: item } to iterables.
        iterables.push_back(std::move(method));
        iterables.push_back(item);
    }
    Value list = TRY(create_array_from_list(ctx, iterables));
    // 3-6. Let gen be CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%,
    //      « [[UnderlyingIterators]] ») with an empty [[UnderlyingIterators]]; return gen.
    return create_iterator_helper(ctx, IteratorRecord{}, IteratorHelperKind::Concat, list, 0);
}

static const FunctionListEntry iterator_constructor_functions[] = {
    QJS_FUNC("from", 1, iterator_from),
    QJS_FUNC("concat", 0, iterator_concat),
};

static const FunctionListEntry wrap_prototype_functions[] = {
    QJS_FUNC("next", 0, wrap_next),
    QJS_FUNC("return", 0, wrap_return),
};

static bool write_wrap(Object* o, HeapWriter& w) {
    static_cast<WrapForValidIteratorObject*>(o)->m_iterated.write(w);
    return true;
}
static bool read_wrap(Object* o, HeapReader& r) {
    return static_cast<WrapForValidIteratorObject*>(o)->m_iterated.read(r);
}
static const ClassSnapshotHooks kWrapSnapshot = {
    sizeof(WrapForValidIteratorObject),
    0,
    nullptr,
    construct_payload<WrapForValidIteratorObject>,
    write_wrap,
    read_wrap,
    nullptr,
};

bool install_iterator_constructor(Context& ctx, Object* proto) {
    ClassHooks hooks;
    hooks.visit = wrap_visit;
    hooks.clear = wrap_clear;
    hooks.snapshot = &kWrapSnapshot;
    register_class_hooks(ClassId::WrapForValidIterator, hooks);

    Object* ctor = define_builtin_constructor(ctx, iterator_constructor, "Iterator", 0, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Iterator, ctor);
    if (!define_function_list(ctx, ctor, iterator_constructor_functions)) return false;

    // 27.1.3.2.1.1 The %WrapForValidIteratorPrototype% Object
    Object* wrap_proto = Object::create(ctx, proto, ClassId::Object);
    if (!wrap_proto) return false;
    Value wrap_proto_value = Value::adopt(Tag::Object, wrap_proto);
    ctx.set_intrinsic(Intrinsic::WrapForValidIteratorPrototype, wrap_proto);
    return define_function_list(ctx, wrap_proto, wrap_prototype_functions);
}

} // namespace qjs
