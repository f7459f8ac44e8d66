// RegExpLegacy.cpp: the legacy static properties of %RegExp% (Annex B proposal "Legacy RegExp
// features in JavaScript", #sec-regexp-legacy-static-properties): RegExp.input ($_), lastMatch ($&),
// lastParen ($+), leftContext ($`), rightContext ($') and $1-$9.
//
// The realm's [[RegExpInput]], [[RegExpLastMatch]], ... slots are kept as the last legacy match's
// subject string and capture indexes, in an internal array (Intrinsic::RegExpLegacyStatics), so a
// match costs a few stores and the substrings are only made when a getter asks.
#include "builtins/Builtins.h"
#include "builtins/RegExp.h"
#include "builtins/StringPrototype.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

namespace {

// The internal array's layout. A string slot holding undefined is "empty" (invalidated).
enum LegacyIndex : uint32_t {
    kInput = 0,      // [[RegExpInput]]
    kSubject = 1,    // S of the last legacy match (the other slots derive from it)
    kGroupCount = 2, // n, the number of capture groups
    kCaptures = 3,   // start/end pairs of the match and groups 1-9 (-1 when unmatched)
    kLastParen = 23, // start/end of group n
    kSlotCount = 25,
};
constexpr uint32_t kStaticGroups = 9;

Object* legacy_statics(Context& ctx) {
    Object* a = ctx.intrinsic(Intrinsic::RegExpLegacyStatics);
    if (!a || !a->is_array() || a->m_element_count < kSlotCount) return nullptr;
    return a;
}

// Which slot a getter reads (its magic).
enum LegacySlot : int16_t {
    Input,
    LastMatch,
    LastParen,
    LeftContext,
    RightContext,
    Paren1, // Paren1 + i - 1 for $i
};

// GetLegacyRegExpStaticProperty ( C, thisValue, internalSlotName )
// (#sec-getlegacyregexpstaticproperty)
Value legacy_get(Context& ctx, const CallArgs& args) {
    // 1-2. If SameValue(C, thisValue) is false, throw a TypeError exception.
    Object* regexp = ctx.intrinsic(Intrinsic::RegExp);
    if (!args.this_value.is_object() || args.this_value.as_object() != regexp)
        return ctx.throw_type_error("RegExp legacy static accessor called on an incompatible receiver");
    Object* statics = legacy_statics(ctx);
    // 3. Let value be the value of the internal slot of C named internalSlotName.
    // 4. If value is empty, throw a TypeError exception.
    const Value& subject = statics ? statics->m_elements[kSubject] : Value();
    if (args.magic == Input) {
        const Value& input = statics ? statics->m_elements[kInput] : Value();
        if (!input.is_string()) return ctx.throw_type_error("RegExp.input is not available");
        return input;
    }
    if (!subject.is_string()) return ctx.throw_type_error("RegExp legacy static property is not available");
    const Value* e = statics->m_elements;
    auto range = [&](uint32_t index, int32_t* start, int32_t* end) {
        *start = e[index].as_int32();
        *end = e[index + 1].as_int32();
    };
    int32_t start = 0, end = 0;
    switch (args.magic) {
    case LastMatch: range(kCaptures, &start, &end); break;
    case LastParen: range(kLastParen, &start, &end); break;
    case LeftContext:
        range(kCaptures, &start, &end);
        end = start;
        start = 0;
        break;
    case RightContext:
        range(kCaptures, &start, &end);
        start = end;
        end = static_cast<int32_t>(subject.as_string()->length());
        break;
    default: range(kCaptures + 2 * static_cast<uint32_t>(args.magic - Paren1 + 1), &start, &end); break;
    }
    // 5. Return value (an unmatched group is the empty String).
    if (start < 0 || end < start) return ctx.rt().atom_to_value(atoms::empty_string);
    return substring_value(ctx, subject, static_cast<uint32_t>(start), static_cast<uint32_t>(end));
}

// SetLegacyRegExpStaticProperty ( C, thisValue, internalSlotName, val )
// (#sec-setlegacyregexpstaticproperty): the setter of RegExp.input and RegExp.$_.
Value legacy_set_input(Context& ctx, const CallArgs& args) {
    // 1-2. If SameValue(C, thisValue) is false, throw a TypeError exception.
    Object* regexp = ctx.intrinsic(Intrinsic::RegExp);
    if (!args.this_value.is_object() || args.this_value.as_object() != regexp)
        return ctx.throw_type_error("RegExp legacy static accessor called on an incompatible receiver");
    // 3. Let strVal be ? ToString(val).
    Value str = TRY(to_string(ctx, args.arg(0)));
    // 4. Set the value of the internal slot of C named internalSlotName to strVal.
    if (Object* statics = legacy_statics(ctx)) statics->m_elements[kInput] = std::move(str);
    return Value();
}

#define QJS_LEGACY_GETTER(name, slot)                                                                        \
    { name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, slot, legacy_get, nullptr, 0, nullptr }
#define QJS_LEGACY_INPUT(name)                                                                               \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, Input, legacy_get, legacy_set_input, \
            0, nullptr                                                                                       \
    }

