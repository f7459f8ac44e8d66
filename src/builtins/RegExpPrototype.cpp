// RegExpPrototype.cpp: 22.2.6 Properties of the RegExp Prototype Object and 22.2.7 the abstract
// operations for RegExp matching (RegExpExec, RegExpBuiltinExec, AdvanceStringIndex), plus
// GetSubstitution (22.1.3.19.1), which @@replace uses.
#include "builtins/RegExp.h"
#include "regexp/RegExpCompiler.h"
#include "regexp/RegExpMatcher.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/InterruptPoll.h"
#include "runtime/NativeFunction.h"
#include "runtime/String.h"

#include <algorithm>
#include <cmath>

namespace qjs {

Value regexp_prototype_compile(Context&, const CallArgs&); // RegExpConstructor.cpp

static Value substring_value(Context& ctx, String* s, uint32_t start, uint32_t end) {
    if (start == 0 && end == s->length()) return Value::string(s);
    String* sub = String::substring(ctx.rt(), s, start, end);
    if (!sub) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, sub);
}

static bool is_regexp_object(const Value& v) {
    return v.is_object() && v.as_object()->class_id() == ClassId::RegExp;
}

// lastIndex as ℝ(? ToLength(? Get(R, "lastIndex"))).
static Result<uint64_t> get_last_index(Context& ctx, Object* r) {
    Value v = TRY(get(ctx, r, atoms::lastIndex));
    if (v.is_int32() && v.as_int32() >= 0) return static_cast<uint64_t>(v.as_int32());
    return to_length(ctx, v);
}

static Result<void> set_last_index(Context& ctx, Object* r, uint64_t index) {
    return set_or_throw(ctx, r, atoms::lastIndex, Value::number(static_cast<double>(index)));
}

// 22.2.7.3 AdvanceStringIndex ( S, index, unicode ) (#sec-advancestringindex)
uint64_t advance_string_index(const String* s, uint64_t index, bool unicode) {
    // 1-2. If unicode is false, return index + 1.
    if (!unicode) return index + 1;
    // 3-4. If index + 1 ≥ length, return index + 1.
    if (index + 1 >= s->length()) return index + 1;
    // 5-6. Return index + CodePointAt(S, index).[[CodeUnitCount]].
    uint32_t units = 1;
    (void)s->code_point_at(static_cast<uint32_t>(index), &units);
    return index + units;
}

static Exception throw_match_failure(Context& ctx, regexp::MatchStatus st) {
    // An interrupt request is consumed like the interpreter's (the flag is cleared).
    if (st == regexp::MatchStatus::Interrupted) return throw_interrupted(ctx);
    // The backtrack stack could not grow: the memory limit, the system, or its own size bound.
    return ctx.throw_out_of_memory();
}

// Builds a [start, end] pair array (MakeMatchIndicesIndexPairArray step 4).
static Value index_pair(Context& ctx, int32_t start, int32_t end) {
    Value pair[2] = {Value::int32(start), Value::int32(end)};
    return create_array_from_list(ctx, pair);
}

// Capture storage for one match: small patterns use the inline buffer.
struct CaptureBuffer {
    explicit CaptureBuffer(Runtime& rt) : m_rt(rt) {}
    ~CaptureBuffer() {
        if (m_caps != m_small) m_rt.free(m_caps);
    }
    bool reserve(uint32_t slots) {
        if (slots <= m_capacity) return true;
        auto* p = static_cast<int32_t*>(m_rt.alloc(slots * sizeof(int32_t)));
        if (!p) return false;
        if (m_caps != m_small) m_rt.free(m_caps);
        m_caps = p;
        m_capacity = slots;
        return true;
    }
    int32_t* data() { return m_caps; }
    Runtime& m_rt;
    int32_t m_small[32];
    int32_t* m_caps = m_small;
    uint32_t m_capacity = 32;
};

// RegExpBuiltinExec steps 1-15: runs the matcher with the lastIndex protocol and leaves the
// capture indexes in `buffer` (2 per group of R's program). Returns false for a failed match.
static Result<bool> builtin_exec_raw(Context& ctx, RegExpObject* r, String* s, CaptureBuffer& buffer) {
    // 1. Let length be the length of S.
    uint32_t length = s->length();
    // 2. Let lastIndex be ℝ(? ToLength(? Get(R, "lastIndex"))).
    uint64_t last_index = TRY(get_last_index(ctx, r));
    // (ToLength may run RegExp.prototype.compile on R: the flags and the matcher are read after it,
    // as steps 3 and 9 do, and the capture storage is sized for that matcher.)
    if (!buffer.reserve(2 * r->m_program[regexp::header::CaptureCount])) return ctx.throw_out_of_memory();
    int32_t* caps = buffer.data();
    // 3-6. Let flags be R.[[OriginalFlags]]; global, sticky, hasIndices.
    uint32_t bits = r->m_flag_bits;
    bool global = bits & regexp::flag::Global;
    bool sticky = bits & regexp::flag::Sticky;
    // 7. If global is false and sticky is false, set lastIndex to 0.
    if (!global && !sticky) last_index = 0;
    // 8-12. Run the matcher from lastIndex; the matcher itself advances by AdvanceStringIndex
    //       (code points when fullUnicode) and, when sticky, tries only lastIndex.
    regexp::MatchStatus st = regexp::MatchStatus::NoMatch;
    // 12.a. If lastIndex > length, the match fails.
    if (last_index <= length)
        st = regexp::exec(ctx.rt(), r->m_program, s, static_cast<uint32_t>(last_index), caps);
    if (st == regexp::MatchStatus::OutOfMemory || st == regexp::MatchStatus::Interrupted)
        return throw_match_failure(ctx, st);
    if (st == regexp::MatchStatus::NoMatch) {
        // 12.a.i / 12.d.i. If global or sticky is true, perform ? Set(R, "lastIndex", +0𝔽, true).
        if (global || sticky) TRY(set_last_index(ctx, r, 0));
        // Return null.
        return false;
    }
    // 13-14. Let e be r's endIndex (already in code units).
    // 15. If global or sticky is true, perform ? Set(R, "lastIndex", 𝔽(e), true).
    if (global || sticky) TRY(set_last_index(ctx, r, static_cast<uint32_t>(caps[1])));
    // (Annex B legacy RegExp features) Update or invalidate the legacy static properties.
    regexp_legacy_update(ctx, r, s, caps, r->m_program[regexp::header::CaptureCount] - 1);
    return true;
}

