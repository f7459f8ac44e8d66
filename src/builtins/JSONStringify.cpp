// JSONStringify.cpp: JSON.stringify (ECMA-262 25.5.2, #sec-json.stringify).
//
// The output is written into one StringBuilder instead of building and joining the spec's
// `partial` lists. Whether a property produces output ("undefined" in the spec) is known before
// anything is written for it: SerializeJSONProperty is split into `prepare` (steps 1-4: toJSON,
// the replacer, unwrapping) and `write_value` (steps 5-11).
#include "base/NumberConversion.h"
#include "base/Utf.h"
#include "builtins/JSON.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/InterruptPoll.h"
#include "runtime/Object.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"

#include <algorithm>

namespace qjs {

namespace {

// A property key as SerializeJSONProperty receives it: an atom, or an array index (whose
// string form is only made when toJSON or the replacer needs it).
struct JsonKey {
    Atom atom = atoms::empty_string;
    uint64_t index = 0;
    bool is_index = false;
};

class JsonStringifier {
  public:
    explicit JsonStringifier(Context& ctx) : m_ctx(ctx), m_out(ctx.rt()), m_poll(ctx) {}

    Value m_replacer_function;    // [[ReplacerFunction]]
    Vector<Atom> m_property_list; // [[PropertyList]]
    bool m_has_property_list = false;
    Value m_gap; // [[Gap]]: a String value, or undefined when empty

    // 25.5.2.2 SerializeJSONProperty ( state, key, holder ) (#sec-serializejsonproperty), steps 2-4
    // on the value step 1 fetched. Returns false when the result is undefined (nothing to write).
    Result<bool> prepare(Value& value, Object* holder, const JsonKey& key) {
        // 2. If value is an Object or value is a BigInt, then
        if (value.is_object() || value.is_bigint()) {
            // a. Let toJSON be ? GetV(value, "toJSON").
            Value to_json = TRY(get_v(m_ctx, value, atoms::toJSON));
            // b. If IsCallable(toJSON) is true, set value to ? Call(toJSON, value, « key »).
            if (is_callable(to_json)) {
                Value key_value = TRY(key_to_value(key));
                value = TRY(call(m_ctx, to_json, value, {&key_value, 1}));
            }
        }
        // 3. If state.[[ReplacerFunction]] is not undefined, set value to
        //    ? Call(state.[[ReplacerFunction]], holder, « key, value »).
        if (!m_replacer_function.is_undefined()) {
            Value key_value = TRY(key_to_value(key));
            Value call_args[2] = {std::move(key_value), value};
            value = TRY(call(m_ctx, m_replacer_function, Value::object(holder), call_args));
        }
        // 4. If value is an Object, then
        if (value.is_object()) {
            switch (value.as_object()->class_id()) {
            case ClassId::Number: {
                // a. If value has a [[NumberData]] internal slot, set value to ? ToNumber(value).
                double n = TRY(to_number(m_ctx, value));
                value = Value::number(n);
                break;
            }
            case ClassId::String:
                // b. Else if value has a [[StringData]] internal slot, set value to ? ToString(value).
                value = TRY(to_string(m_ctx, value));
                break;
            case ClassId::Boolean:
            case ClassId::BigInt: {
                // c-d. [[BooleanData]] / [[BigIntData]]: set value to the wrapped primitive.
                const Value* primitive = primitive_of(value, value.as_object()->class_id());
                if (primitive) value = *primitive;
                break;
            }
            default: break;
            }
        }
        // 5-11 yield undefined for undefined, symbols and callable objects.
        if (value.is_undefined() || value.is_symbol()) return false;
        if (value.is_object() && value.as_object()->is_callable()) return false;
        return true;
    }

