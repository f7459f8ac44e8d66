// JSONParse.cpp: JSON.parse (ECMA-262 25.5.1, #sec-json.parse).
//
// The text is parsed straight into values (the spec's "parse as a JSON text, then evaluate as an
// ECMAScript expression" gives the same result: objects via CreateDataProperty, "__proto__" an
// ordinary key, the last duplicate key winning). The parser is templated on the string's code
// unit type so that Latin-1 text is never widened.
#include "base/NumberConversion.h"
#include "builtins/JSON.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Object.h"
#include "runtime/String.h"

namespace qjs {

namespace {

template <typename CharT> class JsonParser {
  public:
    JsonParser(Context& ctx, const CharT* chars, uint32_t length)
        : m_ctx(ctx), m_begin(chars), m_pos(chars), m_end(chars + length) {}

    // JSON text: ws value ws, nothing after.
    Value parse_text() {
        skip_whitespace();
        Value v = TRY(parse_value());
        skip_whitespace();
        if (m_pos != m_end) return syntax_error();
        return v;
    }

  private:
    static bool is_ws(CharT c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool is_digit(CharT c) { return c >= '0' && c <= '9'; }

    void skip_whitespace() {
        while (m_pos < m_end && is_ws(*m_pos))
            ++m_pos;
    }

    Exception syntax_error() {
        if (m_pos >= m_end) return m_ctx.throw_syntax_error("JSON.parse: unexpected end of input");
        uint32_t c = *m_pos;
        size_t at = static_cast<size_t>(m_pos - m_begin);
        if (c >= 0x20 && c < 0x7f)
            return m_ctx.throw_syntax_error("JSON.parse: unexpected character '%c' at position %zu",
                                            static_cast<char>(c), at);
        return m_ctx.throw_syntax_error("JSON.parse: unexpected character U+%04X at position %zu", c, at);
    }

    bool consume_literal(const char* word) {
        const CharT* p = m_pos;
        for (; *word; ++word, ++p) {
            if (p >= m_end || *p != static_cast<CharT>(*word)) return false;
        }
        m_pos = p;
        return true;
    }

    Value parse_value() {
        if (m_pos >= m_end) return syntax_error();
        switch (*m_pos) {
        case '{': return parse_object();
        case '[': return parse_array();
        case '"': {
            String* s = TRY(parse_string());
            return Value::adopt(Tag::String, s);
        }
        case 't':
            if (consume_literal("true")) return Value::boolean(true);
            return syntax_error();
        case 'f':
            if (consume_literal("false")) return Value::boolean(false);
            return syntax_error();
        case 'n':
            if (consume_literal("null")) return Value::null();
            return syntax_error();
        default:
            if (*m_pos == '-' || is_digit(*m_pos)) return parse_number();
            return syntax_error();
        }
    }

    // JSONNumber: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    Value parse_number() {
        const CharT* start = m_pos;
        bool negative = false;
        if (*m_pos == '-') {
            negative = true;
            ++m_pos;
        }
        if (m_pos >= m_end || !is_digit(*m_pos)) return syntax_error();
        if (*m_pos == '0') {
            ++m_pos;
        } else {
            while (m_pos < m_end && is_digit(*m_pos))
                ++m_pos;
        }
        const CharT* int_end = m_pos;
        bool is_integer = true;
        if (m_pos < m_end && *m_pos == '.') {
            is_integer = false;
            ++m_pos;
            if (m_pos >= m_end || !is_digit(*m_pos)) return syntax_error();
            while (m_pos < m_end && is_digit(*m_pos))
                ++m_pos;
        }
        if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
            is_integer = false;
            ++m_pos;
            if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-')) ++m_pos;
            if (m_pos >= m_end || !is_digit(*m_pos)) return syntax_error();
            while (m_pos < m_end && is_digit(*m_pos))
                ++m_pos;
        }
        // Fast path: up to 9 integer digits fit an int32 exactly.
        const CharT* digits = start + (negative ? 1 : 0);
        if (is_integer && int_end - digits <= 9) {
            int32_t n = 0;
            for (const CharT* p = digits; p < int_end; ++p)
                n = n * 10 + (*p - '0');
            if (negative) return n == 0 ? Value::float64(-0.0) : Value::int32(-n);
            return Value::int32(n);
        }
        // The literal is validated, so the correctly rounded decimal conversion applies as is.
        size_t length = static_cast<size_t>(m_pos - start);
        char small[64];
        Vector<char> big;
        char* buf = small;
        if (length > sizeof small) {
            big.resize(length);
            buf = big.data();
        }
        for (size_t i = 0; i < length; i++)
            buf[i] = static_cast<char>(start[i]);
        double magnitude = parse_decimal_literal(buf + (negative ? 1 : 0), length - (negative ? 1 : 0));
        return Value::number(negative ? -magnitude : magnitude);
    }