// 22.2.7.2 RegExpBuiltinExec ( R, S ) (#sec-regexpbuiltinexec)
Value regexp_builtin_exec(Context& ctx, RegExpObject* r, String* s) {
    CaptureBuffer buffer(ctx.rt());
    // Steps 1-15.
    bool matched_any = TRY(builtin_exec_raw(ctx, r, s, buffer));
    if (!matched_any) return Value::null();
    // The program that matched (nothing after step 2 runs user code before this point).
    const uint32_t* program = r->m_program;
    uint32_t ncaps = program[regexp::header::CaptureCount];
    int32_t* caps = buffer.data();
    bool has_indices = r->m_flag_bits & regexp::flag::HasIndices;
    uint32_t match_start = static_cast<uint32_t>(caps[0]);
    // 16-19. Let n be the number of captures; A be ! ArrayCreate(n + 1).
    uint32_t n = ncaps - 1;
    Value a = TRY(new_array(ctx, 0));
    Object* ao = a.as_object();
    // 26. Let matchedSubstr be the substring of S from lastIndex to e; A[0] = matchedSubstr.
    // 29. For each integer i such that 1 ≤ i ≤ n: A[i] = the capture or undefined.
    for (uint32_t i = 0; i <= n; ++i) {
        Value v;
        if (caps[2 * i] >= 0 && caps[2 * i + 1] >= 0)
            v = TRY(substring_value(ctx, s, static_cast<uint32_t>(caps[2 * i]),
                                    static_cast<uint32_t>(caps[2 * i + 1])));
        if (!array_push_fast(ctx, ao, std::move(v))) return ctx.throw_out_of_memory();
    }
    // 21. Perform ! CreateDataPropertyOrThrow(A, "index", 𝔽(lastIndex)).
    // 22. Perform ! CreateDataPropertyOrThrow(A, "input", S).
    if (!define_fresh_property(ctx, ao, atoms::index, Value::int32(static_cast<int32_t>(match_start)),
                               prop::Default) ||
        !define_fresh_property(ctx, ao, atoms::input, Value::string(s), prop::Default))
        return Exception{};
    // 27. If R contains any GroupName, let groups be OrdinaryObjectCreate(null); else undefined.
    uint32_t names_off = program[regexp::header::Names];
    bool has_groups = names_off != 0;
    Value groups, index_groups;
    Vector<Atom> group_names(n + 1, atoms::invalid); // groupNames (by group number)
    if (has_groups) {
        groups = TRY(new_object_with_proto(ctx, nullptr));
        const uint32_t* p = program + names_off;
        uint32_t count = *p++;
        for (uint32_t k = 0; k < count; ++k) {
            uint32_t g = *p++;
            uint32_t len = *p++;
            Vector<char16_t> name(len);
            for (uint32_t j = 0; j < len; ++j)
                name[j] = static_cast<char16_t>(*p++);
            Atom atom = ctx.rt().intern_utf16(name.data(), len);
            if (!atom) return ctx.throw_out_of_memory();
            group_names[g] = atom;
        }
        // 29.e. For each group in order: a duplicate name keeps the value of the group that matched.
        for (uint32_t g = 1; g <= n; ++g) {
            Atom name = group_names[g];
            if (name == atoms::invalid) continue;
            bool matched = caps[2 * g] >= 0;
            bool taken = false;
            for (uint32_t h = 1; h < g; ++h)
                if (group_names[h] == name && caps[2 * h] >= 0) taken = true;
            if (taken) {
                group_names[g] = atoms::invalid; // groupNames gets undefined for it
                continue;
            }
            Value v = matched ? get_index(ctx, ao, g) : Value();
            TRY(create_data_property_or_throw(ctx, groups.as_object(), name, v));
            (void)matched;
        }
    }
    // 28. Perform ! CreateDataPropertyOrThrow(A, "groups", groups).
    if (!define_fresh_property(ctx, ao, atoms::groups, groups, prop::Default)) return Exception{};
    // 30-33. If hasIndices is true, A.indices = MakeMatchIndicesIndexPairArray(S, indices, groupNames,
    // hasGroups).
    if (has_indices) {
        // 22.2.7.8 MakeMatchIndicesIndexPairArray (#sec-makematchindicesindexpairarray)
        Value indices = TRY(new_array(ctx, 0));
        Object* io = indices.as_object();
        for (uint32_t i = 0; i <= n; ++i) {
            Value pair;
            if (caps[2 * i] >= 0) pair = TRY(index_pair(ctx, caps[2 * i], caps[2 * i + 1]));
            if (!array_push_fast(ctx, io, std::move(pair))) return ctx.throw_out_of_memory();
        }
        Value igroups;
        if (has_groups) {
            igroups = TRY(new_object_with_proto(ctx, nullptr));
            for (uint32_t g = 1; g <= n; ++g) {
                if (group_names[g] == atoms::invalid) continue;
                Value pair = TRY(get_index(ctx, io, g));
                TRY(create_data_property_or_throw(ctx, igroups.as_object(), group_names[g], pair));
            }
        }
        if (!define_fresh_property(ctx, io, atoms::groups, igroups, prop::Default)) return Exception{};
        if (!define_fresh_property(ctx, ao, atoms::indices, indices, prop::Default)) return Exception{};
    }
    // 34. Return A.
    return a;
}

static bool is_builtin_exec(Context& ctx, Object* r, const Value& exec) {
    return r->class_id() == ClassId::RegExp && exec.is_object() &&
           exec.as_object() == ctx.intrinsic(Intrinsic::RegExpPrototypeExec);
}

// RegExpExec steps 2-4, given step 1's exec value.
static Value regexp_exec_with(Context& ctx, Object* r, String* s, const Value& exec) {
    // Fast path: the original RegExp.prototype.exec on a RegExp object.
    if (is_builtin_exec(ctx, r, exec)) return regexp_builtin_exec(ctx, static_cast<RegExpObject*>(r), s);
    // 2. If IsCallable(exec) is true, then
    if (is_callable(exec)) {
        // a. Let result be ? Call(exec, R, « S »).
        Value sv = Value::string(s);
        Value result = TRY(call(ctx, exec, Value::object(r), std::span<const Value>(&sv, 1)));
        // b. If result is not an Object and result is not null, throw a TypeError exception.
        if (!result.is_object() && !result.is_null())
            return ctx.throw_type_error("exec result must be an object or null");
        // c. Return result.
        return result;
    }
    // 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    if (r->class_id() != ClassId::RegExp)
        return ctx.throw_type_error("RegExp exec called on incompatible receiver");
    // 4. Return ? RegExpBuiltinExec(R, S).
    return regexp_builtin_exec(ctx, static_cast<RegExpObject*>(r), s);
}

// 22.2.7.1 RegExpExec ( R, S ) (#sec-regexpexec)
Value regexp_exec(Context& ctx, Object* r, String* s) {
    // 1. Let exec be ? Get(R, "exec").
    Value exec = TRY(get(ctx, r, atoms::exec));
    return regexp_exec_with(ctx, r, s, exec);
}

