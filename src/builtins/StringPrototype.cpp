// StringPrototype.cpp: %String.prototype% (ECMA-262 22.1.3): access, search, slicing, trimming and
// well-formedness methods, plus the helpers shared by the other String builtin files. Case mapping
// and normalize are in StringPrototypeCase.cpp, padding/repeat in StringPrototypePad.cpp, the
// RegExp-dispatching methods in StringPrototypeRegExp.cpp and the Annex B HTML methods in
// StringPrototypeHtml.cpp.
#include "builtins/StringPrototype.h"

#include "base/Unicode.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/PrimitiveWrapper.h"

#include <algorithm>
#include <cmath>

namespace qjs {

// ---- Shared helpers ----

Value adopt_string(Context& ctx, String* s) {
    if (!s) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, s);
}

Value finish_string_builder(Context& ctx, StringBuilder& sb) {
    if (sb.failed()) return ctx.throw_out_of_memory();
    return adopt_string(ctx, sb.finish());
}

Value substring_value(Context& ctx, const Value& s, uint32_t start, uint32_t end) {
    String* str = s.as_string();
    if (start == 0 && end == str->length()) return s;
    if (start >= end) return ctx.atom_value(atoms::empty_string);
    return adopt_string(ctx, String::substring(ctx.rt(), str, start, end));
}

Value this_coerced_string(Context& ctx, const Value& this_value, const char* method) {
    // Fast path: the this value is already a string.
    if (this_value.is_string()) return this_value;
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.%s called on null or undefined", method);
    // 2. Let S be ? ToString(O).
    return to_string(ctx, this_value);
}

// 6.1.4.1 StringIndexOf ( string, searchValue, fromIndex ) (#sec-stringindexof)
int64_t string_index_of(const String* string, const String* search_value, uint32_t from_index) {
    // 1. Let len be the length of string.
    uint32_t len = string->length();
    uint32_t search_len = search_value->length();
    // 2. If searchValue is the empty String and fromIndex ≤ len, return fromIndex.
    if (search_len == 0) return from_index <= len ? int64_t(from_index) : int64_t(-1);
    // 3. Let searchLen be the length of searchValue.
    // 4. For each integer i such that fromIndex ≤ i ≤ len - searchLen, in ascending order, do
    //    a-b. If the substring of string from i to i + searchLen is searchValue, return i.
    // 5. Return -1.
    if (search_len > len) return -1;
    return string->index_of(search_value, from_index);
}

// 7.2.8 IsRegExp ( argument ) (#sec-isregexp)
Result<bool> is_regexp(Context& ctx, const Value& argument) {
    // 1. If argument is not an Object, return false.
    if (!argument.is_object()) return false;
    // 2. Let matcher be ? Get(argument, @@match).
    Value matcher = TRY(get(ctx, argument.as_object(), atoms::sym_match));
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    if (!matcher.is_undefined()) return to_boolean(matcher);
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    // 5. Return false.
    return argument.as_object()->class_id() == ClassId::RegExp;
}

// Clamps a ToIntegerOrInfinity result between lo and hi (the spec's "clamping pos between").
static uint32_t clamp_index(double pos, uint32_t lo, uint32_t hi) {
    if (pos < lo) return lo;
    if (pos > hi) return hi;
    return static_cast<uint32_t>(pos);
}

// 22.1.3.35.1 ThisStringValue ( value ) (#sec-thisstringvalue)
static Value this_string_value(Context& ctx, const Value& value, const char* method) {
    // 1. If value is a String, return value.
    if (value.is_string()) return value;
    // 2. If value is an Object and value has a [[StringData]] internal slot, then
    //    a-c. Return value.[[StringData]].
    if (const Value* data = primitive_of(value, ClassId::String)) return *data;
    // 3. Throw a TypeError exception.
    return ctx.throw_type_error("String.prototype.%s requires that 'this' be a String", method);
}

// ---- Methods ----

