// ArrayIteratorPrototype.cpp: Array Iterator objects and %ArrayIteratorPrototype% (spec 23.1.5).
#include "builtins/Array.h"
#include "builtins/ArrayIterator.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/TypedArrayObject.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

static void array_iterator_visit(Object* o, EdgeVisitor& visitor) {
    visitor.visit_value(static_cast<ArrayIteratorObject*>(o)->m_iterated);
}

static void array_iterator_clear(Object* o) {
    static_cast<ArrayIteratorObject*>(o)->m_iterated = Value();
}

// 23.1.5.1 CreateArrayIterator ( array, kind ) (#sec-createarrayiterator)
Value create_array_iterator(Context& ctx, Object* array, ArrayIterationKind kind) {
    // The spec builds a generator over an abstract closure; this object holds the closure's
    // state: the iterated object, the next index and the kind.
    auto* iterator = Object::create_as<ArrayIteratorObject>(
        ctx, ctx.intrinsic(Intrinsic::ArrayIteratorPrototype), ClassId::ArrayIterator);
    if (!iterator) return Exception{};
    iterator->m_iterated = Value::object(array);
    iterator->m_next_index = 0;
    iterator->m_kind = kind;
    return Value::adopt(Tag::Object, iterator);
}

// 23.1.5.2.1 %ArrayIteratorPrototype%.next ( ) (#sec-%arrayiteratorprototype%.next)
static Value array_iterator_next(Context& ctx, const CallArgs& args) {
    // 1. Return ? GeneratorResume(this value, empty, "%ArrayIteratorPrototype%").
    //    (GeneratorValidate: the this value must be an Array Iterator.)
    const Value& this_value = args.this_value;
    if (!this_value.is_object() || this_value.as_object()->class_id() != ClassId::ArrayIterator)
        return ctx.throw_type_error("not an Array Iterator");
    auto* iterator = static_cast<ArrayIteratorObject*>(this_value.as_object());
    // A completed generator keeps returning { undefined, true }.
    if (iterator->m_iterated.is_undefined()) return create_iter_result_object(ctx, Value(), true);
    Value array_value = iterator->m_iterated;
    Object* array = array_value.as_object();
    uint64_t index = iterator->m_next_index;

    // 23.1.5.1 step 2.b (the closure's loop body)
    // i-iii. If array has a [[TypedArrayName]] slot, use TypedArrayLength; else
    //        let len be ? LengthOfArrayLike(array).
    uint64_t len;
    if (array->is_array()) {
        // Fast path: an Array's "length" is an own data property, reading it runs no code.
        len = array->m_array_length;
    } else {
        Result<uint64_t> len_result = array->class_id() == ClassId::TypedArray
                                          ? typed_array_length_for_iteration(ctx, array)
                                          : length_of_array_like(ctx, array);
        if (len_result.is_exception()) {
            // An abrupt completion ends the generator.
            iterator->m_iterated = Value();
            return Exception{};
        }
        len = len_result.value();
    }
    // iv. If index >= len, return NormalCompletion(undefined) (the generator completes).
    if (index >= len) {
        iterator->m_iterated = Value();
        return create_iter_result_object(ctx, Value(), true);
    }
    // v. Let indexNumber be F(index).
    Value index_number = index_value(index);
    iterator->m_next_index = index + 1; // viii. Set index to index + 1 (done early; nothing reads it).
    Value result;
    // vi. If kind is key, let result be indexNumber.
    if (iterator->m_kind == ArrayIterationKind::Keys) {
        result = std::move(index_number);
    } else {
        // vii.1-2. Let elementValue be ? Get(array, ! ToString(indexNumber)).
        Value element_value = get_index_fast(ctx, array, index);
        if (element_value.is_exception()) {
            iterator->m_iterated = Value();
            return Exception{};
        }
        if (iterator->m_kind == ArrayIterationKind::Values) {
            // 3. If kind is value, let result be elementValue.
            result = std::move(element_value);
        } else {
            // 4.b. Let result be CreateArrayFromList(« indexNumber, elementValue »).
            Value pair[2] = {std::move(index_number), std::move(element_value)};
            result = TRY(create_array_from_list(ctx, pair));
        }
    }
    // ix. Perform ? GeneratorYield(CreateIteratorResultObject(result, false)).
    return create_iter_result_object(ctx, result, false);
}

static const FunctionListEntry array_iterator_prototype_functions[] = {
    QJS_FUNC("next", 0, array_iterator_next),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Array Iterator", prop::Configurable),
};

bool is_original_array_iterator_next(Object* fn) {
    static uint32_t next_id = register_native(array_iterator_next, "ArrayIterator.prototype.next");
    return fn->class_id() == ClassId::NativeFunction &&
           static_cast<NativeFunctionObject*>(fn)->m_native_id == next_id;
}

// 23.1.5.2 The %ArrayIteratorPrototype% Object (#sec-%arrayiteratorprototype%-object)
static bool write_array_iterator(Object* o, HeapWriter& w) {
    auto* it = static_cast<ArrayIteratorObject*>(o);
    w.value(it->m_iterated);
    w.out().varuint(it->m_next_index);
    w.out().u8(static_cast<uint8_t>(it->m_kind));
    return true;
}
static bool read_array_iterator(Object* o, HeapReader& r) {
    auto* it = static_cast<ArrayIteratorObject*>(o);
    uint8_t kind;
    if (!r.object(&it->m_iterated, true) || !r.in().varuint(&it->m_next_index) || !r.u8(&kind)) return false;
    if (kind > static_cast<uint8_t>(ArrayIterationKind::Entries)) return r.fail("bad iterator kind");
    it->m_kind = static_cast<ArrayIterationKind>(kind);
    return true;
}
static const ClassSnapshotHooks kArrayIteratorSnapshot = {
    sizeof(ArrayIteratorObject),
    0,
    nullptr,
    construct_payload<ArrayIteratorObject>,
    write_array_iterator,
    read_array_iterator,
    nullptr,
};

bool install_array_iterator_prototype(Context& ctx) {
    ClassHooks hooks;
    hooks.visit = array_iterator_visit;
    hooks.clear = array_iterator_clear;
    hooks.snapshot = &kArrayIteratorSnapshot;
    register_class_hooks(ClassId::ArrayIterator, hooks);

    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::IteratorPrototype), ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::ArrayIteratorPrototype, proto);
    return define_function_list(ctx, proto, array_iterator_prototype_functions);
}

} // namespace qjs