// 22.2.6.2 RegExp.prototype.exec ( string ) (#sec-regexp.prototype.exec)
static Value regexp_prototype_exec(Context& ctx, const CallArgs& args) {
    // 1. Let R be the this value.
    // 2. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    if (!is_regexp_object(args.this_value))
        return ctx.throw_type_error("RegExp.prototype.exec called on incompatible receiver");
    // 3. Let S be ? ToString(string).
    Value s = TRY(to_string(ctx, args.arg(0)));
    // 4. Return ? RegExpBuiltinExec(R, S).
    return regexp_builtin_exec(ctx, static_cast<RegExpObject*>(args.this_value.as_object()), s.as_string());
}

// 22.2.6.16 RegExp.prototype.test ( S ) (#sec-regexp.prototype.test)
static Value regexp_prototype_test(Context& ctx, const CallArgs& args) {
    // 1-2. Let R be the this value; if R is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype.test called on non-object");
    // 3. Let string be ? ToString(S).
    Value s = TRY(to_string(ctx, args.arg(0)));
    // 4. Let match be ? RegExpExec(R, string).
    Object* r = args.this_value.as_object();
    Value exec = TRY(get(ctx, r, atoms::exec));
    // Fast path: the builtin exec without building the match array.
    if (is_builtin_exec(ctx, r, exec)) {
        auto* ro = static_cast<RegExpObject*>(r);
        CaptureBuffer buffer(ctx.rt());
        bool matched = TRY(builtin_exec_raw(ctx, ro, s.as_string(), buffer));
        return Value::boolean(matched);
    }
    Value match = TRY(regexp_exec_with(ctx, r, s.as_string(), exec));
    // 5. If match is null, return false. 6. Return true.
    return Value::boolean(!match.is_null());
}

// 22.2.6.17 RegExp.prototype.toString ( ) (#sec-regexp.prototype.tostring)
static Value regexp_prototype_to_string(Context& ctx, const CallArgs& args) {
    // 1-2. Let R be the this value; if R is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype.toString called on non-object");
    Object* r = args.this_value.as_object();
    // 3. Let pattern be ? ToString(? Get(R, "source")).
    Value source = TRY(get(ctx, r, atoms::source));
    Value pattern = TRY(to_string(ctx, source));
    // 4. Let flags be ? ToString(? Get(R, "flags")).
    Value flags_v = TRY(get(ctx, r, atoms::flags));
    Value flags = TRY(to_string(ctx, flags_v));
    // 5. Let result be the string-concatenation of "/", pattern, "/", and flags.
    StringBuilder sb(ctx.rt());
    if (!sb.append('/') || !sb.append(pattern.as_string()) || !sb.append('/') ||
        !sb.append(flags.as_string()))
        return ctx.throw_out_of_memory();
    String* out = sb.finish();
    if (!out) return ctx.throw_out_of_memory();
    // 6. Return result.
    return Value::adopt(Tag::String, out);
}

// 22.2.6.13.1 EscapeRegExpPattern ( P, F ) (#sec-escaperegexppattern): "/" and line terminators
// escaped so that `/${source}/${flags}` parses back to the same regexp; "(?:)" for the empty pattern.
static Value escape_regexp_pattern(Context& ctx, String* p) {
    if (p->length() == 0) return ctx.new_string("(?:)");
    bool needs = false;
    for (uint32_t i = 0; i < p->length() && !needs; ++i) {
        char16_t c = p->at(i);
        needs = c == '/' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
    }
    if (!needs) return Value::string(p);
    StringBuilder sb(ctx.rt());
    bool in_class = false;
    for (uint32_t i = 0; i < p->length(); ++i) {
        char16_t c = p->at(i);
        bool ok = true;
        if (c == '\\' && i + 1 < p->length()) {
            char16_t d = p->at(i + 1);
            // An escaped line terminator becomes the escape sequence of the same character.
            if (d == '\n' || d == '\r' || d == 0x2028 || d == 0x2029) {
                ok = sb.append_ascii(d == '\n'     ? "\\n"
                                     : d == '\r'   ? "\\r"
                                     : d == 0x2028 ? "\\u2028"
                                                   : "\\u2029");
                ++i;
            } else {
                ok = sb.append(c) && sb.append(d);
                ++i;
                if (!ok) return ctx.throw_out_of_memory();
                continue;
            }
        } else if (c == '/' && !in_class) {
            ok = sb.append_ascii("\\/");
        } else if (c == '\n') {
            ok = sb.append_ascii("\\n");
        } else if (c == '\r') {
            ok = sb.append_ascii("\\r");
        } else if (c == 0x2028) {
            ok = sb.append_ascii("\\u2028");
        } else if (c == 0x2029) {
            ok = sb.append_ascii("\\u2029");
        } else {
            if (c == '[') in_class = true;
            if (c == ']') in_class = false;
            ok = sb.append(c);
        }
        if (!ok) return ctx.throw_out_of_memory();
    }
    String* out = sb.finish();
    if (!out) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, out);
}

// 22.2.6.13 get RegExp.prototype.source (#sec-get-regexp.prototype.source)
static Value regexp_get_source(Context& ctx, const CallArgs& args) {
    // 1-2. Let R be the this value; if R is not an Object, throw a TypeError exception.
    const Value& r = args.this_value;
    if (!r.is_object()) return ctx.throw_type_error("RegExp.prototype.source getter called on non-object");
    // 3. If R does not have an [[OriginalSource]] internal slot, then
    if (r.as_object()->class_id() != ClassId::RegExp) {
        // a. If SameValue(R, %RegExp.prototype%) is true, return "(?:)".
        if (r.as_object() == ctx.intrinsic(Intrinsic::RegExpPrototype)) return ctx.new_string("(?:)");
        // b. Otherwise, throw a TypeError exception.
        return ctx.throw_type_error("RegExp.prototype.source getter called on incompatible receiver");
    }
    auto* ro = static_cast<RegExpObject*>(r.as_object());
    if (!ro->m_source.is_string()) return ctx.throw_type_error("RegExp is not initialized");
    // 4-6. Return EscapeRegExpPattern(R.[[OriginalSource]], R.[[OriginalFlags]]).
    return escape_regexp_pattern(ctx, ro->m_source.as_string());
}

// 22.2.6.4.1 RegExpHasFlag ( R, codeUnit ) (#sec-regexphasflag), for the flag getters; magic is the
// regexp::flag bit.
static Value regexp_has_flag(Context& ctx, const CallArgs& args) {
    const Value& r = args.this_value;
    // 1. If R is not an Object, throw a TypeError exception.
    if (!r.is_object()) return ctx.throw_type_error("RegExp flag getter called on non-object");
    // 2. If R does not have an [[OriginalFlags]] internal slot, then
    if (r.as_object()->class_id() != ClassId::RegExp) {
        // a. If SameValue(R, %RegExp.prototype%) is true, return undefined.
        if (r.as_object() == ctx.intrinsic(Intrinsic::RegExpPrototype)) return Value::undefined();
        // b. Otherwise, throw a TypeError exception.
        return ctx.throw_type_error("RegExp flag getter called on incompatible receiver");
    }
    // 3-6. Return true if flags contains codeUnit, else false.
    return Value::boolean((static_cast<RegExpObject*>(r.as_object())->m_flag_bits & args.magic) != 0);
}