// 22.1.3.1 String.prototype.at ( index ) (#sec-string.prototype.at)
static Value string_proto_at(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "at"));
    // 3. Let len be the length of S.
    double len = s.as_string()->length();
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    double relative_index = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 5-6. If relativeIndex ≥ 0, let k be relativeIndex; else let k be len + relativeIndex.
    double k = relative_index >= 0 ? relative_index : len + relative_index;
    // 7. If k < 0 or k ≥ len, return undefined.
    if (k < 0 || k >= len) return Value::undefined();
    // 8. Return the substring of S from k to k + 1.
    uint32_t i = static_cast<uint32_t>(k);
    return substring_value(ctx, s, i, i + 1);
}

// 22.1.3.2 String.prototype.charAt ( pos ) (#sec-string.prototype.charat)
static Value string_proto_char_at(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "charAt"));
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    double position = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4. Let size be the length of S.
    // 5. If position < 0 or position ≥ size, return the empty String.
    if (position < 0 || position >= s.as_string()->length()) return ctx.atom_value(atoms::empty_string);
    // 6. Return the substring of S from position to position + 1.
    uint32_t i = static_cast<uint32_t>(position);
    return substring_value(ctx, s, i, i + 1);
}

// 22.1.3.3 String.prototype.charCodeAt ( pos ) (#sec-string.prototype.charcodeat)
static Value string_proto_char_code_at(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "charCodeAt"));
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    double position = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4-5. If position < 0 or position ≥ size, return NaN.
    if (position < 0 || position >= s.as_string()->length()) return Value::float64(NAN);
    // 6. Return the Number value for the numeric value of the code unit at index position.
    return Value::int32(s.as_string()->at(static_cast<uint32_t>(position)));
}

// 22.1.3.4 String.prototype.codePointAt ( pos ) (#sec-string.prototype.codepointat)
static Value string_proto_code_point_at(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "codePointAt"));
    // 3. Let position be ? ToIntegerOrInfinity(pos).
    double position = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 4-5. If position < 0 or position ≥ size, return undefined.
    if (position < 0 || position >= s.as_string()->length()) return Value::undefined();
    // 6. Let cp be CodePointAt(S, position).
    // 7. Return 𝔽(cp.[[CodePoint]]).
    return Value::int32(static_cast<int32_t>(s.as_string()->code_point_at(static_cast<uint32_t>(position))));
}

// 22.1.3.5 String.prototype.concat ( ...args ) (#sec-string.prototype.concat)
static Value string_proto_concat(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "concat"));
    // 3. Let R be S.
    StringBuilder r(ctx.rt());
    if (!r.append(s.as_string())) return ctx.throw_out_of_memory();
    // 4. For each element next of args, do
    for (const Value& next : args.args) {
        // a. Let nextString be ? ToString(next).
        Value next_string = TRY(to_string(ctx, next));
        // b. Set R to the string-concatenation of R and nextString.
        if (uint64_t(r.length()) + next_string.as_string()->length() > String::kMaxLength)
            return ctx.throw_range_error("Invalid string length");
        if (!r.append(next_string.as_string())) return ctx.throw_out_of_memory();
    }
    // 5. Return R.
    return finish_string_builder(ctx, r);
}

// True when `needle` occurs in `haystack` at `start` (code unit comparison).
static bool matches_at(const String* haystack, const String* needle, uint32_t start) {
    uint32_t n = needle->length();
    if (uint64_t(start) + n > haystack->length()) return false;
    // Fast path: both Latin-1.
    if (!haystack->is_wide() && !needle->is_wide())
        return std::equal(needle->latin1(), needle->latin1() + n, haystack->latin1() + start);
    for (uint32_t i = 0; i < n; ++i)
        if (haystack->at(start + i) != needle->at(i)) return false;
    return true;
}

// Steps 3-5 of startsWith/endsWith/includes: the search string, rejecting RegExps.
static Value search_string_argument(Context& ctx, const Value& search_string, const char* method) {
    // 3. Let isRegExp be ? IsRegExp(searchString).
    bool regexp = TRY(is_regexp(ctx, search_string));
    // 4. If isRegExp is true, throw a TypeError exception.
    if (regexp)
        return ctx.throw_type_error("First argument to String.prototype.%s must not be a regular expression",
                                    method);
    // 5. Let searchStr be ? ToString(searchString).
    return to_string(ctx, search_string);
}

