// StringPrototypeRegExp.cpp: the %String.prototype% methods that dispatch to RegExp protocol
// methods (ECMA-262 22.1.3.13 match, 22.1.3.14 matchAll, 22.1.3.19 replace, 22.1.3.20 replaceAll,
// 22.1.3.21 search, 22.1.3.23 split), with their string-only paths, and GetSubstitution.
#include "builtins/StringPrototype.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

// 22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )
// (#sec-getsubstitution)
Value get_substitution(Context& ctx, const String* matched, const String* str, uint32_t position,
                       std::span<const Value> captures, const Value& named_captures,
                       const String* replacement_template) {
    // 1. Let stringLength be the length of str.
    uint32_t string_length = str->length();
    // 2. Assert: position ≤ stringLength.
    // 3. Let result be the empty String.
    StringBuilder result(ctx.rt());
    // 4. Let templateRemainder be replacementTemplate (tracked as the index `t`).
    const String* tpl = replacement_template;
    uint32_t tpl_len = tpl->length();
    auto is_digit = [&](uint32_t i) { return i < tpl_len && tpl->at(i) >= '0' && tpl->at(i) <= '9'; };
    // 5. Repeat, while templateRemainder is not the empty String,
    uint32_t t = 0;
    while (t < tpl_len) {
        // Fast path: copy a run without '$' at once.
        if (tpl->at(t) != '$') {
            uint32_t run_end = t + 1;
            while (run_end < tpl_len && tpl->at(run_end) != '$')
                ++run_end;
            if (!result.append(tpl, t, run_end)) return ctx.throw_out_of_memory();
            t = run_end;
            continue;
        }
        char16_t next = t + 1 < tpl_len ? tpl->at(t + 1) : 0;
        uint32_t ref_length;
        bool ok = true;
        if (next == '$') {
            // b. "$$": refReplacement is "$".
            ref_length = 2;
            ok = result.append(u'$');
        } else if (next == '`') {
            // c. "$`": the substring of str from 0 to position.
            ref_length = 2;
            ok = result.append(str, 0, position);
        } else if (next == '&') {
            // d. "$&": matched.
            ref_length = 2;
            ok = result.append(matched);
        } else if (next == '\'') {
            // e. "$'": ii-iv. tailPos = position + matchLength; the substring of str from
            //    min(tailPos, stringLength).
            ref_length = 2;
            uint64_t tail_pos = uint64_t(position) + matched->length();
            uint32_t from = tail_pos < string_length ? static_cast<uint32_t>(tail_pos) : string_length;
            ok = result.append(str, from, string_length);
        } else if (is_digit(t + 1)) {
            // f. "$" followed by 1 or more decimal digits.
            // i. digitCount is 2 if two digits follow, else 1.
            uint32_t digit_count = is_digit(t + 2) ? 2 : 1;
            // ii-iii. Let index be ℝ(StringToNumber(digits)).
            uint32_t index = tpl->at(t + 1) - '0';
            if (digit_count == 2) index = index * 10 + (tpl->at(t + 2) - '0');
            // v. Let captureLen be the number of elements in captures.
            size_t capture_len = captures.size();
            // vi. If index > captureLen and digitCount = 2, reinterpret as one digit and a literal.
            if (index > capture_len && digit_count == 2) {
                digit_count = 1;
                index = tpl->at(t + 1) - '0';
            }
            // vii. Let ref be the substring of templateRemainder from 0 to 1 + digitCount.
            ref_length = 1 + digit_count;
            // viii. If 1 ≤ index ≤ captureLen, then
            if (index >= 1 && index <= capture_len) {
                // 1-3. Let capture be captures[index - 1]; undefined gives the empty String.
                const Value& capture = captures[index - 1];
                if (!capture.is_undefined()) ok = result.append(capture.as_string());
            } else {
                // ix. Else, let refReplacement be ref.
                ok = result.append(tpl, t, t + ref_length);
            }
        } else if (next == '<') {
            // g. "$<": i. Let gtPos be StringIndexOf(templateRemainder, ">", 0).
            int64_t gt_pos = -1;
            for (uint32_t i = t + 2; i < tpl_len; ++i) {
                if (tpl->at(i) == '>') {
                    gt_pos = i;
                    break;
                }
            }
            // ii. If gtPos = -1 or namedCaptures is undefined, then ref and refReplacement are "$<".
            if (gt_pos == -1 || named_captures.is_undefined()) {
                ref_length = 2;
                ok = result.append_ascii("$<");
            } else {
                // iii.1. Let ref be the substring of templateRemainder from 0 to gtPos + 1.
                ref_length = static_cast<uint32_t>(gt_pos) + 1 - t;
                // 2. Let groupName be the substring of templateRemainder from 2 to gtPos.
                String* group_name_str =
                    String::substring(ctx.rt(), tpl, t + 2, static_cast<uint32_t>(gt_pos));
                Value group_name = TRY(adopt_string(ctx, group_name_str));
                Atom key = TRY(to_property_key(ctx, group_name));
                // 3. Assert: namedCaptures is an Object.
                // 4. Let capture be ? Get(namedCaptures, groupName).
                Value capture = get(ctx, named_captures.as_object(), key);
                if (capture.is_exception()) return Exception{};
                // 5. If capture is undefined, then let refReplacement be the empty String.
                // 6. Else, let refReplacement be ? ToString(capture).
                if (!capture.is_undefined()) {
                    Value capture_string = TRY(to_string(ctx, capture));
                    ok = result.append(capture_string.as_string());
                }
            }
        } else {
            // h. Else, ref and refReplacement are the "$" alone.
            ref_length = 1;
            ok = result.append(u'$');
        }
        if (!ok) return ctx.throw_out_of_memory();
        // i-k. Drop ref from templateRemainder; refReplacement was appended to result.
        t += ref_length;
    }
    // 6. Return result.
    return finish_string_builder(ctx, result);
}

