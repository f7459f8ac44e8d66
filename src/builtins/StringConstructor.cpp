// StringConstructor.cpp: the String constructor and its static methods (ECMA-262 22.1.1, 22.1.2).
#include "base/NumberConversion.h"
#include "builtins/Builtins.h"
#include "builtins/StringPrototype.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"
#include "runtime/Symbol.h"

namespace qjs {

// 20.4.3.3.1 SymbolDescriptiveString ( sym ) (#sec-symboldescriptivestring)
static Value symbol_descriptive_string(Context& ctx, Symbol* sym) {
    // 1. Let desc be sym's [[Description]] value.
    // 2. If desc is undefined, set desc to the empty String.
    // 3. Assert: desc is a String.
    // 4. Return the string-concatenation of "Symbol(", desc, and ")".
    StringBuilder sb(ctx.rt());
    bool ok = sb.append_ascii("Symbol(");
    if (!sym->description.is_undefined()) ok = ok && sb.append(sym->description.as_string());
    ok = ok && sb.append(u')');
    if (!ok) return ctx.throw_out_of_memory();
    return finish_string_builder(ctx, sb);
}

// 22.1.1.1 String ( value ) (#sec-string-constructor-string-value)
static Value string_constructor(Context& ctx, const CallArgs& args) {
    Value s;
    // 1. If value is not present, let s be the empty String.
    if (args.count() == 0) {
        s = ctx.atom_value(atoms::empty_string);
    } else {
        const Value& value = args.arg(0);
        // 2.a. If NewTarget is undefined and value is a Symbol, return SymbolDescriptiveString(value).
        if (!args.is_construct() && value.is_symbol())
            return symbol_descriptive_string(ctx, value.as_symbol());
        // 2.b. Let s be ? ToString(value).
        s = TRY(to_string(ctx, value));
    }
    // 3. If NewTarget is undefined, return s.
    if (!args.is_construct()) return s;
    // 4. Return StringCreate(s, ? GetPrototypeFromConstructor(NewTarget, "%String.prototype%")).
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::StringPrototype)));
    Value o = new_primitive_wrapper(ctx, proto, ClassId::String, s);
    if (proto) proto->unref();
    return o;
}

// 22.1.2.1 String.fromCharCode ( ...codeUnits ) (#sec-string.fromcharcode)
static Value string_from_char_code(Context& ctx, const CallArgs& args) {
    // Fast path: a single argument that is already an int32 (the common `String.fromCharCode(c)`).
    if (args.count() == 1 && args.arg(0).is_int32()) {
        char16_t c = static_cast<char16_t>(args.arg(0).as_int32());
        return adopt_string(ctx, String::create_utf16(ctx.rt(), &c, 1));
    }
    // 1. Let result be the empty String.
    StringBuilder result(ctx.rt());
    // 2. For each element next of codeUnits, do
    for (const Value& next : args.args) {
        // a. Let nextCU be the code unit whose numeric value is ℝ(? ToUint16(next)).
        uint16_t cu = TRY(to_uint16(ctx, next));
        // b. Set result to the string-concatenation of result and nextCU.
        if (!result.append(static_cast<char16_t>(cu))) return ctx.throw_out_of_memory();
    }
    // 3. Return result.
    return finish_string_builder(ctx, result);
}

// 22.1.2.2 String.fromCodePoint ( ...codePoints ) (#sec-string.fromcodepoint)
static Value string_from_code_point(Context& ctx, const CallArgs& args) {
    // 1. Let result be the empty String.
    StringBuilder result(ctx.rt());
    // 2. For each element next of codePoints, do
    for (const Value& next : args.args) {
        // a. Let nextCP be ? ToNumber(next).
        double cp = TRY(to_number(ctx, next));
        // b. If IsIntegralNumber(nextCP) is false, throw a RangeError exception.
        // c. If ℝ(nextCP) < 0 or ℝ(nextCP) > 0x10FFFF, throw a RangeError exception.
        if (!(cp >= 0 && cp <= 0x10ffff) || cp != static_cast<double>(static_cast<uint32_t>(cp))) {
            char num[kNumberToStringBufferSize + 1];
            num[number_to_string(cp, num)] = 0;
            return ctx.throw_range_error("Invalid code point %s", num);
        }
        // d. Set result to the string-concatenation of result and UTF16EncodeCodePoint(ℝ(nextCP)).
        if (!result.append_code_point(static_cast<uint32_t>(cp))) return ctx.throw_out_of_memory();
    }
    // 4. Return result.
    return finish_string_builder(ctx, result);
}