    // 25.5.2.2 SerializeJSONProperty, steps 5-11, for a value `prepare` accepted.
    Result<void> write_value(const Value& value) {
        switch (value.tag()) {
        // 5. If value is null, return "null".
        case Tag::Null: m_out.append_ascii("null"); break;
        // 6-7. If value is true, return "true". If value is false, return "false".
        case Tag::Bool: m_out.append_ascii(value.as_bool() ? "true" : "false"); break;
        // 8. If value is a String, return QuoteJSONString(value).
        case Tag::String: write_quoted(value.as_string()); break;
        // 9. If value is a Number: finite → ! ToString(value); otherwise "null".
        case Tag::Int32: {
            char buf[kInt32ToStringBufferSize];
            m_out.append_ascii(std::string_view(buf, int32_to_string(value.as_int32(), buf)));
            break;
        }
        case Tag::Float64: {
            double d = value.as_float64();
            if (!std::isfinite(d)) {
                m_out.append_ascii("null");
                break;
            }
            char buf[kNumberToStringBufferSize];
            m_out.append_ascii(std::string_view(buf, number_to_string(d, buf)));
            break;
        }
        // 10. If value is a BigInt, throw a TypeError exception.
        case Tag::BigInt: return m_ctx.throw_type_error("BigInt value can't be serialized in JSON");
        // 11. If value is an Object and IsCallable(value) is false: array or object.
        case Tag::Object: {
            // 4.a (json-parse-with-source). If value has an [[IsRawJSON]] internal slot, return
            //     ! Get(value, "rawJSON") (a frozen own data property holding a valid JSON text).
            if (value.as_object()->class_id() == ClassId::RawJSON) {
                Atom raw_json = m_ctx.rt().intern_ascii("rawJSON");
                if (!raw_json) return m_ctx.throw_out_of_memory();
                Value text = TRY(get(m_ctx, value.as_object(), raw_json));
                if (text.is_string()) m_out.append(text.as_string());
                break;
            }
            bool value_is_array = TRY(is_array(m_ctx, value));
            if (value_is_array)
                TRY(write_array(value.as_object()));
            else
                TRY(write_object(value.as_object()));
            break;
        }
        default: VERIFY_NOT_REACHED();
        }
        if (m_out.failed()) return m_ctx.throw_out_of_memory();
        return {};
    }

    Value finish() {
        String* s = m_out.finish();
        if (!s) return m_ctx.throw_out_of_memory();
        return Value::adopt(Tag::String, s);
    }

  private:
    Value key_to_value(const JsonKey& key) {
        if (key.is_index) return to_string(m_ctx, Value::number(static_cast<int64_t>(key.index)));
        return m_ctx.rt().atom_to_value(key.atom);
    }

    // The cycle check and stack push shared by objects and arrays (steps 1-2 of both).
    Result<void> enter(Object* o) {
        if (m_ctx.check_stack_overflow()) return Exception{};
        // 1. If state.[[Stack]] contains value, throw a TypeError because the structure is cyclical.
        for (Object* on_stack : m_stack) {
            if (on_stack == o) return m_ctx.throw_type_error("JSON.stringify: cyclic object value");
        }
        // 2. Append value to state.[[Stack]].
        m_stack.push_back(o);
        // 3-4. Let stepback be state.[[Indent]]; set state.[[Indent]] to stepback + gap.
        m_depth++;
        return {};
    }

    void leave() {
        // Remove the last element of state.[[Stack]]; set state.[[Indent]] to stepback.
        m_stack.pop_back();
        m_depth--;
    }

    void write_newline_and_indent(uint32_t depth) {
        m_out.append(u'\n');
        for (uint32_t i = 0; i < depth; i++)
            m_out.append(m_gap.as_string());
    }