    static int hex_value(CharT c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // JSONString at m_pos (the opening quote); returns a new reference.
    Result<String*> parse_string() {
        Runtime& rt = m_ctx.rt();
        ++m_pos; // opening quote
        const CharT* start = m_pos;
        // Fast path: no escapes, so the string is a copy of the source range.
        while (m_pos < m_end && *m_pos != '"' && *m_pos != '\\' && *m_pos >= 0x20)
            ++m_pos;
        if (m_pos < m_end && *m_pos == '"') {
            size_t length = static_cast<size_t>(m_pos - start);
            ++m_pos;
            String* s;
            if constexpr (sizeof(CharT) == 1)
                s = String::create_latin1(rt, start, length);
            else
                s = String::create_utf16(rt, start, length);
            if (!s) return m_ctx.throw_out_of_memory();
            return s;
        }
        // Slow path: escapes (or an error).
        StringBuilder sb(rt);
        if (!append_range(sb, start, m_pos)) return m_ctx.throw_out_of_memory();
        for (;;) {
            if (m_pos >= m_end) return syntax_error();
            CharT c = *m_pos;
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20) return syntax_error();
            if (c != '\\') {
                const CharT* run = m_pos;
                while (m_pos < m_end && *m_pos != '"' && *m_pos != '\\' && *m_pos >= 0x20)
                    ++m_pos;
                if (!append_range(sb, run, m_pos)) return m_ctx.throw_out_of_memory();
                continue;
            }
            ++m_pos;
            if (m_pos >= m_end) return syntax_error();
            char16_t unit;
            switch (*m_pos) {
            case '"': unit = u'"'; break;
            case '\\': unit = u'\\'; break;
            case '/': unit = u'/'; break;
            case 'b': unit = u'\b'; break;
            case 'f': unit = u'\f'; break;
            case 'n': unit = u'\n'; break;
            case 'r': unit = u'\r'; break;
            case 't': unit = u'\t'; break;
            case 'u': {
                uint32_t v = 0;
                for (int i = 1; i <= 4; i++) {
                    if (m_pos + i >= m_end) {
                        m_pos = m_end;
                        return syntax_error();
                    }
                    int h = hex_value(m_pos[i]);
                    if (h < 0) {
                        m_pos += i;
                        return syntax_error();
                    }
                    v = v * 16 + static_cast<uint32_t>(h);
                }
                m_pos += 4;
                unit = static_cast<char16_t>(v);
                break;
            }
            default: return syntax_error();
            }
            ++m_pos;
            if (!sb.append(unit)) return m_ctx.throw_out_of_memory();
        }
        String* s = sb.finish();
        if (!s) return m_ctx.throw_out_of_memory();
        return s;
    }

    static bool append_range(StringBuilder& sb, const CharT* from, const CharT* to) {
        if (from == to) return true;
        if constexpr (sizeof(CharT) == 1)
            return sb.append_latin1(from, static_cast<size_t>(to - from));
        else
            return sb.append_utf16(from, static_cast<size_t>(to - from));
    }

    Value parse_object() {
        if (m_ctx.check_stack_overflow()) return Exception{};
        ++m_pos; // '{'
        Value object = TRY(new_object(m_ctx));
        Object* o = object.as_object();
        skip_whitespace();
        if (m_pos < m_end && *m_pos == '}') {
            ++m_pos;
            return object;
        }
        for (;;) {
            if (m_pos >= m_end || *m_pos != '"') return syntax_error();
            String* key_string = TRY(parse_string());
            Atom key = m_ctx.rt().intern_key(key_string);
            key_string->unref();
            if (!key) return m_ctx.throw_out_of_memory();
            skip_whitespace();
            if (m_pos >= m_end || *m_pos != ':') return syntax_error();
            ++m_pos;
            skip_whitespace();
            Value v = TRY(parse_value());
            // Fast path of CreateDataProperty: `o` is a fresh ordinary extensible object whose
            // properties are all default data properties, so defining is storing.
            TRY(put_own_data(m_ctx, o, key, std::move(v)));
            skip_whitespace();
            if (m_pos >= m_end) return syntax_error();
            if (*m_pos == ',') {
                ++m_pos;
                skip_whitespace();
                continue;
            }
            if (*m_pos == '}') {
                ++m_pos;
                return object;
            }
            return syntax_error();
        }
    }