// 22.1.3.7 String.prototype.endsWith ( searchString [ , endPosition ] ) (#sec-string.prototype.endswith)
static Value string_proto_ends_with(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "endsWith"));
    // 3-5. Let searchStr be ? ToString(searchString) (after rejecting RegExps).
    Value search_str = TRY(search_string_argument(ctx, args.arg(0), "endsWith"));
    // 6. Let len be the length of S.
    uint32_t len = s.as_string()->length();
    // 7. If endPosition is undefined, let pos be len; else let pos be ? ToIntegerOrInfinity(endPosition).
    double pos = args.arg(1).is_undefined() ? len : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 8. Let end be the result of clamping pos between 0 and len.
    uint32_t end = clamp_index(pos, 0, len);
    // 9. Let searchLength be the length of searchStr.
    uint32_t search_length = search_str.as_string()->length();
    // 10. If searchLength = 0, return true.
    if (search_length == 0) return Value::boolean(true);
    // 11. Let start be end - searchLength.
    // 12. If start < 0, return false.
    if (search_length > end) return Value::boolean(false);
    // 13-14. Return true if the substring of S from start to end is searchStr, else false.
    return Value::boolean(matches_at(s.as_string(), search_str.as_string(), end - search_length));
}

// 22.1.3.8 String.prototype.includes ( searchString [ , position ] ) (#sec-string.prototype.includes)
static Value string_proto_includes(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "includes"));
    // 3-5. Let searchStr be ? ToString(searchString) (after rejecting RegExps).
    Value search_str = TRY(search_string_argument(ctx, args.arg(0), "includes"));
    // 6. Let pos be ? ToIntegerOrInfinity(position).
    // 7. Assert: If position is undefined, then pos is 0.
    double pos = TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 8. Let len be the length of S.
    // 9. Let start be the result of clamping pos between 0 and len.
    uint32_t start = clamp_index(pos, 0, s.as_string()->length());
    // 10. Let index be StringIndexOf(S, searchStr, start).
    // 11. If index is not -1, return true. 12. Return false.
    return Value::boolean(string_index_of(s.as_string(), search_str.as_string(), start) != -1);
}

// 22.1.3.9 String.prototype.indexOf ( searchString [ , position ] ) (#sec-string.prototype.indexof)
static Value string_proto_index_of(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "indexOf"));
    // 3. Let searchStr be ? ToString(searchString).
    Value search_str = TRY(to_string(ctx, args.arg(0)));
    // 4. Let pos be ? ToIntegerOrInfinity(position).
    double pos = TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 5-6. Let start be the result of clamping pos between 0 and len.
    uint32_t start = clamp_index(pos, 0, s.as_string()->length());
    // 7. Return 𝔽(StringIndexOf(S, searchStr, start)).
    return Value::number(string_index_of(s.as_string(), search_str.as_string(), start));
}

// 6.1.4.1 / 22.1.3.10: IsStringWellFormedUnicode — no lone surrogates.
static bool is_well_formed(const String* s) {
    // Fast path: Latin-1 strings hold no surrogates.
    if (!s->is_wide()) return true;
    uint32_t len = s->length();
    for (uint32_t i = 0; i < len;) {
        uint32_t units;
        uint32_t cp = s->code_point_at(i, &units);
        if (cp >= 0xd800 && cp <= 0xdfff) return false;
        i += units;
    }
    return true;
}

// 22.1.3.10 String.prototype.isWellFormed ( ) (#sec-string.prototype.iswellformed)
static Value string_proto_is_well_formed(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "isWellFormed"));
    // 3. Return IsStringWellFormedUnicode(S).
    return Value::boolean(is_well_formed(s.as_string()));
}