// 22.2.6.4 get RegExp.prototype.flags (#sec-get-regexp.prototype.flags)
static Value regexp_get_flags(Context& ctx, const CallArgs& args) {
    // 1-2. Let R be the this value; if R is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype.flags getter called on non-object");
    Object* r = args.this_value.as_object();
    // 3-18. Each flag in the order d g i m s u v y, as ToBoolean(? Get(R, name)).
    static const struct {
        Atom name;
        char c;
    } kFlags[] = {{atoms::hasIndices, 'd'},  {atoms::global, 'g'}, {atoms::ignoreCase, 'i'},
                  {atoms::multiline, 'm'},   {atoms::dotAll, 's'}, {atoms::unicode, 'u'},
                  {atoms::unicodeSets, 'v'}, {atoms::sticky, 'y'}};
    char buf[9];
    size_t n = 0;
    for (const auto& f : kFlags) {
        Value v = TRY(get(ctx, r, f.name));
        if (to_boolean(v)) buf[n++] = f.c;
    }
    // 19. Return the String value whose code units are the elements of codeUnits.
    return ctx.new_string(std::string_view(buf, n));
}

// Reads Get(rx, "flags") as a string and reports which of the given characters it contains.
static Result<Value> get_flags_string(Context& ctx, Object* rx) {
    Value f = TRY(get(ctx, rx, atoms::flags));
    Value s = TRY(to_string(ctx, f));
    return s;
}
static bool string_has(const String* s, char16_t c) {
    for (uint32_t i = 0; i < s->length(); ++i)
        if (s->at(i) == c) return true;
    return false;
}

// 22.2.6.8 RegExp.prototype [ %Symbol.match% ] ( string ) (#sec-regexp.prototype-%symbol.match%)
static Value regexp_symbol_match(Context& ctx, const CallArgs& args) {
    // 1-2. Let rx be the this value; if rx is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype[Symbol.match] called on non-object");
    Object* rx = args.this_value.as_object();
    // 3. Let S be ? ToString(string).
    Value s = TRY(to_string(ctx, args.arg(0)));
    // 4. Let flags be ? ToString(? Get(rx, "flags")).
    Value flags = TRY(get_flags_string(ctx, rx));
    // 5. If flags does not contain "g", return ? RegExpExec(rx, S).
    if (!string_has(flags.as_string(), 'g')) return regexp_exec(ctx, rx, s.as_string());
    // 6.a-b. Let fullUnicode be true if flags contains "u" or "v".
    bool full_unicode = string_has(flags.as_string(), 'u') || string_has(flags.as_string(), 'v');
    // 6.c. Perform ? Set(rx, "lastIndex", +0𝔽, true).
    TRY(set_last_index(ctx, rx, 0));
    // 6.d-e. Let A be ! ArrayCreate(0); n = 0.
    Value a = TRY(new_array(ctx, 0));
    uint32_t n = 0;
    // 6.f. Repeat,
    CaptureBuffer buffer(ctx.rt());
    for (;;) {
        // i. Let result be ? RegExpExec(rx, S).
        Value exec = TRY(get(ctx, rx, atoms::exec));
        Value match_str;
        if (is_builtin_exec(ctx, rx, exec)) {
            // Fast path: only the matched substring is needed.
            auto* ro = static_cast<RegExpObject*>(rx);
            bool matched = TRY(builtin_exec_raw(ctx, ro, s.as_string(), buffer));
            if (!matched) return n == 0 ? Value::null() : a;
            match_str = TRY(substring_value(ctx, s.as_string(), static_cast<uint32_t>(buffer.data()[0]),
                                            static_cast<uint32_t>(buffer.data()[1])));
        } else {
            Value result = TRY(regexp_exec_with(ctx, rx, s.as_string(), exec));
            // ii. If result is null: if n = 0 return null; else return A.
            if (result.is_null()) return n == 0 ? Value::null() : a;
            // iii.1. Let matchStr be ? ToString(? Get(result, "0")).
            Value m0 = TRY(get_index(ctx, result.as_object(), 0));
            match_str = TRY(to_string(ctx, m0));
        }
        // iii.2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), matchStr).
        TRY(create_data_property_index(ctx, a.as_object(), n, match_str));
        // iii.3. If matchStr is the empty String, then
        if (match_str.as_string()->length() == 0) {
            // a. Let thisIndex be ℝ(? ToLength(? Get(rx, "lastIndex"))).
            uint64_t this_index = TRY(get_last_index(ctx, rx));
            // b. Let nextIndex be AdvanceStringIndex(S, thisIndex, fullUnicode).
            // c. Perform ? Set(rx, "lastIndex", 𝔽(nextIndex), true).
            TRY(set_last_index(ctx, rx, advance_string_index(s.as_string(), this_index, full_unicode)));
        }
        // iii.4. Set n to n + 1.
        ++n;
    }
}

// 22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ] ( string ) (#sec-regexp-prototype-%symbol.matchall%)
static Value regexp_symbol_match_all(Context& ctx, const CallArgs& args) {
    // 1-2. Let R be the this value; if R is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype[Symbol.matchAll] called on non-object");
    Object* r = args.this_value.as_object();
    // 3. Let S be ? ToString(string).
    Value s = TRY(to_string(ctx, args.arg(0)));
    // 4. Let C be ? SpeciesConstructor(R, %RegExp%).
    Value c = TRY(species_constructor(ctx, r, ctx.intrinsic(Intrinsic::RegExp)));
    // 5. Let flags be ? ToString(? Get(R, "flags")).
    Value flags = TRY(get_flags_string(ctx, r));
    // 6. Let matcher be ? Construct(C, « R, flags »).
    Value cargs[2] = {args.this_value, flags};
    Value matcher = TRY(construct(ctx, c, cargs));
    // 7. Let lastIndex be ? ToLength(? Get(R, "lastIndex")).
    uint64_t last_index = TRY(get_last_index(ctx, r));
    // 8. Perform ? Set(matcher, "lastIndex", lastIndex, true).
    TRY(set_last_index(ctx, matcher.as_object(), last_index));
    // 9-12. global / fullUnicode from flags.
    bool global = string_has(flags.as_string(), 'g');
    bool full_unicode = string_has(flags.as_string(), 'u') || string_has(flags.as_string(), 'v');
    // 13. Return CreateRegExpStringIterator(matcher, S, global, fullUnicode).
    return create_regexp_string_iterator(ctx, matcher, s, global, full_unicode);
}