    // 25.5.2.5 SerializeJSONObject ( state, value ) (#sec-serializejsonobject)
    Result<void> write_object(Object* o) {
        TRY(enter(o));
        // 5. If state.[[PropertyList]] is not undefined, let K be state.[[PropertyList]].
        // 6. Else, let K be ? EnumerableOwnProperties(value, key).
        Vector<Atom> own_keys;
        const Vector<Atom>* keys = &m_property_list;
        if (!m_has_property_list) {
            TRY(enumerable_own_keys(o, own_keys));
            keys = &own_keys;
        }
        // 7-8. For each element P of K: member = QuoteJSONString(P) ":" [space] strP.
        m_out.append(u'{');
        bool any = false;
        for (Atom key : *keys) {
            if (m_poll.step()) return Exception{};
            Value v;
            // Fast path: an own data property of a non-exotic object is its slot value.
            int32_t slot = o->is_exotic() ? -1 : find_own_slot(o, key);
            if (slot >= 0 && !(o->shape()->entry(static_cast<uint32_t>(slot)).flags & prop::Accessor)) {
                v = o->slot(static_cast<uint32_t>(slot));
            } else {
                v = TRY(get(m_ctx, o, key));
            }
            JsonKey json_key;
            json_key.atom = key;
            bool has_output = TRY(prepare(v, o, json_key));
            if (!has_output) continue;
            // 10. Separator "," (or ",\n" + indent with a gap); the first member opens the list.
            if (any) m_out.append(u',');
            any = true;
            if (!m_gap.is_undefined()) write_newline_and_indent(m_depth);
            Value key_string = TRY(m_ctx.rt().atom_to_value(key));
            write_quoted(key_string.as_string());
            m_out.append(u':');
            if (!m_gap.is_undefined()) m_out.append(u' ');
            TRY(write_value(v));
        }
        // 9. If partial is empty, "{}"; 10. else with a gap, "\n" + stepback before the "}".
        if (any && !m_gap.is_undefined()) write_newline_and_indent(m_depth - 1);
        m_out.append(u'}');
        leave();
        if (m_out.failed()) return m_ctx.throw_out_of_memory();
        return {};
    }

    // EnumerableOwnProperties(O, key) (#sec-enumerableownproperties) for SerializeJSONObject.
    Result<void> enumerable_own_keys(Object* o, Vector<Atom>& out) {
        // Fast path: the shape of an ordinary object without index keys lists its keys in
        // OwnPropertyKeys order, with their attributes.
        if (!o->is_exotic() && o->class_id() != ClassId::Array && o->class_id() != ClassId::Arguments &&
            o->class_id() != ClassId::MappedArguments) {
            Shape* shape = o->shape();
            bool has_index_key = false;
            for (uint32_t i = 0; i < shape->count(); i++) {
                const ShapeEntry& e = shape->entry(i);
                if (atom_is_index(e.key)) {
                    has_index_key = true;
                    break;
                }
                if ((e.flags & prop::Enumerable) && !m_ctx.rt().atom_is_symbol(e.key)) out.push_back(e.key);
            }
            if (!has_index_key) return {};
            out.clear();
        }
        Vector<Atom> all_keys = TRY(own_property_keys(m_ctx, o));
        for (Atom key : all_keys) {
            if (m_ctx.rt().atom_is_symbol(key)) continue;
            PropertyDescriptor desc;
            bool exists = TRY(get_own_property(m_ctx, o, key, &desc));
            if (exists && desc.enumerable()) out.push_back(key);
        }
        return {};
    }

    // 25.5.2.6 SerializeJSONArray ( state, value ) (#sec-serializejsonarray)
    Result<void> write_array(Object* o) {
        TRY(enter(o));
        // 6. Let len be ? LengthOfArrayLike(value).
        uint64_t len = TRY(length_of_array_like(m_ctx, o));
        m_out.append(u'[');
        // 7-8. For each index < len: strP = SerializeJSONProperty(state, ! ToString(index), value),
        //      "null" when undefined.
        for (uint64_t index = 0; index < len; index++) {
            if (m_poll.step()) return Exception{};
            if (index > 0) m_out.append(u',');
            if (!m_gap.is_undefined()) write_newline_and_indent(m_depth);
            Value v;
            // Fast path: a present fast element is the value [[Get]] returns.
            if (o->is_fast_array() && index < o->m_element_count)
                v = o->m_elements[index];
            else
                v = TRY(get_index(m_ctx, o, index));
            JsonKey key;
            key.index = index;
            key.is_index = true;
            bool has_output = TRY(prepare(v, o, key));
            if (has_output)
                TRY(write_value(v));
            else
                m_out.append_ascii("null");
            if (m_out.failed()) return m_ctx.throw_out_of_memory();
        }
        // 9-10. "[]" when empty; with a gap, "\n" + stepback before the "]".
        if (len > 0 && !m_gap.is_undefined()) write_newline_and_indent(m_depth - 1);
        m_out.append(u']');
        leave();
        return {};
    }

