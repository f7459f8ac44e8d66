// RegExpConstructor.cpp: 22.2.3 abstract operations for RegExp creation, 22.2.4 the RegExp
// constructor and its properties (RegExp.escape, @@species), and the installer of the family.
#include "builtins/Builtins.h"
#include "builtins/RegExp.h"
#include "builtins/StringPrototype.h" // is_regexp (IsRegExp)
#include "gc/Visitor.h"
#include "regexp/RegExpCompiler.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"
#include "snapshot/HeapReader.h"
#include "snapshot/HeapWriter.h"

#include <cstring>

namespace qjs {

static void regexp_visit(Object* o, EdgeVisitor& v) {
    auto* r = static_cast<RegExpObject*>(o);
    v.visit_value(r->m_source);
    v.visit_value(r->m_flags);
}

static void regexp_clear(Object* o) {
    auto* r = static_cast<RegExpObject*>(o);
    r->m_source = Value();
    r->m_flags = Value();
}

static void regexp_finalize(Object* o) {
    auto* r = static_cast<RegExpObject*>(o);
    if (r->m_program) {
        Runtime::current()->free(r->m_program);
        r->m_program = nullptr;
    }
}

// 22.2.3.2 RegExpAlloc ( newTarget ) (#sec-regexpalloc)
static Value regexp_alloc(Context& ctx, const Value& new_target) {
    // 1. Let obj be ? OrdinaryCreateFromConstructor(newTarget, "%RegExp.prototype%", ...).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, new_target, ctx.intrinsic(Intrinsic::RegExpPrototype)));
    Value proto_hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    auto* obj = Object::create_as<RegExpObject>(ctx, proto, ClassId::RegExp);
    if (!obj) return Exception{};
    Value result = Value::adopt(Tag::Object, obj);
    // (Legacy RegExp features: [[Realm]] and [[LegacyFeaturesEnabled]] = SameValue(newTarget, %RegExp%).)
    obj->m_realm = &ctx;
    obj->m_legacy = new_target.is_object() && new_target.as_object() == ctx.intrinsic(Intrinsic::RegExp);
    // 2. Perform ! DefinePropertyOrThrow(obj, "lastIndex", PropertyDescriptor { [[Writable]]: true,
    //    [[Enumerable]]: false, [[Configurable]]: false }). (Created first: it is slot 0.)
    if (!define_fresh_property(ctx, obj, atoms::lastIndex, Value(), prop::Writable)) return Exception{};
    // 3. Return obj.
    return result;
}

// 22.2.3.3 RegExpInitialize ( obj, pattern, flags ) (#sec-regexpinitialize)
static Value regexp_initialize(Context& ctx, RegExpObject* obj, const Value& pattern, const Value& flags) {
    // 1. If pattern is undefined, let P be the empty String. 2. Else, let P be ? ToString(pattern).
    Value p = pattern.is_undefined() ? Value::string(ctx.rt().atom_string(atoms::empty_string))
                                     : TRY(to_string(ctx, pattern));
    // 3. If flags is undefined, let F be the empty String. 4. Else, let F be ? ToString(flags).
    Value f = flags.is_undefined() ? Value::string(ctx.rt().atom_string(atoms::empty_string))
                                   : TRY(to_string(ctx, flags));
    // 5-8. F must contain only "dgimsuvy", each at most once, and not both u and v.
    String* fs = f.as_string();
    Vector<char16_t> fbuf(fs->length());
    for (uint32_t i = 0; i < fs->length(); ++i)
        fbuf[i] = fs->at(i);
    uint32_t bits;
    if (!regexp::parse_flags(fbuf.data(), fbuf.size(), &bits)) {
        std::string text = fs->to_utf8();
        return ctx.throw_syntax_error("Invalid regular expression flags '%s'", text.c_str());
    }
    // 9-13. Parse the pattern (as code points when u or v is present); early errors throw a SyntaxError.
    String* ps = p.as_string();
    Vector<char16_t> pbuf(ps->length());
    for (uint32_t i = 0; i < ps->length(); ++i)
        pbuf[i] = ps->at(i);
    regexp::Program program;
    regexp::CompileError error;
    if (!regexp::compile(pbuf.data(), pbuf.size(), bits, program, error)) {
        if (error.out_of_memory) return ctx.throw_out_of_memory();
        std::string text = ps->to_utf8();
        return ctx.throw_syntax_error("Invalid regular expression: /%s/: %s", text.c_str(), error.message);
    }
    size_t bytes = program.words.size() * sizeof(uint32_t);
    auto* code = static_cast<uint32_t*>(ctx.rt().alloc(bytes));
    if (!code) return ctx.throw_out_of_memory();
    memcpy(code, program.words.data(), bytes);
    // 14-17. Set obj.[[OriginalSource]], [[OriginalFlags]] and [[RegExpMatcher]].
    if (obj->m_program) ctx.rt().free(obj->m_program);
    obj->m_program = code;
    obj->m_flag_bits = bits;
    obj->m_source = std::move(p);
    obj->m_flags = std::move(f);
    // 18. Perform ? Set(obj, "lastIndex", +0𝔽, true).
    TRY(set_or_throw(ctx, obj, atoms::lastIndex, Value::int32(0)));
    // 19. Return obj.
    return Value::object(obj);
}

// 22.2.3.1 RegExpCreate ( P, F ) (#sec-regexpcreate)
Value regexp_create(Context& ctx, const Value& pattern, const Value& flags) {
    // 1. Let obj be ! RegExpAlloc(%RegExp%).
    Value obj = TRY(regexp_alloc(ctx, Value::object(ctx.intrinsic(Intrinsic::RegExp))));
    // 2. Return ? RegExpInitialize(obj, P, F).
    return regexp_initialize(ctx, static_cast<RegExpObject*>(obj.as_object()), pattern, flags);
}

// B.2.4.1 RegExp.prototype.compile ( pattern, flags ) (#sec-regexp.prototype.compile)
Value regexp_prototype_compile(Context& ctx, const CallArgs& args) {
    // 1. Let O be the this value.
    // 2. Perform ? RequireInternalSlot(O, [[RegExpMatcher]]).
    const Value& o = args.this_value;
    if (!o.is_object() || o.as_object()->class_id() != ClassId::RegExp)
        return ctx.throw_type_error("RegExp.prototype.compile called on incompatible receiver");
    // (Legacy RegExp features: the receiver must be a plain RegExp of this realm.)
    auto* ro = static_cast<RegExpObject*>(o.as_object());
    if (ro->m_realm != &ctx || !ro->m_legacy)
        return ctx.throw_type_error("RegExp.prototype.compile called on a subclass or cross-realm RegExp");
    const Value& pattern = args.arg(0);
    const Value& flags = args.arg(1);
    // 3. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
    if (pattern.is_object() && pattern.as_object()->class_id() == ClassId::RegExp) {
        // a. If flags is not undefined, throw a TypeError exception.
        if (!flags.is_undefined()) return ctx.throw_type_error("flags must be undefined");
        auto* pr = static_cast<RegExpObject*>(pattern.as_object());
        // b-c. Let P be pattern.[[OriginalSource]]; let F be pattern.[[OriginalFlags]].
        Value p = pr->m_source, f = pr->m_flags;
        // 5. Return ? RegExpInitialize(O, P, F).
        return regexp_initialize(ctx, static_cast<RegExpObject*>(o.as_object()), p, f);
    }
    // 4. Else, let P be pattern and F be flags.
    return regexp_initialize(ctx, static_cast<RegExpObject*>(o.as_object()), pattern, flags);
}

// 22.2.4.1 RegExp ( pattern, flags ) (#sec-regexp-pattern-flags)
static Value regexp_constructor(Context& ctx, const CallArgs& args) {
    const Value& pattern = args.arg(0);
    const Value& flags = args.arg(1);
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    bool pattern_is_regexp = TRY(is_regexp(ctx, pattern));
    Value new_target;
    // 2. If NewTarget is undefined, then
    if (!args.is_construct()) {
        // a. Let newTarget be the active function object.
        new_target = Value::object(args.callee);
        // b. If patternIsRegExp is true and flags is undefined, then
        if (pattern_is_regexp && flags.is_undefined()) {
            // i. Let patternConstructor be ? Get(pattern, "constructor").
            Value pattern_ctor = TRY(get(ctx, pattern.as_object(), atoms::constructor));
            // ii. If SameValue(newTarget, patternConstructor) is true, return pattern.
            if (same_value(new_target, pattern_ctor)) return pattern;
        }
    } else {
        // 3. Else, let newTarget be NewTarget.
        new_target = args.new_target;
    }
    Value p, f;
    // 4. If pattern is an Object and pattern has a [[RegExpMatcher]] internal slot, then
    if (pattern.is_object() && pattern.as_object()->class_id() == ClassId::RegExp) {
        auto* pr = static_cast<RegExpObject*>(pattern.as_object());
        // a. Let P be pattern.[[OriginalSource]].
        p = pr->m_source;
        // b. If flags is undefined, let F be pattern.[[OriginalFlags]]. c. Else, let F be flags.
        f = flags.is_undefined() ? pr->m_flags : flags;
    } else if (pattern_is_regexp) {
        // 5. Else if patternIsRegExp is true, then
        // a. Let P be ? Get(pattern, "source").
        p = TRY(get(ctx, pattern.as_object(), atoms::source));
        // b. If flags is undefined, let F be ? Get(pattern, "flags"). c. Else, let F be flags.
        f = flags.is_undefined() ? TRY(get(ctx, pattern.as_object(), atoms::flags)) : flags;
    } else {
        // 6. Else, let P be pattern and F be flags.
        p = pattern;
        f = flags;
    }
    // 7. Let O be ? RegExpAlloc(newTarget).
    Value o = TRY(regexp_alloc(ctx, new_target));
    // 8. Return ? RegExpInitialize(O, P, F).
    return regexp_initialize(ctx, static_cast<RegExpObject*>(o.as_object()), p, f);
}

// 22.2.5.2 get RegExp [ %Symbol.species% ] (#sec-get-regexp-%symbol.species%)
static Value regexp_get_species(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static bool append_hex(StringBuilder& sb, const char* prefix, uint32_t v, int digits) {
    char buf[16];
    snprintf(buf, sizeof(buf), "%s%0*x", prefix, digits, v);
    return sb.append_ascii(buf);
}

// 22.2.5.1.1 EncodeForRegExpEscape ( c ) (#sec-encodeforregexpescape)
static bool encode_for_regexp_escape(StringBuilder& sb, uint32_t c) {
    // 1. If c is matched by SyntaxCharacter or c is U+002F (SOLIDUS), return "\" + c.
    if (c < 128 && (strchr("^$\\.*+?()[]{}|/", static_cast<int>(c)) != nullptr) && c != 0)
        return sb.append('\\') && sb.append(static_cast<char16_t>(c));
    // 2. If c is a code point listed in the "Code Point" column of Table 64 (ControlEscape), return "\" + the
    // escape.
    static const char kControl[] = "tnvfr";
    if (c >= 9 && c <= 13) return sb.append('\\') && sb.append(static_cast<char16_t>(kControl[c - 9]));
    // 3-4. otherPunctuators and toEscape (WhiteSpace and LineTerminator).
    bool other_punct = c < 128 && c != 0 && strchr(",-=<>#&!%:;@~'`\"", static_cast<int>(c)) != nullptr;
    bool space = c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
                 c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x0A ||
                 c == 0x0D;
    // 5. If toEscape contains c, or c is a leading or trailing surrogate, then
    if (other_punct || space || (c >= 0xD800 && c <= 0xDFFF)) {
        // a. If c ≤ 0xFF, return "\x" + two lowercase hex digits.
        if (c <= 0xFF) return append_hex(sb, "\\x", c, 2);
        // b. Else, "\u" + four hex digits for each code unit.
        return append_hex(sb, "\\u", c, 4);
    }
    // 6. Return UTF16EncodeCodePoint(c).
    return sb.append_code_point(c);
}

// 22.2.5.1 RegExp.escape ( S ) (#sec-regexp.escape)
static Value regexp_escape(Context& ctx, const CallArgs& args) {
    const Value& s = args.arg(0);
    // 1. If S is not a String, throw a TypeError exception.
    if (!s.is_string()) return ctx.throw_type_error("RegExp.escape requires a string");
    String* str = s.as_string();
    // 2. Let escaped be the empty String.
    StringBuilder sb(ctx.rt());
    // 3. Let cpList be StringToCodePoints(S). 4. For each code point c of cpList, do
    for (uint32_t i = 0; i < str->length();) {
        uint32_t units = 1;
        uint32_t c = str->code_point_at(i, &units);
        bool ok;
        // a. If escaped is empty and c is a decimal digit or ASCII letter, escape it as \xHH.
        if (sb.length() == 0 && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            ok = append_hex(sb, "\\x", c, 2);
        else
            ok = encode_for_regexp_escape(sb, c);
        if (!ok) return ctx.throw_out_of_memory();
        i += units;
    }
    // 5. Return escaped.
    String* out = sb.finish();
    if (!out) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, out);
}

static const FunctionListEntry kRegExpConstructor[] = {
    QJS_FUNC("escape", 1, regexp_escape),
    QJS_GETTER("[Symbol.species]", regexp_get_species),
};

// A regexp is written as its source and flags and compiled again on restore (the program is a
// product of this engine build's compiler, not state).
static bool write_regexp(Object* o, HeapWriter& w) {
    auto* re = static_cast<RegExpObject*>(o);
    w.value(re->m_source);
    w.value(re->m_flags);
    w.realm(re->m_realm);
    w.out().u8(re->m_legacy ? 1 : 0);
    return true;
}
static bool read_regexp(Object* o, HeapReader& r) {
    auto* re = static_cast<RegExpObject*>(o);
    if (!r.value(&re->m_source) || !r.value(&re->m_flags) || !r.realm(&re->m_realm) ||
        !r.boolean(&re->m_legacy))
        return false;
    if (re->m_source.is_undefined() && re->m_flags.is_undefined())
        return true; // allocated, never initialized
    if (!re->m_source.is_string() || !re->m_flags.is_string()) return r.fail("bad regexp source");
    String* fs = re->m_flags.as_string();
    Vector<char16_t> fbuf(fs->length());
    for (uint32_t i = 0; i < fs->length(); ++i)
        fbuf[i] = fs->at(i);
    if (!regexp::parse_flags(fbuf.data(), fbuf.size(), &re->m_flag_bits)) return r.fail("bad regexp flags");
    String* ps = re->m_source.as_string();
    Vector<char16_t> pbuf(ps->length());
    for (uint32_t i = 0; i < ps->length(); ++i)
        pbuf[i] = ps->at(i);
    regexp::Program program;
    regexp::CompileError error;
    if (!regexp::compile(pbuf.data(), pbuf.size(), re->m_flag_bits, program, error))
        return r.fail(error.out_of_memory ? "out of memory" : "a regexp that does not compile");
    size_t bytes = program.words.size() * sizeof(uint32_t);
    re->m_program = static_cast<uint32_t*>(r.rt().alloc(bytes));
    if (!re->m_program) return r.fail("out of memory");
    memcpy(re->m_program, program.words.data(), bytes);
    return true;
}
static const ClassSnapshotHooks kRegExpSnapshot = {
    sizeof(RegExpObject), 0, nullptr, construct_payload<RegExpObject>, write_regexp, read_regexp, nullptr,
};

bool install_regexp(Context& ctx) {
    register_class_hooks(ClassId::RegExp,
                         ClassHooks{regexp_visit, regexp_clear, regexp_finalize, nullptr, &kRegExpSnapshot});
    // 22.2.6 The RegExp prototype object is an ordinary object (not a RegExp instance).
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::RegExpPrototype, proto);
    proto->unref(); // the realm holds it
    Object* ctor = define_builtin_constructor(ctx, regexp_constructor, "RegExp", 2, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::RegExp, ctor);
    return define_function_list(ctx, ctor, kRegExpConstructor) && install_regexp_prototype(ctx, proto) &&
           install_regexp_string_iterator_prototype(ctx);
}

} // namespace qjs