const FunctionListEntry kRegExpLegacyStatics[] = {
    QJS_LEGACY_INPUT("input"),
    QJS_LEGACY_INPUT("$_"),
    QJS_LEGACY_GETTER("lastMatch", LastMatch),
    QJS_LEGACY_GETTER("$&", LastMatch),
    QJS_LEGACY_GETTER("lastParen", LastParen),
    QJS_LEGACY_GETTER("$+", LastParen),
    QJS_LEGACY_GETTER("leftContext", LeftContext),
    QJS_LEGACY_GETTER("$`", LeftContext),
    QJS_LEGACY_GETTER("rightContext", RightContext),
    QJS_LEGACY_GETTER("$'", RightContext),
    QJS_LEGACY_GETTER("$1", Paren1),
    QJS_LEGACY_GETTER("$2", Paren1 + 1),
    QJS_LEGACY_GETTER("$3", Paren1 + 2),
    QJS_LEGACY_GETTER("$4", Paren1 + 3),
    QJS_LEGACY_GETTER("$5", Paren1 + 4),
    QJS_LEGACY_GETTER("$6", Paren1 + 5),
    QJS_LEGACY_GETTER("$7", Paren1 + 6),
    QJS_LEGACY_GETTER("$8", Paren1 + 7),
    QJS_LEGACY_GETTER("$9", Paren1 + 8),
};

#undef QJS_LEGACY_GETTER
#undef QJS_LEGACY_INPUT

} // namespace

void regexp_legacy_update(Context& ctx, RegExpObject* r, String* s, const int32_t* caps,
                          uint32_t group_count) {
    // RegExpBuiltinExec, after a match: 1. Let thisRealm be the current Realm Record.
    // 2-3. If SameValue(thisRealm, R.[[Realm]]) is false, the statics are left alone.
    if (r->m_realm != &ctx) return;
    Object* statics = legacy_statics(ctx);
    if (!statics) return;
    Value* e = statics->m_elements;
    if (!r->m_legacy) {
        // 3.b. Else, perform InvalidateLegacyRegExpStaticProperties(%RegExp%).
        e[kInput] = Value();
        e[kSubject] = Value();
        return;
    }
    // 3.a. UpdateLegacyRegExpStaticProperties ( C, S, startIndex, endIndex, capturedValues )
    // (#sec-updatelegacyregexpstaticproperties): input and the subject are S; the rest derives
    // from the capture indexes.
    e[kInput] = Value::string(s);
    e[kSubject] = Value::string(s);
    e[kGroupCount] = Value::int32(static_cast<int32_t>(group_count));
    for (uint32_t i = 0; i <= kStaticGroups; ++i) {
        bool present = i <= group_count && caps[2 * i] >= 0 && caps[2 * i + 1] >= 0;
        e[kCaptures + 2 * i] = Value::int32(present ? caps[2 * i] : -1);
        e[kCaptures + 2 * i + 1] = Value::int32(present ? caps[2 * i + 1] : -1);
    }
    // [[RegExpLastParen]]: the last of capturedValues when n > 0, else the empty String.
    bool last_present = group_count > 0 && caps[2 * group_count] >= 0 && caps[2 * group_count + 1] >= 0;
    e[kLastParen] = Value::int32(last_present ? caps[2 * group_count] : -1);
    e[kLastParen + 1] = Value::int32(last_present ? caps[2 * group_count + 1] : -1);
}

// The legacy static accessors of %RegExp% and the realm's slots, whose initial values are all the
// empty String.
bool install_regexp_legacy(Context& ctx) {
    Object* regexp = ctx.intrinsic(Intrinsic::RegExp);
    if (!regexp) return true;
    Value statics = new_array(ctx, 0);
    if (statics.is_exception()) return false;
    for (uint32_t i = 0; i < kSlotCount; ++i) {
        Value v = Value::int32(0);
        if (i == kInput || i == kSubject) {
            v = ctx.rt().atom_to_value(atoms::empty_string);
            if (v.is_exception()) return false;
        }
        if (!array_push_fast(ctx, statics.as_object(), std::move(v))) {
            ctx.throw_out_of_memory();
            return false;
        }
    }
    ctx.set_intrinsic(Intrinsic::RegExpLegacyStatics, statics.as_object());
    return define_function_list(ctx, regexp, kRegExpLegacyStatics);
}

} // namespace qjs