// The length of GetSubstitution's result without the "$<name>" references (whose values come from
// observable Gets): when even that exceeds the maximum string length the result cannot be built, and
// the caller throws before allocating anything (a template of 2^15 "$1" over a 2^20-unit capture
// would otherwise grow a buffer to the limit first).
static uint64_t substitution_length_lower_bound(const String* matched, const String* str, uint32_t position,
                                                std::span<const Value> captures, const String* tmpl) {
    uint64_t total = 0;
    uint32_t len = tmpl->length();
    size_t capture_len = captures.size();
    for (uint32_t i = 0; i < len;) {
        if (tmpl->at(i) != '$' || i + 1 >= len) {
            ++total;
            ++i;
            continue;
        }
        char16_t d = tmpl->at(i + 1);
        if (d == '&') {
            total += matched->length();
        } else if (d == '`') {
            total += position;
        } else if (d == '\'') {
            uint64_t tail = std::min<uint64_t>(uint64_t(position) + matched->length(), str->length());
            total += str->length() - tail;
        } else if (d >= '0' && d <= '9') {
            uint32_t index = d - '0';
            uint32_t digits = 1;
            if (i + 2 < len && tmpl->at(i + 2) >= '0' && tmpl->at(i + 2) <= '9') {
                uint32_t two = index * 10 + (tmpl->at(i + 2) - '0');
                if (two <= capture_len) {
                    index = two;
                    digits = 2;
                }
            }
            if (index >= 1 && index <= capture_len) {
                const Value& cap = captures[index - 1];
                if (cap.is_string()) total += cap.as_string()->length();
            }
            i += 1 + digits;
            continue;
        }
        i += 2; // "$$" and "$<" give at least one unit; counting none keeps this a lower bound
    }
    return total;
}

// 22.1.3.19.1 GetSubstitution (#sec-getsubstitution)
Value get_substitution(Context& ctx, String* matched, String* str, uint32_t position,
                       std::span<const Value> captures, const Value& named_captures, String* tmpl) {
    // 1. Let stringLength be the length of str. 2. Assert: position ≤ stringLength.
    uint32_t string_length = str->length();
    if (substitution_length_lower_bound(matched, str, position, captures, tmpl) > String::kMaxLength)
        return ctx.throw_range_error("invalid string length");
    // 3. Let result be the empty String. 4. Let templateRemainder be replacementTemplate.
    StringBuilder sb(ctx.rt());
    uint32_t len = tmpl->length();
    size_t capture_len = captures.size();
    // 5. Repeat, while templateRemainder is not the empty String,
    for (uint32_t i = 0; i < len;) {
        char16_t c = tmpl->at(i);
        bool ok = true;
        if (c != '$' || i + 1 >= len) {
            // f. Else: ref is the first code unit; refReplacement is ref.
            // (Fast path: copy the run of non-'$' characters at once.)
            uint32_t j = i + 1;
            while (j < len && tmpl->at(j) != '$')
                ++j;
            if (!sb.append(tmpl, i, j)) return ctx.throw_out_of_memory();
            i = j;
            continue;
        }
        char16_t d = tmpl->at(i + 1);
        if (d == '$') {
            // a. "$$": refReplacement is "$".
            ok = sb.append('$');
            i += 2;
        } else if (d == '`') {
            // b. "$`": the substring of str from 0 to position.
            ok = sb.append(str, 0, position);
            i += 2;
        } else if (d == '&') {
            // c. "$&": matched.
            ok = sb.append(matched);
            i += 2;
        } else if (d == '\'') {
            // d. "$'": from min(position + matchLength, stringLength) to the end.
            uint32_t tail =
                std::min<uint64_t>(static_cast<uint64_t>(position) + matched->length(), string_length);
            ok = sb.append(str, tail, string_length);
            i += 2;
        } else if (d >= '0' && d <= '9') {
            // e. "$" followed by one or more decimal digits.
            // i. digitCount is 2 if two digits follow, else 1.
            uint32_t digit_count = (i + 2 < len && tmpl->at(i + 2) >= '0' && tmpl->at(i + 2) <= '9') ? 2 : 1;
            // ii-iii. Let index be the MV of the digits.
            uint32_t index = d - '0';
            if (digit_count == 2) index = index * 10 + (tmpl->at(i + 2) - '0');
            // vi. If index > captureLen and digitCount = 2, use one digit only.
            if (index > capture_len && digit_count == 2) {
                digit_count = 1;
                index = d - '0';
            }
            // viii. If 1 ≤ index ≤ captureLen, the capture (or "" when undefined); ix. else ref itself.
            if (index >= 1 && index <= capture_len) {
                const Value& cap = captures[index - 1];
                if (!cap.is_undefined()) ok = sb.append(cap.as_string());
            } else {
                ok = sb.append(tmpl, i, i + 1 + digit_count);
            }
            i += 1 + digit_count;
        } else if (d == '<') {
            // f. "$<": gtPos = StringIndexOf(templateRemainder, ">", 0).
            uint32_t gt = i + 2;
            while (gt < len && tmpl->at(gt) != '>')
                ++gt;
            // ii. If gtPos = -1 or namedCaptures is undefined, ref is "$<" and refReplacement is ref.
            if (gt >= len || named_captures.is_undefined()) {
                ok = sb.append_ascii("$<");
                i += 2;
            } else {
                // iii. groupName = the text between "<" and ">"; capture = ? Get(namedCaptures, groupName).
                Value name = TRY(substring_value(ctx, tmpl, i + 2, gt));
                Atom key = TRY(to_property_key(ctx, name));
                Value capture = TRY(get(ctx, named_captures.as_object(), key));
                // If capture is undefined, refReplacement is ""; else ? ToString(capture).
                if (!capture.is_undefined()) {
                    Value cs = TRY(to_string(ctx, capture));
                    ok = sb.append(cs.as_string());
                }
                i = gt + 1;
            }
        } else {
            ok = sb.append('$');
            i += 1;
        }
        if (!ok) return ctx.throw_out_of_memory();
    }
    // 6. Return result.
    String* out = sb.finish();
    if (!out) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, out);
}