    void write_escape(char16_t c) {
        static const char kHex[] = "0123456789abcdef";
        char buf[6] = {'\\',        'u', kHex[(c >> 12) & 15], kHex[(c >> 8) & 15], kHex[(c >> 4) & 15],
                       kHex[c & 15]};
        m_out.append_ascii(std::string_view(buf, 6));
    }

    // One code unit that needs escaping (a control character, '"' or '\').
    void write_escaped_unit(char16_t c) {
        switch (c) {
        case u'\b': m_out.append_ascii("\\b"); break;
        case u'\t': m_out.append_ascii("\\t"); break;
        case u'\n': m_out.append_ascii("\\n"); break;
        case u'\f': m_out.append_ascii("\\f"); break;
        case u'\r': m_out.append_ascii("\\r"); break;
        case u'"': m_out.append_ascii("\\\""); break;
        case u'\\': m_out.append_ascii("\\\\"); break;
        default: write_escape(c); break;
        }
    }

    static bool needs_escape(char16_t c) { return c < 0x20 || c == u'"' || c == u'\\'; }

    // 25.5.2.3 QuoteJSONString ( value ) (#sec-quotejsonstring)
    void write_quoted(const String* s) {
        // 1. Let product be the String value consisting solely of the code unit 0x0022 (QUOTATION MARK).
        m_out.append(u'"');
        uint32_t length = s->length();
        if (!s->is_wide()) {
            // Fast path: Latin-1 has no surrogates; copy runs that need no escaping.
            const uint8_t* chars = s->latin1();
            uint32_t run = 0;
            for (uint32_t i = 0; i < length; i++) {
                if (!needs_escape(chars[i])) continue;
                m_out.append_latin1(chars + run, i - run);
                write_escaped_unit(chars[i]);
                run = i + 1;
            }
            m_out.append_latin1(chars + run, length - run);
        } else {
            // 2. For each code point C of StringToCodePoints(value):
            const char16_t* chars = s->utf16();
            uint32_t run = 0;
            for (uint32_t i = 0; i < length; i++) {
                char16_t c = chars[i];
                if (utf::is_surrogate(c)) {
                    // A paired surrogate is copied as is.
                    if (utf::is_high_surrogate(c) && i + 1 < length && utf::is_low_surrogate(chars[i + 1])) {
                        i++;
                        continue;
                    }
                    // c. A lone surrogate is written as a \u escape (well-formed JSON.stringify).
                } else if (!needs_escape(c)) {
                    continue;
                }
                m_out.append_utf16(chars + run, i - run);
                write_escaped_unit(c);
                run = i + 1;
            }
            m_out.append_utf16(chars + run, length - run);
        }
        // 3. Set product to the string-concatenation of product and 0x0022 (QUOTATION MARK).
        m_out.append(u'"');
    }