    Value parse_array() {
        if (m_ctx.check_stack_overflow()) return Exception{};
        ++m_pos; // '['
        Value array = TRY(new_array(m_ctx));
        skip_whitespace();
        if (m_pos < m_end && *m_pos == ']') {
            ++m_pos;
            return array;
        }
        for (;;) {
            Value v = TRY(parse_value());
            if (!array_push_fast(m_ctx, array.as_object(), std::move(v))) return m_ctx.throw_out_of_memory();
            skip_whitespace();
            if (m_pos >= m_end) return syntax_error();
            if (*m_pos == ',') {
                ++m_pos;
                skip_whitespace();
                continue;
            }
            if (*m_pos == ']') {
                ++m_pos;
                return array;
            }
            return syntax_error();
        }
    }

    Context& m_ctx;
    const CharT* m_begin;
    const CharT* m_pos;
    const CharT* m_end;
};

// 25.5.1.1 InternalizeJSONProperty ( holder, name, reviver ) (#sec-internalizejsonproperty)
Value internalize_json_property(Context& ctx, Object* holder, Atom name, const Value& reviver) {
    if (ctx.check_stack_overflow()) return Exception{};
    // 1. Let val be ? Get(holder, name).
    Value val = TRY(get(ctx, holder, name));
    // 2. If val is an Object, then
    if (val.is_object()) {
        Object* o = val.as_object();
        // a. Let isArray be ? IsArray(val).
        bool val_is_array = TRY(is_array(ctx, val));
        if (val_is_array) {
            // b.i. Let len be ? LengthOfArrayLike(val).
            uint64_t len = TRY(length_of_array_like(ctx, o));
            // b.ii-iii. For each I from 0 to len - 1:
            for (uint64_t i = 0; i < len; i++) {
                // 1. Let prop be ! ToString(𝔽(I)).
                Atom prop = index_to_atom(ctx, i);
                if (!prop) return Exception{};
                // 2. Let newElement be ? InternalizeJSONProperty(val, prop, reviver).
                Value element = TRY(internalize_json_property(ctx, o, prop, reviver));
                // 3. If newElement is undefined, perform ? val.[[Delete]](prop).
                if (element.is_undefined()) {
                    TRY(delete_property(ctx, o, prop));
                } else {
                    // 4. Else, perform ? CreateDataProperty(val, prop, newElement).
                    TRY(create_data_property(ctx, o, prop, element));
                }
            }
        } else {
            // c.i. Let keys be ? EnumerableOwnProperties(val, key).
            Vector<Atom> all_keys = TRY(own_property_keys(ctx, o));
            Vector<Atom> keys;
            for (Atom key : all_keys) {
                if (ctx.rt().atom_is_symbol(key)) continue;
                PropertyDescriptor desc;
                bool exists = TRY(get_own_property(ctx, o, key, &desc));
                if (exists && desc.enumerable()) keys.push_back(key);
            }
            // c.ii. For each String P of keys, do
            for (Atom key : keys) {
                // 1. Let newElement be ? InternalizeJSONProperty(val, P, reviver).
                Value element = TRY(internalize_json_property(ctx, o, key, reviver));
                // 2. If newElement is undefined, perform ? val.[[Delete]](P).
                if (element.is_undefined()) {
                    TRY(delete_property(ctx, o, key));
                } else {
                    // 3. Else, perform ? CreateDataProperty(val, P, newElement).
                    TRY(create_data_property(ctx, o, key, element));
                }
            }
        }
    }
    // 3. Return ? Call(reviver, holder, « name, val »).
    Value name_value = TRY(ctx.rt().atom_to_value(name));
    Value call_args[2] = {std::move(name_value), std::move(val)};
    return call(ctx, reviver, Value::object(holder), call_args);
}

} // namespace

Value json_parse(Context& ctx, String* text) {
    if (text->is_wide()) return JsonParser<char16_t>(ctx, text->utf16(), text->length()).parse_text();
    return JsonParser<uint8_t>(ctx, text->latin1(), text->length()).parse_text();
}

// 25.5.1 JSON.parse ( text [ , reviver ] ) (#sec-json.parse)
Value json_parse_native(Context& ctx, const CallArgs& args) {
    const Value& reviver = args.arg(1);
    // 1. Let jsonString be ? ToString(text).
    Value json_string = TRY(to_string(ctx, args.arg(0)));
    // 2-8. Parse jsonString as a JSON text and evaluate it (SyntaxError if it is not valid).
    Value unfiltered = TRY(json_parse(ctx, json_string.as_string()));
    // 9. If IsCallable(reviver) is true, then
    if (is_callable(reviver)) {
        // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
        Value root = TRY(new_object(ctx));
        // b. Let rootName be the empty String.
        // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
        TRY(create_data_property_or_throw(ctx, root.as_object(), atoms::empty_string,
                                          unfiltered)); // only OOM
        // d. Return ? InternalizeJSONProperty(root, rootName, reviver).
        return internalize_json_property(ctx, root.as_object(), atoms::empty_string, reviver);
    }
    // 10. Else, return unfiltered.
    return unfiltered;
}

} // namespace qjs