// RegExpCreate(P, F) (#sec-regexpcreate) through the realm's %RegExp%. P is converted to a string
// first (RegExpInitialize does the same), so `new %RegExp%(P, F)` has no further observable steps.
static Value regexp_create(Context& ctx, const Value& pattern, const char* flags) {
    Object* regexp_ctor = ctx.intrinsic(Intrinsic::RegExp);
    if (!regexp_ctor) return ctx.throw_error(ErrorType::InternalError, "TODO(RegExp)");
    Value p = pattern.is_undefined() ? ctx.atom_value(atoms::empty_string) : TRY(to_string(ctx, pattern));
    Value args[2] = {std::move(p), flags ? TRY(ctx.new_string(flags)) : Value()};
    return construct(ctx, Value::object(regexp_ctor), std::span<const Value>(args, 2));
}

// Steps 2.a-b of replaceAll/matchAll: a RegExp argument must have the "g" flag.
static Result<void> require_global_flag(Context& ctx, const Value& regexp, const char* method) {
    // a. Let isRegExp be ? IsRegExp(searchValue).
    bool regexp_like = TRY(is_regexp(ctx, regexp));
    // b. If isRegExp is true, then
    if (regexp_like) {
        // i. Let flags be ? Get(searchValue, "flags").
        Value flags = TRY(get(ctx, regexp.as_object(), atoms::flags));
        // ii. Perform ? RequireObjectCoercible(flags).
        TRY(require_object_coercible(ctx, flags));
        // iii. If ? ToString(flags) does not contain "g", throw a TypeError exception.
        Value flags_string = TRY(to_string(ctx, flags));
        const String* f = flags_string.as_string();
        bool has_g = false;
        for (uint32_t i = 0; i < f->length() && !has_g; ++i)
            has_g = f->at(i) == 'g';
        if (!has_g)
            return ctx.throw_type_error("String.prototype.%s called with a non-global RegExp argument",
                                        method);
    }
    return {};
}

// Step 2 of match/matchAll/replace/replaceAll/search/split: if the argument is an Object with a
// method under `symbol`, calls it. Returns undefined (as "not dispatched") when there is none; the
// flag tells the two cases apart.
static Value dispatch_to_method(Context& ctx, const Value& argument, Atom symbol, const Value& o,
                                const Value* extra, bool* dispatched) {
    *dispatched = false;
    // 2. If argument is an Object, then (primitives are not searched for the symbol methods)
    if (!argument.is_object()) return Value();
    // a. Let method be ? GetMethod(argument, @@symbol).
    Value method = TRY(get_method(ctx, argument, symbol));
    // b. If method is not undefined, return ? Call(method, argument, « O [, extra] »).
    if (method.is_undefined()) return Value();
    *dispatched = true;
    Value args[2] = {o, extra ? *extra : Value()};
    return call(ctx, method, argument, std::span<const Value>(args, extra ? 2 : 1));
}

