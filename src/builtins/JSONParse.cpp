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

#include <algorithm>

namespace qjs {

namespace {

// A JSON Parse Record (json-parse-with-source proposal, #sec-json-parse-record): the value a JSON
// text node produced and its source range. Records are kept in pre-order: a node's children (array
// elements or object entries) follow it, and `next` is the index just past its subtree.
struct JsonParseRecord {
    Value value;
    Atom key = atoms::empty_string; // the entry's key when the parent is an object
    uint32_t begin = 0;             // source text range in code units
    uint32_t end = 0;
    uint32_t next = 0;
};

template <typename CharT> class JsonParser {
  public:
    JsonParser(Context& ctx, const CharT* chars, uint32_t length, Vector<JsonParseRecord>* records = nullptr)
        : m_ctx(ctx), m_begin(chars), m_pos(chars), m_end(chars + length), m_records(records) {}

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

    // Parses a value, recording it (and, through the recursion, its children) when asked to.
    Value parse_value() {
        if (!m_records) return parse_node();
        size_t index = m_records->size();
        m_records->emplace_back();
        (*m_records)[index].begin = offset();
        Value v = TRY(parse_node());
        JsonParseRecord& record = (*m_records)[index];
        record.value = v;
        record.end = offset();
        record.next = static_cast<uint32_t>(m_records->size());
        return v;
    }

    uint32_t offset() const { return static_cast<uint32_t>(m_pos - m_begin); }

    Value parse_node() {
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
            size_t record_index = m_records ? m_records->size() : 0;
            Value v = TRY(parse_value());
            if (m_records) (*m_records)[record_index].key = key;
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
    Vector<JsonParseRecord>* m_records;
};

// The parse records of one JSON.parse call with a reviver, and the text they index.
struct JsonSource {
    const Vector<JsonParseRecord>& records;
    const String* text;
};

constexpr uint32_t kNoRecord = UINT32_MAX;

// The record of the entry keyed `key` among the children of records[parent] (the last one for a
// duplicated key, the one whose value the object kept), or kNoRecord.
uint32_t find_entry_record(const Vector<JsonParseRecord>& records, uint32_t parent, Atom key,
                           Vector<std::pair<Atom, uint32_t>>& sorted) {
    if (sorted.empty()) {
        for (uint32_t child = parent + 1; child < records[parent].next; child = records[child].next)
            sorted.emplace_back(records[child].key, child);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    auto it = std::upper_bound(sorted.begin(), sorted.end(), key,
                               [](Atom k, const auto& entry) { return k < entry.first; });
    if (it == sorted.begin() || (it - 1)->first != key) return kNoRecord;
    return (it - 1)->second;
}

// 25.5.1.1 InternalizeJSONProperty ( holder, name, reviver, parseRecord ) (#sec-internalizejsonproperty,
// as amended by the json-parse-with-source proposal)
Value internalize_json_property(Context& ctx, Object* holder, Atom name, const Value& reviver,
                                const JsonSource& source, uint32_t record) {
    if (ctx.check_stack_overflow()) return Exception{};
    const Vector<JsonParseRecord>& records = source.records;
    // 1. Let val be ? Get(holder, name).
    Value val = TRY(get(ctx, holder, name));
    // 2. Let context be OrdinaryObjectCreate(%Object.prototype%).
    Value context = TRY(new_object(ctx));
    // 3. If parseRecord is a JSON Parse Record and SameValue(parseRecord.[[Value]], val) is true, then
    //    (b-c: its element and entry records are its children); 4. else they are empty.
    bool has_record = record != kNoRecord && same_value(records[record].value, val);
    if (has_record && !val.is_object()) {
        // 3.a.i. CreateDataPropertyOrThrow(context, "source", the parse node's source text).
        String* text = String::substring(ctx.rt(), source.text, records[record].begin, records[record].end);
        if (!text) return ctx.throw_out_of_memory();
        Atom source_atom = ctx.rt().intern_ascii("source");
        if (!source_atom) return ctx.throw_out_of_memory();
        TRY(create_data_property_or_throw(ctx, context.as_object(), source_atom,
                                          Value::adopt(Tag::String, text)));
    }
    // 5. If val is an Object, then
    if (val.is_object()) {
        Object* o = val.as_object();
        // a. Let isArray be ? IsArray(val).
        bool val_is_array = TRY(is_array(ctx, val));
        if (val_is_array) {
            // b.i. Let elementRecordsLen be the number of elements in elementRecords.
            uint32_t child = has_record ? record + 1 : kNoRecord;
            uint32_t children_end = has_record ? records[record].next : 0;
            // b.ii. Let len be ? LengthOfArrayLike(val).
            uint64_t len = TRY(length_of_array_like(ctx, o));
            // b.iii-iv. For each I from 0 to len - 1:
            for (uint64_t i = 0; i < len; i++) {
                // 1. Let prop be ! ToString(𝔽(I)).
                Atom prop = index_to_atom(ctx, i);
                if (!prop) return Exception{};
                // 2. The element record I, if I < elementRecordsLen.
                uint32_t element_record = kNoRecord;
                if (child < children_end) {
                    element_record = child;
                    child = records[child].next;
                }
                // 3. Let newElement be ? InternalizeJSONProperty(val, prop, reviver, elementRecord).
                Value element = TRY(internalize_json_property(ctx, o, prop, reviver, source, element_record));
                // 4. If newElement is undefined, perform ? val.[[Delete]](prop).
                if (element.is_undefined()) {
                    TRY(delete_property(ctx, o, prop));
                } else {
                    // 5. Else, perform ? CreateDataProperty(val, prop, newElement).
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
            Vector<std::pair<Atom, uint32_t>> sorted_entries;
            // c.ii. For each String P of keys, do
            for (Atom key : keys) {
                // 1. Let entryRecord be the element of entryRecords whose [[Key]] is P, or empty.
                uint32_t entry_record =
                    has_record ? find_entry_record(records, record, key, sorted_entries) : kNoRecord;
                // 2. Let newElement be ? InternalizeJSONProperty(val, P, reviver, entryRecord).
                Value element = TRY(internalize_json_property(ctx, o, key, reviver, source, entry_record));
                // 3. If newElement is undefined, perform ? val.[[Delete]](P).
                if (element.is_undefined()) {
                    TRY(delete_property(ctx, o, key));
                } else {
                    // 4. Else, perform ? CreateDataProperty(val, P, newElement).
                    TRY(create_data_property(ctx, o, key, element));
                }
            }
        }
    }
    // 6. Return ? Call(reviver, holder, « name, val, context »).
    Value name_value = TRY(ctx.rt().atom_to_value(name));
    Value call_args[3] = {std::move(name_value), std::move(val), std::move(context)};
    return call(ctx, reviver, Value::object(holder), call_args);
}

Value parse_with_records(Context& ctx, String* text, Vector<JsonParseRecord>& records) {
    if (text->is_wide())
        return JsonParser<char16_t>(ctx, text->utf16(), text->length(), &records).parse_text();
    return JsonParser<uint8_t>(ctx, text->latin1(), text->length(), &records).parse_text();
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
    // 9. If IsCallable(reviver) is false, return unfiltered.
    if (!is_callable(reviver)) return json_parse(ctx, json_string.as_string());
    // 9 (with a reviver). Let snapshot be CreateJSONParseRecord(script, rootName, unfiltered).
    Vector<JsonParseRecord> records;
    Value unfiltered = TRY(parse_with_records(ctx, json_string.as_string(), records));
    // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
    Value root = TRY(new_object(ctx));
    // b. Let rootName be the empty String.
    // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
    TRY(create_data_property_or_throw(ctx, root.as_object(), atoms::empty_string,
                                      unfiltered)); // only OOM
    // d. Return ? InternalizeJSONProperty(root, rootName, reviver, snapshot).
    JsonSource source{records, json_string.as_string()};
    return internalize_json_property(ctx, root.as_object(), atoms::empty_string, reviver, source, 0);
}

// JSON.rawJSON ( text ) (json-parse-with-source proposal, #sec-json.rawjson)
Value json_raw_json_native(Context& ctx, const CallArgs& args) {
    // 1. Let jsonString be ? ToString(text).
    Value json_string = TRY(to_string(ctx, args.arg(0)));
    String* text = json_string.as_string();
    // 2. Throw a SyntaxError if jsonString is empty or starts or ends with tab, LF, CR or space.
    auto is_json_space = [](char16_t c) { return c == '\t' || c == '\n' || c == '\r' || c == ' '; };
    uint32_t length = text->length();
    if (length == 0 || is_json_space(text->at(0)) || is_json_space(text->at(length - 1)))
        return ctx.throw_syntax_error("JSON.rawJSON: empty text or leading/trailing whitespace");
    // 3. Parse jsonString as a JSON text; throw a SyntaxError if it is not valid or if its outermost
    //    value is an object or array.
    char16_t first = text->at(0);
    if (first == '{' || first == '[')
        return ctx.throw_syntax_error("JSON.rawJSON: the text must be a primitive JSON value");
    TRY(json_parse(ctx, text));
    // 4-5. Let obj be OrdinaryObjectCreate(null, « [[IsRawJSON]] »).
    Object* obj = Object::create(ctx, nullptr, ClassId::RawJSON);
    if (!obj) return Exception{};
    Value result = Value::adopt(Tag::Object, obj);
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "rawJSON", jsonString).
    Atom raw_json = ctx.rt().intern_ascii("rawJSON");
    if (!raw_json) return ctx.throw_out_of_memory();
    TRY(create_data_property_or_throw(ctx, obj, raw_json, json_string));
    // 7. Perform ! SetIntegrityLevel(obj, frozen).
    TRY(set_integrity_level(ctx, obj, true));
    // 8. Return obj.
    return result;
}

// JSON.isRawJSON ( O ) (json-parse-with-source proposal, #sec-json.israwjson)
Value json_is_raw_json_native(Context&, const CallArgs& args) {
    // 1. If O is an Object and O has an [[IsRawJSON]] internal slot, return true. 2. Return false.
    const Value& o = args.arg(0);
    return Value::boolean(o.is_object() && o.as_object()->class_id() == ClassId::RawJSON);
}

} // namespace qjs
