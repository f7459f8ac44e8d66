// StringIteratorPrototype.cpp: String Iterator objects and %StringIteratorPrototype% (ECMA-262 22.1.5).
#include "builtins/StringPrototype.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

// The payload of a ClassId::StringIterator object: the state of the spec's generator closure.
class StringIteratorObject : public Object {
  public:
    Value m_iterated;        // the string s; undefined once the iterator is exhausted
    uint32_t m_position = 0; // the closure's position
};

static void string_iterator_visit(Object* o, EdgeVisitor& visitor) {
    visitor.visit_value(static_cast<StringIteratorObject*>(o)->m_iterated);
}

static void string_iterator_clear(Object* o) {
    static_cast<StringIteratorObject*>(o)->m_iterated = Value();
}

// 22.1.3.36 steps 3-5: CreateIteratorFromClosure(closure, "%StringIteratorPrototype%", ...)
Value create_string_iterator(Context& ctx, const Value& string) {
    auto* iterator = Object::create_as<StringIteratorObject>(
        ctx, ctx.intrinsic(Intrinsic::StringIteratorPrototype), ClassId::StringIterator);
    if (!iterator) return Exception{};
    iterator->m_iterated = string;
    iterator->m_position = 0;
    return Value::adopt(Tag::Object, iterator);
}

// 22.1.5.1.1 %StringIteratorPrototype%.next ( ) (#sec-%stringiteratorprototype%.next)
static Value string_iterator_next(Context& ctx, const CallArgs& args) {
    // 1. Return ? GeneratorResume(this value, empty, "%StringIteratorPrototype%").
    //    (GeneratorValidate: the this value must be a String Iterator.)
    const Value& this_value = args.this_value;
    if (!this_value.is_object() || this_value.as_object()->class_id() != ClassId::StringIterator)
        return ctx.throw_type_error("not a String Iterator");
    auto* iterator = static_cast<StringIteratorObject*>(this_value.as_object());
    // A completed generator keeps returning { undefined, true }.
    if (iterator->m_iterated.is_undefined()) return create_iter_result_object(ctx, Value(), true);
    const String* s = iterator->m_iterated.as_string();
    // 22.1.3.36 step 3 (the closure): a. Let len be the length of s.
    uint32_t len = s->length();
    uint32_t position = iterator->m_position;
    // c. Repeat, while position < len, ... d. Return NormalCompletion(undefined).
    if (position >= len) {
        iterator->m_iterated = Value();
        return create_iter_result_object(ctx, Value(), true);
    }
    // i. Let cp be CodePointAt(s, position).
    uint32_t units;
    (void)s->code_point_at(position, &units);
    // ii. Let nextIndex be position + cp.[[CodeUnitCount]].
    // iii. Let resultString be the substring of s from position to nextIndex.
    Value result_string = TRY(substring_value(ctx, iterator->m_iterated, position, position + units));
    // iv. Set position to nextIndex.
    iterator->m_position = position + units;
    // v. Perform ? GeneratorYield(CreateIteratorResultObject(resultString, false)).
    return create_iter_result_object(ctx, result_string, false);
}

static const FunctionListEntry kStringIteratorPrototypeFunctions[] = {
    QJS_FUNC("next", 0, string_iterator_next),
    // 22.1.5.1.2 %StringIteratorPrototype% [ @@toStringTag ]
    QJS_PROP_STRING("[Symbol.toStringTag]", "String Iterator", prop::Configurable),
};

// 22.1.5.1 The %StringIteratorPrototype% Object (#sec-%stringiteratorprototype%-object)
static bool write_string_iterator(Object* o, HeapWriter& w) {
    auto* it = static_cast<StringIteratorObject*>(o);
    w.value(it->m_iterated);
    w.out().varuint(it->m_position);
    return true;
}
static bool read_string_iterator(Object* o, HeapReader& r) {
    auto* it = static_cast<StringIteratorObject*>(o);
    if (!r.value(&it->m_iterated) || !r.varuint32(&it->m_position)) return false;
    if (!it->m_iterated.is_undefined() && !it->m_iterated.is_string()) return r.fail("bad string iterator");
    return true;
}
static const ClassSnapshotHooks kStringIteratorSnapshot = {
    sizeof(StringIteratorObject),
    0,
    nullptr,
    construct_payload<StringIteratorObject>,
    write_string_iterator,
    read_string_iterator,
    nullptr,
};

bool install_string_iterator_prototype(Context& ctx) {
    ClassHooks hooks;
    hooks.visit = string_iterator_visit;
    hooks.clear = string_iterator_clear;
    hooks.snapshot = &kStringIteratorSnapshot;
    register_class_hooks(ClassId::StringIterator, hooks);

    // [[Prototype]] is %Iterator.prototype% (falls back to Object.prototype if not installed yet).
    Object* parent = ctx.intrinsic(Intrinsic::IteratorPrototype);
    if (!parent) parent = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* proto = Object::create(ctx, parent, ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::StringIteratorPrototype, proto);
    return define_function_list(ctx, proto, kStringIteratorPrototypeFunctions);
}

} // namespace qjs