// 22.1.3.13 String.prototype.match ( regexp ) (#sec-string.prototype.match)
// 22.1.3.21 String.prototype.search ( regexp ) (#sec-string.prototype.search)
// `magic` is the well-known symbol atom (@@match or @@search).
static Value string_proto_match_or_search(Context& ctx, const CallArgs& args) {
    Atom symbol = static_cast<Atom>(args.magic == 0 ? atoms::sym_match : atoms::sym_search);
    const char* name = args.magic == 0 ? "match" : "search";
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (args.this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.%s called on null or undefined", name);
    // 2. If regexp is an Object, then a-b. dispatch to regexp[@@match] / regexp[@@search].
    bool dispatched;
    Value r = TRY(dispatch_to_method(ctx, args.arg(0), symbol, args.this_value, nullptr, &dispatched));
    if (dispatched) return r;
    // 3. Let S be ? ToString(O).
    Value s = TRY(to_string(ctx, args.this_value));
    // 4. Let rx be ? RegExpCreate(regexp, undefined).
    Value rx = TRY(regexp_create(ctx, args.arg(0), nullptr));
    // 5. Return ? Invoke(rx, @@match, « S ») (or @@search).
    return invoke(ctx, rx, symbol, std::span<const Value>(&s, 1));
}

// 22.1.3.14 String.prototype.matchAll ( regexp ) (#sec-string.prototype.matchall)
static Value string_proto_match_all(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (args.this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.matchAll called on null or undefined");
    const Value& regexp = args.arg(0);
    // 2. If regexp is an Object, then
    if (regexp.is_object()) {
        // a-b. A RegExp argument must have the "g" flag.
        TRY(require_global_flag(ctx, regexp, "matchAll"));
        // c-d. Dispatch to regexp[@@matchAll].
        bool dispatched;
        Value r =
            TRY(dispatch_to_method(ctx, regexp, atoms::sym_matchAll, args.this_value, nullptr, &dispatched));
        if (dispatched) return r;
    }
    // 3. Let S be ? ToString(O).
    Value s = TRY(to_string(ctx, args.this_value));
    // 4. Let rx be ? RegExpCreate(regexp, "g").
    Value rx = TRY(regexp_create(ctx, regexp, "g"));
    // 5. Return ? Invoke(rx, @@matchAll, « S »).
    return invoke(ctx, rx, atoms::sym_matchAll, std::span<const Value>(&s, 1));
}

// The replacement for one match of the string path of replace/replaceAll (steps 12-13 / 14.b-c).
static Value string_replacement(Context& ctx, const Value& search_string, const Value& string,
                                uint32_t position, const Value& replace_value, bool functional_replace) {
    if (functional_replace) {
        // Let replacement be ? ToString(? Call(replaceValue, undefined, « searchString, 𝔽(position), string
        // »)).
        Value call_args[3] = {search_string, Value::number(position), string};
        Value r = TRY(call(ctx, replace_value, Value(), std::span<const Value>(call_args, 3)));
        return to_string(ctx, r);
    }
    // Let captures be a new empty List.
    // Let replacement be ! GetSubstitution(searchString, string, position, captures, undefined,
    // replaceValue).
    return get_substitution(ctx, search_string.as_string(), string.as_string(), position, {}, Value(),
                            replace_value.as_string());
}

// 22.1.3.19 String.prototype.replace ( searchValue, replaceValue ) (#sec-string.prototype.replace)
static Value string_proto_replace(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (args.this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.replace called on null or undefined");
    // 2. If searchValue is an Object, then a-b. dispatch to searchValue[@@replace].
    bool dispatched;
    Value r = TRY(
        dispatch_to_method(ctx, args.arg(0), atoms::sym_replace, args.this_value, &args.arg(1), &dispatched));
    if (dispatched) return r;
    // 3. Let string be ? ToString(O).
    Value string = TRY(to_string(ctx, args.this_value));
    // 4. Let searchString be ? ToString(searchValue).
    Value search_string = TRY(to_string(ctx, args.arg(0)));
    // 5. Let functionalReplace be IsCallable(replaceValue).
    bool functional_replace = is_callable(args.arg(1));
    // 6. If functionalReplace is false, set replaceValue to ? ToString(replaceValue).
    Value replace_value = functional_replace ? args.arg(1) : TRY(to_string(ctx, args.arg(1)));
    // 7. Let searchLength be the length of searchString.
    uint32_t search_length = search_string.as_string()->length();
    // 8. Let position be StringIndexOf(string, searchString, 0).
    int64_t position = string_index_of(string.as_string(), search_string.as_string(), 0);
    // 9. If position = -1, return string.
    if (position == -1) return string;
    uint32_t pos = static_cast<uint32_t>(position);
    // 12-13. Let replacement be the function's result or GetSubstitution(...).
    Value replacement =
        TRY(string_replacement(ctx, search_string, string, pos, replace_value, functional_replace));
    // 10. Let preceding be the substring of string from 0 to position.
    // 11. Let following be the substring of string from position + searchLength.
    // 14. Return the string-concatenation of preceding, replacement, and following.
    StringBuilder result(ctx.rt());
    const String* str = string.as_string();
    if (!result.append(str, 0, pos) || !result.append(replacement.as_string()) ||
        !result.append(str, pos + search_length, str->length()))
        return ctx.throw_out_of_memory();
    return finish_string_builder(ctx, result);
}

// 22.1.3.20 String.prototype.replaceAll ( searchValue, replaceValue ) (#sec-string.prototype.replaceall)
static Value string_proto_replace_all(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (args.this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.replaceAll called on null or undefined");
    const Value& search_value = args.arg(0);
    // 2. If searchValue is an Object, then
    if (search_value.is_object()) {
        // a-b. A RegExp argument must have the "g" flag.
        TRY(require_global_flag(ctx, search_value, "replaceAll"));
        // c-d. Dispatch to searchValue[@@replace].
        bool dispatched;
        Value r = TRY(dispatch_to_method(ctx, search_value, atoms::sym_replace, args.this_value, &args.arg(1),
                                         &dispatched));
        if (dispatched) return r;
    }
    // 3. Let string be ? ToString(O).
    Value string = TRY(to_string(ctx, args.this_value));
    // 4. Let searchString be ? ToString(searchValue).
    Value search_string = TRY(to_string(ctx, search_value));
    // 5. Let functionalReplace be IsCallable(replaceValue).
    bool functional_replace = is_callable(args.arg(1));
    // 6. If functionalReplace is false, set replaceValue to ? ToString(replaceValue).
    Value replace_value = functional_replace ? args.arg(1) : TRY(to_string(ctx, args.arg(1)));
    const String* str = string.as_string();
    // 7. Let searchLength be the length of searchString.
    uint32_t search_length = search_string.as_string()->length();
    // 8. Let advanceBy be max(1, searchLength).
    uint32_t advance_by = search_length > 1 ? search_length : 1;
    // 9-11. Collect matchPositions (all of them first: replacer calls can't affect them).
    Vector<uint32_t> match_positions;
    for (int64_t position = string_index_of(str, search_string.as_string(), 0); position != -1;
         position =
             string_index_of(str, search_string.as_string(), static_cast<uint32_t>(position) + advance_by))
        match_positions.push_back(static_cast<uint32_t>(position));
    // 12. Let endOfLastMatch be 0.
    uint32_t end_of_last_match = 0;
    // 13. Let result be the empty String.
    StringBuilder result(ctx.rt());
    // 14. For each element p of matchPositions, do
    for (uint32_t p : match_positions) {
        // a. Let preserved be the substring of string from endOfLastMatch to p.
        // b-c. Let replacement be the function's result or GetSubstitution(...).
        Value replacement =
            TRY(string_replacement(ctx, search_string, string, p, replace_value, functional_replace));
        // d. Set result to the string-concatenation of result, preserved, and replacement.
        if (!result.append(str, end_of_last_match, p) || !result.append(replacement.as_string()))
            return ctx.throw_out_of_memory();
        // e. Set endOfLastMatch to p + searchLength.
        end_of_last_match = p + search_length;
    }
    // 15. If endOfLastMatch < the length of string, append the substring from endOfLastMatch.
    if (end_of_last_match < str->length() && !result.append(str, end_of_last_match, str->length()))
        return ctx.throw_out_of_memory();
    // 16. Return result.
    return finish_string_builder(ctx, result);
}

// Appends the substring [start, end) of s to the array (step 14.b / 16 of split).
static Result<void> push_substring(Context& ctx, Object* array, const Value& s, uint32_t start,
                                   uint32_t end) {
    Value t = TRY(substring_value(ctx, s, start, end));
    if (!array_push_fast(ctx, array, std::move(t))) return ctx.throw_out_of_memory();
    return {};
}

// 22.1.3.23 String.prototype.split ( separator, limit ) (#sec-string.prototype.split)
static Value string_proto_split(Context& ctx, const CallArgs& args) {
    // 1. Let O be ? RequireObjectCoercible(this value).
    if (args.this_value.is_nullish())
        return ctx.throw_type_error("String.prototype.split called on null or undefined");
    const Value& separator = args.arg(0);
    // 2. If separator is an Object, then a-b. dispatch to separator[@@split].
    bool dispatched;
    Value r =
        TRY(dispatch_to_method(ctx, separator, atoms::sym_split, args.this_value, &args.arg(1), &dispatched));
    if (dispatched) return r;
    // 3. Let S be ? ToString(O).
    Value s = TRY(to_string(ctx, args.this_value));
    // 4. If limit is undefined, let lim be 2^32 - 1; else let lim be ℝ(? ToUint32(limit)).
    uint32_t lim = args.arg(1).is_undefined() ? 0xffffffffu : TRY(to_uint32(ctx, args.arg(1)));
    // 5. Let R be ? ToString(separator).
    Value r_string = TRY(to_string(ctx, separator));
    Value a = TRY(new_array(ctx));
    Object* array = a.as_object();
    // 6. If lim = 0, return CreateArrayFromList(« »).
    if (lim == 0) return a;
    // 7. If separator is undefined, return CreateArrayFromList(« S »).
    if (separator.is_undefined()) {
        if (!array_push_fast(ctx, array, s)) return ctx.throw_out_of_memory();
        return a;
    }
    const String* str = s.as_string();
    const String* sep = r_string.as_string();
    uint32_t str_len = str->length();
    // 8. Let separatorLength be the length of R.
    uint32_t separator_length = sep->length();
    // 9. If separatorLength = 0, then
    if (separator_length == 0) {
        // a. Let head be the substring of S from 0 to lim.
        uint32_t head = lim < str_len ? lim : str_len;
        // b-c. Return CreateArrayFromList(the code units of head, each as a String).
        for (uint32_t i = 0; i < head; ++i)
            TRY(push_substring(ctx, array, s, i, i + 1));
        return a;
    }
    // 10. If S is the empty String, return CreateArrayFromList(« S »).
    if (str_len == 0) {
        if (!array_push_fast(ctx, array, s)) return ctx.throw_out_of_memory();
        return a;
    }
    // 11. Let substrings be a new empty List.
    uint32_t count = 0;
    // 12. Let i be 0.
    uint32_t i = 0;
    // 13. Let j be StringIndexOf(S, R, 0).
    int64_t j = string_index_of(str, sep, 0);
    // 14. Repeat, while j ≠ -1,
    while (j != -1) {
        // a-b. Let T be the substring of S from i to j; append T to substrings.
        TRY(push_substring(ctx, array, s, i, static_cast<uint32_t>(j)));
        // c. If the number of elements in substrings is lim, return CreateArrayFromList(substrings).
        if (++count == lim) return a;
        // d. Set i to j + separatorLength.
        i = static_cast<uint32_t>(j) + separator_length;
        // e. Set j to StringIndexOf(S, R, i).
        j = string_index_of(str, sep, i);
    }
    // 15-16. Let T be the substring of S from i; append T to substrings.
    TRY(push_substring(ctx, array, s, i, str_len));
    // 17. Return CreateArrayFromList(substrings).
    return a;
}

static const FunctionListEntry kStringPrototypeRegExpFunctions[] = {
    QJS_FUNC_MAGIC("match", 1, string_proto_match_or_search, 0),
    QJS_FUNC("matchAll", 1, string_proto_match_all),
    QJS_FUNC("replace", 2, string_proto_replace),
    QJS_FUNC("replaceAll", 2, string_proto_replace_all),
    QJS_FUNC_MAGIC("search", 1, string_proto_match_or_search, 1),
    QJS_FUNC("split", 2, string_proto_split),
};

bool install_string_prototype_regexp(Context& ctx, Object* proto) {
    return define_function_list(ctx, proto, kStringPrototypeRegExpFunctions);
}

} // namespace qjs