// 22.1.3.11 String.prototype.lastIndexOf ( searchString [ , position ] ) (#sec-string.prototype.lastindexof)
static Value string_proto_last_index_of(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "lastIndexOf"));
    // 3. Let searchStr be ? ToString(searchString).
    Value search_str = TRY(to_string(ctx, args.arg(0)));
    // 4. Let numPos be ? ToNumber(position).
    double num_pos = TRY(to_number(ctx, args.arg(1)));
    // 5. Assert: If position is undefined, then numPos is NaN.
    // 6. If numPos is NaN, let pos be +∞; otherwise, let pos be ! ToIntegerOrInfinity(numPos).
    double pos = std::isnan(num_pos) ? INFINITY : std::trunc(num_pos) + 0.0;
    // 7. Let len be the length of S.
    uint32_t len = s.as_string()->length();
    // 8. Let searchLen be the length of searchStr.
    uint32_t search_len = search_str.as_string()->length();
    if (search_len > len) return Value::int32(-1);
    // 9. Let start be the result of clamping pos between 0 and len - searchLen.
    uint32_t start = clamp_index(pos, 0, len - search_len);
    // 10. If searchStr is the empty String, return 𝔽(start).
    if (search_len == 0) return Value::number(start);
    // 11. For each non-negative integer i such that i ≤ start, in descending order, do
    for (uint32_t i = start + 1; i-- > 0;) {
        // a-b. If the substring of S from i to i + searchLen is searchStr, return 𝔽(i).
        if (matches_at(s.as_string(), search_str.as_string(), i)) return Value::number(i);
    }
    // 12. Return -1𝔽.
    return Value::int32(-1);
}

// 22.1.3.12 String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] )
// (#sec-string.prototype.localecompare)
// Without ECMA-402 the comparison is implementation-defined; we compare by UTF-16 code units (not
// by canonical equivalence, which would need normalization data).
static Value string_proto_locale_compare(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "localeCompare"));
    // 3. Let thatValue be ? ToString(that).
    Value that_value = TRY(to_string(ctx, args.arg(0)));
    int c = s.as_string()->compare(that_value.as_string());
    return Value::int32(c < 0 ? -1 : c > 0 ? 1 : 0);
}

// 22.1.3.22 String.prototype.slice ( start, end ) (#sec-string.prototype.slice)
static Value string_proto_slice(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "slice"));
    // 3. Let len be the length of S.
    double len = s.as_string()->length();
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    double int_start = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 5-7. Let from be max(len + intStart, 0) if negative, else min(intStart, len).
    double from = int_start < 0 ? std::max(len + int_start, 0.0) : std::min(int_start, len);
    // 8. If end is undefined, let intEnd be len; else let intEnd be ? ToIntegerOrInfinity(end).
    double int_end = args.arg(1).is_undefined() ? len : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 9-11. Let to be max(len + intEnd, 0) if negative, else min(intEnd, len).
    double to = int_end < 0 ? std::max(len + int_end, 0.0) : std::min(int_end, len);
    // 12. If from ≥ to, return the empty String.
    if (from >= to) return ctx.atom_value(atoms::empty_string);
    // 13. Return the substring of S from from to to.
    return substring_value(ctx, s, static_cast<uint32_t>(from), static_cast<uint32_t>(to));
}

// 22.1.3.23 String.prototype.startsWith ( searchString [ , position ] ) (#sec-string.prototype.startswith)
static Value string_proto_starts_with(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "startsWith"));
    // 3-5. Let searchStr be ? ToString(searchString) (after rejecting RegExps).
    Value search_str = TRY(search_string_argument(ctx, args.arg(0), "startsWith"));
    // 6. Let len be the length of S.
    uint32_t len = s.as_string()->length();
    // 7. If position is undefined, let pos be 0; else let pos be ? ToIntegerOrInfinity(position).
    double pos = args.arg(1).is_undefined() ? 0 : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 8. Let start be the result of clamping pos between 0 and len.
    uint32_t start = clamp_index(pos, 0, len);
    // 9. Let searchLength be the length of searchStr.
    uint32_t search_length = search_str.as_string()->length();
    // 10. If searchLength = 0, return true.
    if (search_length == 0) return Value::boolean(true);
    // 11. Let end be start + searchLength.
    // 12. If end > len, return false.
    // 13-14. Return true if the substring of S from start to end is searchStr, else false.
    return Value::boolean(matches_at(s.as_string(), search_str.as_string(), start));
}