// 22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue )
// (#sec-regexp.prototype-%symbol.replace%)
static Value regexp_symbol_replace(Context& ctx, const CallArgs& args) {
    // 1-2. Let rx be the this value; if rx is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype[Symbol.replace] called on non-object");
    Object* rx = args.this_value.as_object();
    // 3. Let S be ? ToString(string). 4. Let lengthS be the length of S.
    Value s = TRY(to_string(ctx, args.arg(0)));
    String* str = s.as_string();
    uint32_t length_s = str->length();
    // 5. Let functionalReplace be IsCallable(replaceValue).
    Value replace_value = args.arg(1);
    bool functional = is_callable(replace_value);
    // 6. If functionalReplace is false, set replaceValue to ? ToString(replaceValue).
    if (!functional) replace_value = TRY(to_string(ctx, replace_value));
    // 7. Let flags be ? ToString(? Get(rx, "flags")).
    Value flags = TRY(get_flags_string(ctx, rx));
    // 8. Let global be true if flags contains "g".
    bool global = string_has(flags.as_string(), 'g');
    bool full_unicode = false;
    // 9. If global is true, then
    if (global) {
        // a. Let fullUnicode be true if flags contains "u" or "v".
        full_unicode = string_has(flags.as_string(), 'u') || string_has(flags.as_string(), 'v');
        // b. Perform ? Set(rx, "lastIndex", +0𝔽, true).
        TRY(set_last_index(ctx, rx, 0));
    }
    // 10-12. Collect the results. A result is either a match object from RegExpExec or, on the
    // fast path (the builtin exec on a RegExp without named groups), the capture indexes alone:
    // reading them back from a fresh match array is unobservable, so the array is skipped.
    struct Entry {
        Value result;         // the match object, or undefined on the fast path
        uint32_t caps_offset; // fast path: index into raw_caps
        uint32_t ncaps;       // fast path: capture slots
    };
    Vector<Entry> results;
    Vector<int32_t> raw_caps;
    CaptureBuffer buffer(ctx.rt());
    for (;;) {
        // a. Let result be ? RegExpExec(rx, S).
        Value exec = TRY(get(ctx, rx, atoms::exec));
        bool empty_match;
        if (is_builtin_exec(ctx, rx, exec) &&
            static_cast<RegExpObject*>(rx)->m_program[regexp::header::Names] == 0) {
            auto* ro = static_cast<RegExpObject*>(rx);
            bool matched = TRY(builtin_exec_raw(ctx, ro, str, buffer));
            // The captures of the program that matched (lastIndex's valueOf may have recompiled R).
            uint32_t slots = 2 * ro->m_program[regexp::header::CaptureCount];
            // b. If result is null, set done to true.
            if (!matched) break;
            // c.i. Append result to results.
            results.push_back(Entry{Value(), static_cast<uint32_t>(raw_caps.size()), slots});
            raw_caps.insert(raw_caps.end(), buffer.data(), buffer.data() + slots);
            empty_match = buffer.data()[0] == buffer.data()[1];
        } else {
            Value result = TRY(regexp_exec_with(ctx, rx, str, exec));
            // b. If result is null, set done to true.
            if (result.is_null()) break;
            // c.i. Append result to results.
            results.push_back(Entry{result, 0, 0});
            if (!global) break;
            // c.iii.1. Let matchStr be ? ToString(? Get(result, "0")).
            Value m0 = TRY(get_index(ctx, result.as_object(), 0));
            Value match_str = TRY(to_string(ctx, m0));
            empty_match = match_str.as_string()->length() == 0;
        }
        // c.ii. If global is false, set done to true.
        if (!global) break;
        // c.iii.2. If matchStr is the empty String, advance lastIndex.
        if (empty_match) {
            uint64_t this_index = TRY(get_last_index(ctx, rx));
            TRY(set_last_index(ctx, rx, advance_string_index(str, this_index, full_unicode)));
        }
    }
    // 13-14. Let accumulatedResult be the empty String; nextSourcePosition = 0.
    StringBuilder acc(ctx.rt());
    uint32_t next_source_position = 0;
    // Fast path: a template without "$" is the replacement itself.
    bool plain_template = false;
    if (!functional) {
        String* t = replace_value.as_string();
        plain_template = true;
        for (uint32_t i = 0; i < t->length() && plain_template; ++i)
            plain_template = t->at(i) != '$';
    }
    // 15. For each element result of results, do
    for (Entry& entry : results) {
        Value matched;
        uint32_t position;
        Vector<Value> captures;
        Value named_captures;
        if (entry.result.is_undefined()) {
            // Fast path: the values steps a-j would read back from the match array.
            const int32_t* c = raw_caps.data() + entry.caps_offset;
            position = static_cast<uint32_t>(c[0]);
            if (!plain_template || functional) {
                matched = TRY(substring_value(ctx, str, position, static_cast<uint32_t>(c[1])));
                for (uint32_t g = 1; g < entry.ncaps / 2; ++g) {
                    Value cap;
                    if (c[2 * g] >= 0)
                        cap = TRY(substring_value(ctx, str, static_cast<uint32_t>(c[2 * g]),
                                                  static_cast<uint32_t>(c[2 * g + 1])));
                    captures.push_back(std::move(cap));
                }
            }
            uint32_t match_length = static_cast<uint32_t>(c[1] - c[0]);
            Value replacement;
            if (functional) {
                Vector<Value> replacer_args;
                replacer_args.push_back(matched);
                for (auto& cap : captures)
                    replacer_args.push_back(cap);
                replacer_args.push_back(Value::int32(static_cast<int32_t>(position)));
                replacer_args.push_back(s);
                Value repl_value = TRY(call(ctx, replace_value, Value::undefined(), replacer_args));
                replacement = TRY(to_string(ctx, repl_value));
            } else if (plain_template) {
                replacement = replace_value;
            } else {
                replacement = TRY(get_substitution(ctx, matched.as_string(), str, position, captures, Value(),
                                                   replace_value.as_string()));
            }
            if (position >= next_source_position) {
                if (!acc.append(str, next_source_position, position) || !acc.append(replacement.as_string()))
                    return ctx.throw_out_of_memory();
                next_source_position = position + match_length;
            }
            continue;
        }
        Object* ro = entry.result.as_object();
        // a-b. Let resultLength be ? LengthOfArrayLike(result); nCaptures = max(resultLength - 1, 0).
        uint64_t result_length = TRY(length_of_array_like(ctx, ro));
        uint64_t n_captures = result_length > 0 ? result_length - 1 : 0;
        // c. Let matched be ? ToString(? Get(result, "0")).
        Value m0 = TRY(get_index(ctx, ro, 0));
        matched = TRY(to_string(ctx, m0));
        // d. Let matchLength be the length of matched.
        uint32_t match_length = matched.as_string()->length();
        // e. Let position be ? ToIntegerOrInfinity(? Get(result, "index")).
        Value index_v = TRY(get(ctx, ro, atoms::index));
        double position_d = TRY(to_integer_or_infinity(ctx, index_v));
        // f. Set position to the result of clamping position between 0 and lengthS.
        position = static_cast<uint32_t>(std::clamp(position_d, 0.0, static_cast<double>(length_s)));
        // g-i. Let captures be the list of ? ToString of each capture (undefined stays).
        for (uint64_t n = 1; n <= n_captures; ++n) {
            Value cap_n = TRY(get_index(ctx, ro, n));
            if (!cap_n.is_undefined()) cap_n = TRY(to_string(ctx, cap_n));
            captures.push_back(std::move(cap_n));
        }
        // j. Let namedCaptures be ? Get(result, "groups").
        named_captures = TRY(get(ctx, ro, atoms::groups));
        Value replacement;
        // k. If functionalReplace is true, then
        if (functional) {
            // i. replacerArgs = « matched » + captures + « 𝔽(position), S » (+ namedCaptures).
            Vector<Value> replacer_args;
            replacer_args.push_back(matched);
            for (auto& c : captures)
                replacer_args.push_back(c);
            replacer_args.push_back(Value::int32(static_cast<int32_t>(position)));
            replacer_args.push_back(s);
            // ii. If namedCaptures is not undefined, append namedCaptures.
            if (!named_captures.is_undefined()) replacer_args.push_back(named_captures);
            // iii. Let replValue be ? Call(replaceValue, undefined, replacerArgs).
            Value repl_value = TRY(call(ctx, replace_value, Value::undefined(), replacer_args));
            // iv. Let replacement be ? ToString(replValue).
            replacement = TRY(to_string(ctx, repl_value));
        } else {
            // l.i. If namedCaptures is not undefined, set namedCaptures to ? ToObject(namedCaptures).
            if (!named_captures.is_undefined()) named_captures = TRY(to_object(ctx, named_captures));
            // l.ii. Let replacement be ? GetSubstitution(matched, S, position, captures, namedCaptures,
            // replaceValue).
            replacement = TRY(get_substitution(ctx, matched.as_string(), str, position, captures,
                                               named_captures, replace_value.as_string()));
        }
        // m. If position ≥ nextSourcePosition, then
        if (position >= next_source_position) {
            // i. accumulatedResult += S[nextSourcePosition, position) + replacement.
            if (!acc.append(str, next_source_position, position) || !acc.append(replacement.as_string()))
                return ctx.throw_out_of_memory();
            // ii. Set nextSourcePosition to position + matchLength.
            next_source_position = position + match_length;
        }
    }
    // 16. If nextSourcePosition ≥ lengthS, return accumulatedResult.
    // 17. Return accumulatedResult + S[nextSourcePosition, lengthS).
    if (next_source_position < length_s && !acc.append(str, next_source_position, length_s))
        return ctx.throw_out_of_memory();
    String* out = acc.finish();
    if (!out) return ctx.throw_out_of_memory();
    return Value::adopt(Tag::String, out);
}

