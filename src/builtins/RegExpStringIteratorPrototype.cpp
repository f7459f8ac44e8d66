// RegExpStringIteratorPrototype.cpp: 22.2.9 RegExp String Iterator Objects (String.prototype.matchAll).
#include "builtins/RegExp.h"
#include "gc/Visitor.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Iteration.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

namespace qjs {

namespace {

// The state of the spec's generator closure: the regexp, the string and the flags.
class RegExpStringIteratorObject : public Object {
  public:
    Value m_iterating_regexp; // [[IteratingRegExp]]
    Value m_iterated_string;  // [[IteratedString]]
    bool m_global = false;
    bool m_unicode = false;
    bool m_done = false;
};

void iterator_visit(Object* o, EdgeVisitor& v) {
    auto* it = static_cast<RegExpStringIteratorObject*>(o);
    v.visit_value(it->m_iterating_regexp);
    v.visit_value(it->m_iterated_string);
}

void iterator_clear(Object* o) {
    auto* it = static_cast<RegExpStringIteratorObject*>(o);
    it->m_iterating_regexp = Value();
    it->m_iterated_string = Value();
}

} // namespace

// 22.2.9.1 CreateRegExpStringIterator ( R, S, global, fullUnicode ) (#sec-createregexpstringiterator)
Value create_regexp_string_iterator(Context& ctx, const Value& r, const Value& s, bool global,
                                    bool full_unicode) {
    auto* it = Object::create_as<RegExpStringIteratorObject>(
        ctx, ctx.intrinsic(Intrinsic::RegExpStringIteratorPrototype), ClassId::RegExpStringIterator);
    if (!it) return Exception{};
    it->m_iterating_regexp = r;
    it->m_iterated_string = s;
    it->m_global = global;
    it->m_unicode = full_unicode;
    return Value::adopt(Tag::Object, it);
}

// 22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( ) (#sec-%regexpstringiteratorprototype%.next)
static Value regexp_string_iterator_next(Context& ctx, const CallArgs& args) {
    const Value& o = args.this_value;
    if (!o.is_object() || o.as_object()->class_id() != ClassId::RegExpStringIterator)
        return ctx.throw_type_error("not a RegExp String Iterator");
    auto* it = static_cast<RegExpStringIteratorObject*>(o.as_object());
    if (it->m_done) return create_iter_result_object(ctx, Value(), true);
    Object* r = it->m_iterating_regexp.as_object();
    String* s = it->m_iterated_string.as_string();
    // i. Let match be ? RegExpExec(R, S).
    Value match = TRY(regexp_exec(ctx, r, s));
    // ii. If match is null, return undefined (the iterator is done).
    if (match.is_null()) {
        it->m_done = true;
        return create_iter_result_object(ctx, Value(), true);
    }
    // iii. If global is false, yield match and finish.
    if (!it->m_global) {
        it->m_done = true;
        return create_iter_result_object(ctx, match, false);
    }
    // iv.1. Let matchStr be ? ToString(? Get(match, "0")).
    Value m0 = TRY(get_index(ctx, match.as_object(), 0));
    Value match_str = TRY(to_string(ctx, m0));
    // iv.2. If matchStr is the empty String, advance lastIndex.
    if (match_str.as_string()->length() == 0) {
        Value li = TRY(get(ctx, r, atoms::lastIndex));
        uint64_t this_index = TRY(to_length(ctx, li));
        uint64_t next_index = advance_string_index(s, this_index, it->m_unicode);
        TRY(set_or_throw(ctx, r, atoms::lastIndex, Value::number(static_cast<double>(next_index))));
    }
    // iv.3. Perform ? GeneratorYield(CreateIterResultObject(match, false)).
    return create_iter_result_object(ctx, match, false);
}

static const FunctionListEntry kRegExpStringIteratorPrototype[] = {
    QJS_FUNC("next", 0, regexp_string_iterator_next),
    QJS_PROP_STRING("[Symbol.toStringTag]", "RegExp String Iterator", prop::Configurable),
};

static bool write_regexp_string_iterator(Object* o, HeapWriter& w) {
    auto* it = static_cast<RegExpStringIteratorObject*>(o);
    w.value(it->m_iterating_regexp);
    w.value(it->m_iterated_string);
    w.out().u8((it->m_global ? 1 : 0) | (it->m_unicode ? 2 : 0) | (it->m_done ? 4 : 0));
    return true;
}
static bool read_regexp_string_iterator(Object* o, HeapReader& r) {
    auto* it = static_cast<RegExpStringIteratorObject*>(o);
    uint8_t flags;
    if (!r.object(&it->m_iterating_regexp, true) || !r.value(&it->m_iterated_string) || !r.u8(&flags))
        return false;
    if (flags > 7 || !(it->m_iterated_string.is_string() || it->m_iterated_string.is_undefined()))
        return r.fail("bad regexp string iterator");
    it->m_global = flags & 1;
    it->m_unicode = flags & 2;
    it->m_done = flags & 4;
    return true;
}
static const ClassSnapshotHooks kRegExpStringIteratorSnapshot = {
    sizeof(RegExpStringIteratorObject),
    0,
    nullptr,
    construct_payload<RegExpStringIteratorObject>,
    write_regexp_string_iterator,
    read_regexp_string_iterator,
    nullptr,
};

bool install_regexp_string_iterator_prototype(Context& ctx) {
    register_class_hooks(ClassId::RegExpStringIterator, ClassHooks{iterator_visit, iterator_clear, nullptr,
                                                                   nullptr, &kRegExpStringIteratorSnapshot});
    Object* iter_proto = ctx.intrinsic(Intrinsic::IteratorPrototype);
    if (!iter_proto) iter_proto = ctx.intrinsic(Intrinsic::ObjectPrototype);
    Object* proto = Object::create(ctx, iter_proto, ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::RegExpStringIteratorPrototype, proto);
    proto->unref();
    return define_function_list(ctx, proto, kRegExpStringIteratorPrototype);
}

} // namespace qjs