// 22.1.3.25 String.prototype.substring ( start, end ) (#sec-string.prototype.substring)
static Value string_proto_substring(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "substring"));
    // 3. Let len be the length of S.
    uint32_t len = s.as_string()->length();
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    double int_start = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 5. If end is undefined, let intEnd be len; else let intEnd be ? ToIntegerOrInfinity(end).
    double int_end = args.arg(1).is_undefined() ? len : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 6. Let finalStart be the result of clamping intStart between 0 and len.
    uint32_t final_start = clamp_index(int_start, 0, len);
    // 7. Let finalEnd be the result of clamping intEnd between 0 and len.
    uint32_t final_end = clamp_index(int_end, 0, len);
    // 8. Let from be min(finalStart, finalEnd).
    // 9. Let to be max(finalStart, finalEnd).
    // 10. Return the substring of S from from to to.
    return substring_value(ctx, s, std::min(final_start, final_end), std::max(final_start, final_end));
}

// B.2.2.1 String.prototype.substr ( start, length ) (#sec-string.prototype.substr)
static Value string_proto_substr(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "substr"));
    // 3. Let size be the length of S.
    double size = s.as_string()->length();
    // 4. Let intStart be ? ToIntegerOrInfinity(start).
    double int_start = TRY(to_integer_or_infinity(ctx, args.arg(0)));
    // 5-7. If intStart = -∞ set it to 0; else if negative, max(size + intStart, 0); else min(intStart, size).
    if (int_start == -INFINITY)
        int_start = 0;
    else if (int_start < 0)
        int_start = std::max(size + int_start, 0.0);
    else
        int_start = std::min(int_start, size);
    // 8. If length is undefined, let intLength be size; otherwise ? ToIntegerOrInfinity(length).
    double int_length = args.arg(1).is_undefined() ? size : TRY(to_integer_or_infinity(ctx, args.arg(1)));
    // 9. Set intLength to the result of clamping intLength between 0 and size.
    int_length = std::clamp(int_length, 0.0, size);
    // 10. Let intEnd be min(intStart + intLength, size).
    double int_end = std::min(int_start + int_length, size);
    // 11. Return the substring of S from intStart to intEnd.
    return substring_value(ctx, s, static_cast<uint32_t>(int_start), static_cast<uint32_t>(int_end));
}

// 22.1.3.30 String.prototype.toString ( ) (#sec-string.prototype.tostring)
static Value string_proto_to_string(Context& ctx, const CallArgs& args) {
    // 1. Return ? ThisStringValue(this value).
    return this_string_value(ctx, args.this_value, "toString");
}

// 22.1.3.35 String.prototype.valueOf ( ) (#sec-string.prototype.valueof)
static Value string_proto_value_of(Context& ctx, const CallArgs& args) {
    // 1. Return ? ThisStringValue(this value).
    return this_string_value(ctx, args.this_value, "valueOf");
}

// 22.1.3.31 String.prototype.toWellFormed ( ) (#sec-string.prototype.towellformed)
static Value string_proto_to_well_formed(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "toWellFormed"));
    // Fast path: nothing to replace.
    if (is_well_formed(s.as_string())) return s;
    // 3. Let strLen be the length of S.
    const String* str = s.as_string();
    uint32_t str_len = str->length();
    // 4. Let k be 0. 5. Let result be the empty String.
    StringBuilder result(ctx.rt());
    // 6. Repeat, while k < strLen,
    for (uint32_t k = 0; k < str_len;) {
        // a. Let cp be CodePointAt(S, k).
        uint32_t units;
        uint32_t cp = str->code_point_at(k, &units);
        // b. If cp.[[IsUnpairedSurrogate]] is true, append 0xFFFD (REPLACEMENT CHARACTER).
        // c. Else, append UTF16EncodeCodePoint(cp.[[CodePoint]]).
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
        if (!result.append_code_point(cp)) return ctx.throw_out_of_memory();
        // d. Set k to k + cp.[[CodeUnitCount]].
        k += units;
    }
    // 7. Return result.
    return finish_string_builder(ctx, result);
}

enum TrimWhere { TrimStart = 1, TrimEnd = 2, TrimBoth = 3 };

static bool is_trimmable(char16_t c) {
    return unicode::is_space(c) || unicode::is_line_terminator(c);
}