// 22.1.2.4 String.raw ( template, ...substitutions ) (#sec-string.raw)
static Value string_raw(Context& ctx, const CallArgs& args) {
    // 1. Let substitutionCount be the number of elements in substitutions.
    uint64_t substitution_count = args.count() > 0 ? args.count() - 1 : 0;
    // 2. Let cooked be ? ToObject(template).
    Value cooked = TRY(to_object(ctx, args.arg(0)));
    // 3. Let literals be ? ToObject(? Get(cooked, "raw")).
    Value raw = TRY(get(ctx, cooked.as_object(), atoms::raw));
    Value literals = TRY(to_object(ctx, raw));
    // 4. Let literalCount be ? LengthOfArrayLike(literals).
    uint64_t literal_count = TRY(length_of_array_like(ctx, literals.as_object()));
    // 5. If literalCount ≤ 0, return the empty String.
    if (literal_count == 0) return ctx.atom_value(atoms::empty_string);
    // 6. Let R be the empty String.
    StringBuilder r(ctx.rt());
    // 7. Let nextIndex be 0.
    // 8. Repeat,
    for (uint64_t next_index = 0;; ++next_index) {
        // a. Let nextLiteralVal be ? Get(literals, ! ToString(𝔽(nextIndex))).
        Value next_literal_val = TRY(get_index(ctx, literals.as_object(), next_index));
        // b. Let nextLiteral be ? ToString(nextLiteralVal).
        Value next_literal = TRY(to_string(ctx, next_literal_val));
        // c. Set R to the string-concatenation of R and nextLiteral.
        if (!r.append(next_literal.as_string())) return ctx.throw_out_of_memory();
        // d. If nextIndex + 1 = literalCount, return R.
        if (next_index + 1 == literal_count) return finish_string_builder(ctx, r);
        // e. If nextIndex < substitutionCount, then
        if (next_index < substitution_count) {
            // i-ii. Let nextSub be ? ToString(substitutions[nextIndex]).
            Value next_sub = TRY(to_string(ctx, args.arg(next_index + 1)));
            // iii. Set R to the string-concatenation of R and nextSub.
            if (!r.append(next_sub.as_string())) return ctx.throw_out_of_memory();
        }
        // f. Set nextIndex to nextIndex + 1.
    }
}

static const FunctionListEntry kStringConstructorFunctions[] = {
    QJS_FUNC("fromCharCode", 1, string_from_char_code),
    QJS_FUNC("fromCodePoint", 1, string_from_code_point),
    QJS_FUNC("raw", 1, string_raw),
};

// 22.1.2 Properties of the String Constructor (#sec-properties-of-the-string-constructor)
bool install_string(Context& ctx) {
    // 22.1.3: the String prototype object is a String exotic object whose [[StringData]] is "".
    Value proto = new_primitive_wrapper(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::String,
                                        ctx.atom_value(atoms::empty_string));
    if (proto.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::StringPrototype, proto.as_object());
    Object* ctor = define_builtin_constructor(ctx, string_constructor, "String", 1, proto.as_object());
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::String, ctor);
    if (!define_function_list(ctx, ctor, kStringConstructorFunctions)) return false;
    return install_string_iterator_prototype(ctx) && install_string_prototype(ctx, proto.as_object()) &&
           install_string_prototype_case(ctx, proto.as_object()) &&
           install_string_prototype_pad(ctx, proto.as_object()) &&
           install_string_prototype_regexp(ctx, proto.as_object()) &&
           install_string_prototype_html(ctx, proto.as_object());
}

} // namespace qjs