// 22.2.6.12 RegExp.prototype [ %Symbol.search% ] ( string ) (#sec-regexp.prototype-%symbol.search%)
static Value regexp_symbol_search(Context& ctx, const CallArgs& args) {
    // 1-2. Let rx be the this value; if rx is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype[Symbol.search] called on non-object");
    Object* rx = args.this_value.as_object();
    // 3. Let S be ? ToString(string).
    Value s = TRY(to_string(ctx, args.arg(0)));
    // 4. Let previousLastIndex be ? Get(rx, "lastIndex").
    Value previous = TRY(get(ctx, rx, atoms::lastIndex));
    // 5. If SameValue(previousLastIndex, +0𝔽) is false, perform ? Set(rx, "lastIndex", +0𝔽, true).
    if (!same_value(previous, Value::int32(0))) TRY(set_or_throw(ctx, rx, atoms::lastIndex, Value::int32(0)));
    // 6. Let result be ? RegExpExec(rx, S).
    Value result = TRY(regexp_exec(ctx, rx, s.as_string()));
    // 7. Let currentLastIndex be ? Get(rx, "lastIndex").
    Value current = TRY(get(ctx, rx, atoms::lastIndex));
    // 8. If SameValue(currentLastIndex, previousLastIndex) is false, restore it.
    if (!same_value(current, previous)) TRY(set_or_throw(ctx, rx, atoms::lastIndex, previous));
    // 9. If result is null, return -1𝔽.
    if (result.is_null()) return Value::int32(-1);
    // 10. Return ? Get(result, "index").
    return get(ctx, result.as_object(), atoms::index);
}