// 22.1.3.32.1 TrimString ( string, where ) (#sec-trimstring); `magic` is the TrimWhere.
static Value string_proto_trim(Context& ctx, const CallArgs& args) {
    static const char* const kNames[] = {"", "trimStart", "trimEnd", "trim"};
    // 1. Let str be ? RequireObjectCoercible(string). 2. Let S be ? ToString(str).
    Value s = TRY(this_coerced_string(ctx, args.this_value, kNames[args.magic]));
    const String* str = s.as_string();
    uint32_t start = 0, end = str->length();
    // 3. If where is start, let T be the String value that is a copy of S with leading white space
    //    removed. 4. Else if where is end, ... trailing white space removed. 5. Else, both.
    //    (White space is WhiteSpace or LineTerminator; no surrogate pair is white space, so code
    //    units suffice.)
    if (args.magic & TrimStart)
        while (start < end && is_trimmable(str->at(start)))
            ++start;
    if (args.magic & TrimEnd)
        while (end > start && is_trimmable(str->at(end - 1)))
            --end;
    // 6. Return T.
    return substring_value(ctx, s, start, end);
}

// 22.1.3.36 String.prototype [ @@iterator ] ( ) (#sec-string.prototype-%symbol.iterator%)
static Value string_proto_iterator(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    // 2. Let s be ? ToString(O).
    Value s = TRY(this_coerced_string(ctx, args.this_value, "[Symbol.iterator]"));
    // 3-5. Return CreateIteratorFromClosure(closure, "%StringIteratorPrototype%", ...).
    return create_string_iterator(ctx, s);
}

static const FunctionListEntry kStringPrototypeFunctions[] = {
    QJS_FUNC("at", 1, string_proto_at),
    QJS_FUNC("charAt", 1, string_proto_char_at),
    QJS_FUNC("charCodeAt", 1, string_proto_char_code_at),
    QJS_FUNC("codePointAt", 1, string_proto_code_point_at),
    QJS_FUNC("concat", 1, string_proto_concat),
    QJS_FUNC("endsWith", 1, string_proto_ends_with),
    QJS_FUNC("includes", 1, string_proto_includes),
    QJS_FUNC("indexOf", 1, string_proto_index_of),
    QJS_FUNC("isWellFormed", 0, string_proto_is_well_formed),
    QJS_FUNC("lastIndexOf", 1, string_proto_last_index_of),
    QJS_FUNC("localeCompare", 1, string_proto_locale_compare),
    QJS_FUNC("slice", 2, string_proto_slice),
    QJS_FUNC("startsWith", 1, string_proto_starts_with),
    QJS_FUNC("substring", 2, string_proto_substring),
    QJS_FUNC("substr", 2, string_proto_substr),
    QJS_FUNC("toString", 0, string_proto_to_string),
    QJS_FUNC("toWellFormed", 0, string_proto_to_well_formed),
    QJS_FUNC_MAGIC("trim", 0, string_proto_trim, TrimBoth),
    QJS_FUNC_MAGIC("trimStart", 0, string_proto_trim, TrimStart),
    QJS_FUNC_MAGIC("trimEnd", 0, string_proto_trim, TrimEnd),
    QJS_FUNC("valueOf", 0, string_proto_value_of),
    QJS_FUNC("[Symbol.iterator]", 0, string_proto_iterator),
};

// B.2.2.15-16: trimLeft/trimRight are the same function objects as trimStart/trimEnd.
static bool define_alias(Context& ctx, Object* proto, const char* alias, const char* original) {
    Atom original_atom = ctx.rt().intern_ascii(original);
    Atom alias_atom = ctx.rt().intern_ascii(alias);
    if (!original_atom || !alias_atom) {
        ctx.throw_out_of_memory();
        return false;
    }
    Value fn = get(ctx, proto, original_atom);
    if (fn.is_exception()) return false;
    return !put_own_data(ctx, proto, alias_atom, fn, prop::Writable | prop::Configurable).is_exception();
}

// 22.1.3 Properties of the String Prototype Object (#sec-properties-of-the-string-prototype-object)
bool install_string_prototype(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kStringPrototypeFunctions) &&
           define_alias(ctx, proto, "trimLeft", "trimStart") &&
           define_alias(ctx, proto, "trimRight", "trimEnd");
}

} // namespace qjs