    Context& m_ctx;
    StringBuilder m_out;
    InterruptPoll m_poll;    // every property and element written counts as a step
    Vector<Object*> m_stack; // [[Stack]] (the objects are kept alive by their holders)
    uint32_t m_depth = 0;    // [[Indent]] is m_depth copies of [[Gap]]
};

} // namespace

// 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] ) (#sec-json.stringify)
Value json_stringify(Context& ctx, const Value& value, const Value& replacer, const Value& space) {
    // 1-3. stack, indent, PropertyList and ReplacerFunction start empty.
    JsonStringifier state(ctx);
    // 4. If replacer is an Object, then
    if (replacer.is_object()) {
        // a. If IsCallable(replacer) is true, set ReplacerFunction to replacer.
        if (is_callable(replacer)) {
            state.m_replacer_function = replacer;
        } else {
            // b. Else: i. Let isArray be ? IsArray(replacer).
            bool replacer_is_array = TRY(is_array(ctx, replacer));
            if (replacer_is_array) {
                // ii.1. Set PropertyList to a new empty List.
                state.m_has_property_list = true;
                // ii.2. Let len be ? LengthOfArrayLike(replacer).
                uint64_t len = TRY(length_of_array_like(ctx, replacer.as_object()));
                // ii.3-4. For each k < len:
                for (uint64_t k = 0; k < len; k++) {
                    // b. Let v be ? Get(replacer, prop). c. Let item be undefined.
                    Value v = TRY(get_index(ctx, replacer.as_object(), k));
                    Value item;
                    if (v.is_string()) {
                        // d. If v is a String, set item to v.
                        item = std::move(v);
                    } else if (v.is_number()) {
                        // e. Else if v is a Number, set item to ! ToString(v).
                        item = TRY(to_string(ctx, v));
                    } else if (v.is_object() && (v.as_object()->class_id() == ClassId::String ||
                                                 v.as_object()->class_id() == ClassId::Number)) {
                        // f. Else if v has a [[StringData]] or [[NumberData]] slot, set item to ?
                        // ToString(v).
                        item = TRY(to_string(ctx, v));
                    }
                    // g. If item is not undefined and PropertyList does not contain item, append it.
                    if (item.is_undefined()) continue;
                    Atom key = TRY(to_property_key(ctx, item));
                    if (std::find(state.m_property_list.begin(), state.m_property_list.end(), key) ==
                        state.m_property_list.end())
                        state.m_property_list.push_back(key);
                }
            }
        }
    }
    // 5. If space is an Object: [[NumberData]] → ? ToNumber(space); [[StringData]] → ? ToString(space).
    Value gap_source = space;
    if (gap_source.is_object()) {
        ClassId cls = gap_source.as_object()->class_id();
        if (cls == ClassId::Number) {
            double n = TRY(to_number(ctx, gap_source));
            gap_source = Value::number(n);
        } else if (cls == ClassId::String) {
            gap_source = TRY(to_string(ctx, gap_source));
        }
    }
    if (gap_source.is_number()) {
        // 6. If space is a Number: spaceMV = min(10, ! ToIntegerOrInfinity(space)); gap is that
        //    many spaces (empty if spaceMV < 1).
        double n = TRY(to_integer_or_infinity(ctx, gap_source));
        n = std::min(10.0, n);
        if (n >= 1) state.m_gap = TRY(ctx.new_string(std::string_view("          ", static_cast<size_t>(n))));
    } else if (gap_source.is_string()) {
        // 7. Else if space is a String: gap is its first 10 code units.
        String* s = gap_source.as_string();
        if (s->length() > 10) {
            String* prefix = String::substring(ctx.rt(), s, 0, 10);
            if (!prefix) return ctx.throw_out_of_memory();
            state.m_gap = Value::adopt(Tag::String, prefix);
        } else if (s->length() > 0) {
            state.m_gap = gap_source;
        }
    }
    // 9. Let wrapper be OrdinaryObjectCreate(%Object.prototype%).
    // 10. Perform ! CreateDataPropertyOrThrow(wrapper, the empty String, value).
    // Only a replacer function can observe the wrapper (as `this`); otherwise Get(wrapper, "")
    // is just `value`.
    Value wrapper;
    if (!state.m_replacer_function.is_undefined()) {
        wrapper = TRY(new_object(ctx));
        TRY(create_data_property_or_throw(ctx, wrapper.as_object(), atoms::empty_string, value)); // only OOM
    }
    // 11-12. Return ? SerializeJSONProperty(state, the empty String, wrapper).
    Value v = value;
    bool has_output = TRY(state.prepare(v, wrapper.is_object() ? wrapper.as_object() : nullptr, JsonKey{}));
    if (!has_output) return Value::undefined();
    TRY(state.write_value(v));
    return state.finish();
}

Value json_stringify_native(Context& ctx, const CallArgs& args) {
    return json_stringify(ctx, args.arg(0), args.arg(1), args.arg(2));
}

} // namespace qjs