// 22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit ) (#sec-regexp.prototype-%symbol.split%)
static Value regexp_symbol_split(Context& ctx, const CallArgs& args) {
    // 1-2. Let rx be the this value; if rx is not an Object, throw a TypeError exception.
    if (!args.this_value.is_object())
        return ctx.throw_type_error("RegExp.prototype[Symbol.split] called on non-object");
    Object* rx = args.this_value.as_object();
    // 3. Let S be ? ToString(string).
    Value s = TRY(to_string(ctx, args.arg(0)));
    String* str = s.as_string();
    // 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    Value c = TRY(species_constructor(ctx, rx, ctx.intrinsic(Intrinsic::RegExp)));
    // 5. Let flags be ? ToString(? Get(rx, "flags")).
    Value flags = TRY(get_flags_string(ctx, rx));
    // 6-7. unicodeMatching is true if flags contains "u" or "v".
    bool unicode_matching = string_has(flags.as_string(), 'u') || string_has(flags.as_string(), 'v');
    // 8-9. newFlags is flags, plus "y" when missing.
    Value new_flags = flags;
    if (!string_has(flags.as_string(), 'y')) {
        String* nf =
            String::concat(ctx.rt(), flags.as_string(), ctx.rt().atom_string(ctx.rt().intern_ascii("y")));
        if (!nf) return ctx.throw_out_of_memory();
        new_flags = Value::adopt(Tag::String, nf);
    }
    // 10. Let splitter be ? Construct(C, « rx, newFlags »).
    Value cargs[2] = {args.this_value, new_flags};
    Value splitter_v = TRY(construct(ctx, c, cargs));
    Object* splitter = splitter_v.as_object();
    // 11-12. Let A be ! ArrayCreate(0); lengthA = 0.
    Value a = TRY(new_array(ctx, 0));
    uint32_t length_a = 0;
    // 13-14. lim is 2^32 - 1 when limit is undefined, else ℝ(? ToUint32(limit)).
    uint32_t lim = 0xFFFFFFFFu;
    if (!args.arg(1).is_undefined()) lim = TRY(to_uint32(ctx, args.arg(1)));
    // 15. If lim = 0, return A.
    if (lim == 0) return a;
    // 16. If S is the empty String, then
    uint32_t size = str->length();
    if (size == 0) {
        // a. Let z be ? RegExpExec(splitter, S). b. If z is not null, return A.
        Value z = TRY(regexp_exec(ctx, splitter, str));
        if (!z.is_null()) return a;
        // c. Perform ! CreateDataPropertyOrThrow(A, "0", S). d. Return A.
        TRY(create_data_property_index(ctx, a.as_object(), 0, s));
        return a;
    }
    // 17-19. p = 0 (end of the last match), q = p.
    uint32_t p = 0, q = 0;
    // Fast path: a splitter made by %RegExp% that uses the builtin exec is private to this call,
    // so its lastIndex updates are unobservable: one search from q replaces the sticky attempts
    // at q, q+1, ... (the matcher advances by code point exactly like AdvanceStringIndex).
    Value exec = TRY(get(ctx, splitter, atoms::exec));
    if (c.is_object() && c.as_object() == ctx.intrinsic(Intrinsic::RegExp) &&
        is_builtin_exec(ctx, splitter, exec)) {
        auto* ro = static_cast<RegExpObject*>(splitter);
        CaptureBuffer buffer(ctx.rt());
        uint32_t ncaps = ro->m_program[regexp::header::CaptureCount];
        if (!buffer.reserve(2 * ncaps)) return ctx.throw_out_of_memory();
        int32_t* caps = buffer.data();
        while (q < size) {
            regexp::MatchStatus st =
                regexp::exec(ctx.rt(), ro->m_program, str, q, caps, regexp::ExecMode::Search);
            if (st == regexp::MatchStatus::OutOfMemory || st == regexp::MatchStatus::Interrupted)
                return throw_match_failure(ctx, st);
            if (st == regexp::MatchStatus::NoMatch || static_cast<uint32_t>(caps[0]) >= size) break;
            q = static_cast<uint32_t>(caps[0]);
            uint32_t e = std::min(static_cast<uint32_t>(caps[1]), size);
            if (e == p) {
                q = static_cast<uint32_t>(advance_string_index(str, q, unicode_matching));
                continue;
            }
            Value t = TRY(substring_value(ctx, str, p, q));
            TRY(create_data_property_index(ctx, a.as_object(), length_a, t));
            if (++length_a == lim) return a;
            p = e;
            for (uint32_t i = 1; i < ncaps; ++i) {
                Value cap;
                if (caps[2 * i] >= 0)
                    cap = TRY(substring_value(ctx, str, static_cast<uint32_t>(caps[2 * i]),
                                              static_cast<uint32_t>(caps[2 * i + 1])));
                TRY(create_data_property_index(ctx, a.as_object(), length_a, cap));
                if (++length_a == lim) return a;
            }
            q = p;
        }
        Value t = TRY(substring_value(ctx, str, p, size));
        TRY(create_data_property_index(ctx, a.as_object(), length_a, t));
        return a;
    }
    // 20. Repeat, while q < size,
    while (q < size) {
        // a. Perform ? Set(splitter, "lastIndex", 𝔽(q), true).
        TRY(set_last_index(ctx, splitter, q));
        // b. Let z be ? RegExpExec(splitter, S).
        Value z = TRY(regexp_exec(ctx, splitter, str));
        // c. If z is null, set q to AdvanceStringIndex(S, q, unicodeMatching).
        if (z.is_null()) {
            q = static_cast<uint32_t>(advance_string_index(str, q, unicode_matching));
            continue;
        }
        // d.i. Let e be ℝ(? ToLength(? Get(splitter, "lastIndex"))). ii. e = min(e, size).
        uint64_t e64 = TRY(get_last_index(ctx, splitter));
        uint32_t e = static_cast<uint32_t>(std::min<uint64_t>(e64, size));
        // iii. If e = p, set q to AdvanceStringIndex(S, q, unicodeMatching).
        if (e == p) {
            q = static_cast<uint32_t>(advance_string_index(str, q, unicode_matching));
            continue;
        }
        // iv.1. Let T be the substring of S from p to q. 2. Append T to A.
        Value t = TRY(substring_value(ctx, str, p, q));
        TRY(create_data_property_index(ctx, a.as_object(), length_a, t));
        // 3. Set lengthA to lengthA + 1. 4. If lengthA = lim, return A.
        if (++length_a == lim) return a;
        // 5. Set p to e.
        p = e;
        // 6-7. numberOfCaptures = max(? LengthOfArrayLike(z) - 1, 0).
        uint64_t n_caps = TRY(length_of_array_like(ctx, z.as_object()));
        n_caps = n_caps > 0 ? n_caps - 1 : 0;
        // 8-10. Append each capture.
        for (uint64_t i = 1; i <= n_caps; ++i) {
            Value next_capture = TRY(get_index(ctx, z.as_object(), i));
            TRY(create_data_property_index(ctx, a.as_object(), length_a, next_capture));
            if (++length_a == lim) return a;
        }
        // 11. Set q to p.
        q = p;
    }
    // 21. Let T be the substring of S from p to size. 22. Append T to A.
    Value t = TRY(substring_value(ctx, str, p, size));
    TRY(create_data_property_index(ctx, a.as_object(), length_a, t));
    // 23. Return A.
    return a;
}

static const FunctionListEntry kRegExpPrototype[] = {
    QJS_FUNC("exec", 1, regexp_prototype_exec),
    QJS_FUNC("test", 1, regexp_prototype_test),
    QJS_FUNC("toString", 0, regexp_prototype_to_string),
    QJS_FUNC("compile", 2, regexp_prototype_compile),
    QJS_GETTER("flags", regexp_get_flags),
    QJS_GETTER("source", regexp_get_source),
    {"dotAll", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::DotAll,
     regexp_has_flag, nullptr, 0, nullptr},
    {"global", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::Global,
     regexp_has_flag, nullptr, 0, nullptr},
    {"hasIndices", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::HasIndices,
     regexp_has_flag, nullptr, 0, nullptr},
    {"ignoreCase", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::IgnoreCase,
     regexp_has_flag, nullptr, 0, nullptr},
    {"multiline", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::Multiline,
     regexp_has_flag, nullptr, 0, nullptr},
    {"sticky", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::Sticky,
     regexp_has_flag, nullptr, 0, nullptr},
    {"unicode", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::Unicode,
     regexp_has_flag, nullptr, 0, nullptr},
    {"unicodeSets", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, regexp::flag::UnicodeSets,
     regexp_has_flag, nullptr, 0, nullptr},
    QJS_FUNC("[Symbol.match]", 1, regexp_symbol_match),
    QJS_FUNC("[Symbol.matchAll]", 1, regexp_symbol_match_all),
    QJS_FUNC("[Symbol.replace]", 2, regexp_symbol_replace),
    QJS_FUNC("[Symbol.search]", 1, regexp_symbol_search),
    QJS_FUNC("[Symbol.split]", 2, regexp_symbol_split),
};

bool install_regexp_prototype(Context& ctx, Object* proto) {
    if (!define_function_list(ctx, proto, kRegExpPrototype)) return false;
    Value exec = get(ctx, proto, atoms::exec);
    if (exec.is_exception()) return false;
    ctx.set_intrinsic(Intrinsic::RegExpPrototypeExec, exec.as_object());
    return true;
}

} // namespace qjs
