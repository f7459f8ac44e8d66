// ApiValueImage.cpp: JS_WriteObject/JS_ReadObject for values ("binary JSON"): primitives, arrays
// (with holes), plain objects (own enumerable string keys), ArrayBuffers, typed arrays and Dates;
// with JS_WRITE_OBJ_REFERENCE, shared objects and cycles as back references. The format
// (docs/API.md, "Binary objects"):
//
//   header  "QJSV" | u16 version (1) | u16 flags (bit 0: references) | u32 payload length | u32 CRC-32
//   value   u8 tag, then: int32 svar | float64 u64 | string (var length << 1 | wide, latin-1 bytes or
//           UTF-16LE units) | BigInt (its decimal string) | array (var length, values or holes) |
//           object (var count, then string key and value each) | ArrayBuffer (var length, bytes) |
//           typed array (u8 JSTypedArrayEnum, var byte offset, var length, then the buffer value) |
//           Date (float64) | reference (var index of an object written before, in order of writing) |
//           SharedArrayBuffer (var length, u64 address of the shared block; JS_WRITE_OBJ_SAB only)
//
// Reading validates every field (bounds, tags, indexes, typed array ranges, nesting depth): bad bytes
// give a SyntaxError, never a crash.
#include "api/ApiInternal.h"

#include "runtime/ArrayBufferObject.h"
#include "runtime/String.h"
#include "snapshot/ByteStream.h"
#include "snapshot/StringCodec.h"

#include <cstring>
#include <string>

using namespace qjs;
using namespace qjs::api;

namespace {

constexpr uint8_t k_magic[4] = {'Q', 'J', 'S', 'V'};
constexpr uint16_t k_version = 1;
constexpr uint16_t k_flag_references = 1;
constexpr size_t k_header_size = 4 + 2 + 2 + 4 + 4;
constexpr uint32_t k_max_depth = 1000;

enum Tag : uint8_t {
    Undefined,
    Null,
    False,
    True,
    Int32,
    Float64,
    StringTag,
    BigIntTag,
    ArrayTag,
    ObjectTag,
    ArrayBufferTag,
    TypedArrayTag,
    Hole,
    DateTag,
    Reference,
    SharedArrayBufferTag,
    TagCount,
};

bool is_date(JSContext* c, JSValueConst v) {
    JSValue global = JS_GetGlobalObject(c);
    JSValue date = JS_GetPropertyStr(c, global, "Date");
    int r = JS_IsInstanceOf(c, v, date);
    JS_FreeValue(c, date);
    JS_FreeValue(c, global);
    return r > 0;
}

class ValueWriter {
  public:
    ValueWriter(JSContext* c, bool references, bool sab) : m_c(c), m_references(references), m_sab(sab) {}

    bool value(JSValueConst v, uint32_t depth) {
        if (depth > k_max_depth) return fail_range("object nested too deeply");
        switch (JS_VALUE_GET_TAG(v)) {
        case JS_TAG_UNDEFINED: m_out.u8(Undefined); return true;
        case JS_TAG_NULL: m_out.u8(Null); return true;
        case JS_TAG_BOOL: m_out.u8(JS_VALUE_GET_BOOL(v) ? True : False); return true;
        case JS_TAG_INT:
            m_out.u8(Int32);
            m_out.varint(JS_VALUE_GET_INT(v));
            return true;
        case JS_TAG_FLOAT64:
            m_out.u8(Float64);
            m_out.f64(JS_VALUE_GET_FLOAT64(v));
            return true;
        case JS_TAG_STRING:
            m_out.u8(StringTag);
            string(static_cast<const String*>(JS_VALUE_GET_PTR(v)));
            return true;
        case JS_TAG_BIG_INT: {
            const char* s = JS_ToCString(m_c, v);
            if (!s) return false;
            m_out.u8(BigIntTag);
            m_out.varuint(std::strlen(s));
            m_out.bytes(s, std::strlen(s));
            JS_FreeCString(m_c, s);
            return true;
        }
        case JS_TAG_OBJECT: return object(v, depth);
        default: return fail_type("unsupported value type");
        }
    }

    ByteWriter& out() { return m_out; }
    // The shared blocks written (JS_WRITE_OBJ_SAB), in order.
    const Vector<uint8_t*>& shared_blocks() const { return m_blocks; }

  private:
    bool fail_type(const char* why) {
        JS_ThrowTypeError(m_c, "JS_WriteObject: %s", why);
        return false;
    }
    bool fail_range(const char* why) {
        JS_ThrowRangeError(m_c, "JS_WriteObject: %s", why);
        return false;
    }

    void string(const String* s) { write_string(m_out, s); }

    bool object(JSValueConst v, uint32_t depth) {
        void* p = JS_VALUE_GET_PTR(v);
        for (size_t i = 0; i < m_written.size(); ++i) {
            if (m_written[i] != p) continue;
            if (!m_references) break; // a repeated object without references: written again, unless a cycle
            m_out.u8(Reference);
            m_out.varuint(i);
            return true;
        }
        for (void* s : m_stack)
            if (s == p && !m_references) return fail_type("circular reference (use JS_WRITE_OBJ_REFERENCE)");
        m_written.push_back(p);
        m_stack.push_back(p);
        bool ok = object_body(v, depth);
        m_stack.pop_back();
        return ok;
    }

    bool object_body(JSValueConst v, uint32_t depth) {
        int ta = JS_GetTypedArrayType(v);
        if (ta >= 0) {
            size_t offset = 0, length = 0, per = 1;
            JSValue buffer = JS_GetTypedArrayBuffer(m_c, v, &offset, &length, &per);
            if (JS_IsException(buffer)) return false;
            m_out.u8(TypedArrayTag);
            m_out.u8(static_cast<uint8_t>(ta));
            m_out.varuint(offset);
            m_out.varuint(length / per);
            bool ok = value(buffer, depth + 1);
            JS_FreeValue(m_c, buffer);
            return ok;
        }
        size_t size;
        Object* o = object_of(v);
        if (o && m_sab && o->class_id() == ClassId::SharedArrayBuffer) {
            uint8_t* block = share_array_buffer_block(m_c, v, &size);
            if (!block) return false;
            m_out.u8(SharedArrayBufferTag);
            m_out.varuint(size);
            m_out.u64(reinterpret_cast<uintptr_t>(block));
            m_blocks.push_back(block);
            return true;
        }
        if (o && is_array_buffer_like(v)) {
            uint8_t* data = JS_GetArrayBuffer(m_c, &size, v);
            if (!data) return false;
            m_out.u8(ArrayBufferTag);
            m_out.varuint(size);
            m_out.bytes(data, size);
            return true;
        }
        if (JS_IsFunction(m_c, v)) return fail_type("functions cannot be written as values");
        // Plain objects, arrays, arguments and Dates below; other classes (Map, Set, RegExp, Error,
        // Promise, Proxy, boxed primitives, host objects, ...) would lose their contents: refused, as
        // QuickJS refuses them.
        if (o) {
            switch (o->class_id()) {
            case ClassId::Object:
            case ClassId::Array:
            case ClassId::Arguments:
            case ClassId::MappedArguments:
            case ClassId::Date: break;
            default: return fail_type("unsupported object class");
            }
        }
        if (is_date(m_c, v)) {
            JSAtom get_time = JS_NewAtom(m_c, "getTime");
            JSValue t = JS_Invoke(m_c, v, get_time, 0, nullptr);
            JS_FreeAtom(m_c, get_time);
            double d;
            bool ok = !JS_IsException(t) && JS_ToFloat64(m_c, &d, t) == 0;
            JS_FreeValue(m_c, t);
            if (!ok) return false;
            m_out.u8(DateTag);
            m_out.f64(d);
            return true;
        }
        int array = JS_IsArray(m_c, v);
        if (array < 0) return false;
        if (array) {
            JSValue len_val = JS_GetPropertyStr(m_c, v, "length");
            uint32_t len;
            bool ok = !JS_IsException(len_val) && JS_ToUint32(m_c, &len, len_val) == 0;
            JS_FreeValue(m_c, len_val);
            if (!ok) return false;
            m_out.u8(ArrayTag);
            m_out.varuint(len);
            for (uint32_t i = 0; i < len; ++i) {
                JSAtom a = JS_NewAtomUInt32(m_c, i);
                int has = JS_HasProperty(m_c, v, a);
                JS_FreeAtom(m_c, a);
                if (has < 0) return false;
                if (!has) {
                    m_out.u8(Hole);
                    continue;
                }
                JSValue e = JS_GetPropertyUint32(m_c, v, i);
                if (JS_IsException(e)) return false;
                ok = value(e, depth + 1);
                JS_FreeValue(m_c, e);
                if (!ok) return false;
            }
            return true;
        }
        JSPropertyEnum* props;
        uint32_t n;
        if (JS_GetOwnPropertyNames(m_c, &props, &n, v, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0)
            return false;
        m_out.u8(ObjectTag);
        m_out.varuint(n);
        bool ok = true;
        for (uint32_t i = 0; ok && i < n; ++i) {
            JSValue key = JS_AtomToString(m_c, props[i].atom);
            JSValue e = JS_GetProperty(m_c, v, props[i].atom);
            ok = !JS_IsException(key) && !JS_IsException(e);
            if (ok) {
                string(static_cast<const String*>(JS_VALUE_GET_PTR(key)));
                ok = value(e, depth + 1);
            }
            JS_FreeValue(m_c, key);
            JS_FreeValue(m_c, e);
        }
        JS_FreePropertyEnum(m_c, props, n);
        return ok;
    }

    bool is_array_buffer_like(JSValueConst v) {
        size_t size;
        uint8_t* data = JS_GetArrayBuffer(m_c, &size, v);
        if (data) return true;
        JS_FreeValue(m_c, JS_GetException(m_c)); // not an ArrayBuffer (or detached: written as an object)
        return false;
    }

    JSContext* m_c;
    bool m_references;
    bool m_sab;
    ByteWriter m_out;
    Vector<uint8_t*> m_blocks;
    Vector<void*> m_written; // objects in order of writing (reference indexes)
    Vector<void*> m_stack;   // objects being written (cycle detection)
};

class ValueReader {
  public:
    ValueReader(JSContext* c, const uint8_t* data, size_t length, bool references, bool sab)
        : m_c(c), m_in(data, length), m_references(references), m_sab(sab) {}

    ~ValueReader() {
        for (JSValue v : m_objects)
            JS_FreeValue(m_c, v);
    }

    // The value, or JS_EXCEPTION (a decoding error leaves m_in failed, a JS error is pending).
    JSValue value(uint32_t depth) {
        if (depth > k_max_depth) return fail("nested too deeply");
        uint8_t tag;
        if (!m_in.u8(&tag)) return JS_EXCEPTION;
        switch (tag) {
        case Undefined: return JS_UNDEFINED;
        case Null: return JS_NULL;
        case False: return JS_FALSE;
        case True: return JS_TRUE;
        case Int32: {
            int64_t v;
            if (!m_in.varint(&v)) return JS_EXCEPTION;
            if (v < INT32_MIN || v > INT32_MAX) return fail("int32 out of range");
            return JS_NewInt32(m_c, static_cast<int32_t>(v));
        }
        case Float64: {
            double d;
            if (!m_in.f64(&d)) return JS_EXCEPTION;
            return JS_NewFloat64(m_c, d);
        }
        case StringTag: return string();
        case BigIntTag: return bigint();
        case ArrayTag: return array(depth);
        case ObjectTag: return object(depth);
        case ArrayBufferTag: return array_buffer();
        case SharedArrayBufferTag: return shared_array_buffer();
        case TypedArrayTag: return typed_array(depth);
        case DateTag: {
            double d;
            if (!m_in.f64(&d)) return JS_EXCEPTION;
            return remember(JS_NewDate(m_c, d));
        }
        case Reference: {
            uint32_t index;
            if (!m_references) return fail("reference without JS_READ_OBJ_REFERENCE");
            if (!m_in.varuint32(&index)) return JS_EXCEPTION;
            if (index >= m_objects.size()) return fail("reference index out of range");
            return JS_DupValue(m_c, m_objects[index]);
        }
        default: return fail("unknown tag");
        }
    }

    ByteReader& in() { return m_in; }

  private:
    JSValue fail(const char* why) {
        m_in.fail(why);
        return JS_EXCEPTION;
    }

    // Objects get their reference index when created, before their contents are read.
    JSValue remember(JSValue v) {
        if (!JS_IsException(v)) m_objects.push_back(JS_DupValue(m_c, v));
        return v;
    }

    bool count(uint32_t* n) {
        if (!m_in.varuint32(n)) return false;
        if (*n > m_in.remaining()) return m_in.fail("count larger than the data");
        return true;
    }

    JSValue string() {
        bool oom;
        String* s = read_string(m_in, m_c->ctx->rt(), &oom);
        if (oom) return JS_ThrowOutOfMemory(m_c);
        if (!s) return JS_EXCEPTION;
        return give(Value::adopt(qjs::Tag::String, s));
    }

    JSValue bigint() {
        uint32_t n;
        const uint8_t* bytes;
        if (!count(&n) || !m_in.bytes(&bytes, n)) return JS_EXCEPTION;
        for (uint32_t i = 0; i < n; ++i)
            if (!((bytes[i] >= '0' && bytes[i] <= '9') || (i == 0 && bytes[i] == '-')))
                return fail("bad BigInt");
        if (n == 0 || (n == 1 && bytes[0] == '-')) return fail("bad BigInt");
        std::string src(reinterpret_cast<const char*>(bytes), n);
        src += "n";
        return JS_Eval(m_c, src.data(), src.size(), "<bigint>", JS_EVAL_TYPE_GLOBAL);
    }

    JSValue array(uint32_t depth) {
        uint32_t n;
        if (!count(&n)) return JS_EXCEPTION;
        JSValue a = remember(JS_NewArray(m_c));
        if (JS_IsException(a)) return a;
        if (JS_SetPropertyStr(m_c, a, "length", JS_NewUint32(m_c, n)) < 0) {
            JS_FreeValue(m_c, a);
            return JS_EXCEPTION;
        }
        for (uint32_t i = 0; i < n; ++i) {
            const uint8_t* next = peek_byte();
            if (next && *next == Hole) {
                uint8_t skip;
                m_in.u8(&skip);
                continue;
            }
            JSValue e = value(depth + 1);
            if (JS_IsException(e) || JS_SetPropertyUint32(m_c, a, i, e) < 0) {
                JS_FreeValue(m_c, a);
                return JS_EXCEPTION;
            }
        }
        return a;
    }

    const uint8_t* peek_byte() {
        const uint8_t* p = nullptr;
        ByteReader copy = m_in;
        copy.bytes(&p, 1);
        return p;
    }

    JSValue object(uint32_t depth) {
        uint32_t n;
        if (!count(&n)) return JS_EXCEPTION;
        JSValue o = remember(JS_NewObject(m_c));
        if (JS_IsException(o)) return o;
        for (uint32_t i = 0; i < n; ++i) {
            JSValue key = string();
            if (JS_IsException(key)) {
                JS_FreeValue(m_c, o);
                return key;
            }
            JSAtom a = JS_ValueToAtom(m_c, key);
            JS_FreeValue(m_c, key);
            JSValue e = a == JS_ATOM_NULL ? JS_EXCEPTION : value(depth + 1);
            int r = JS_IsException(e) ? -1 : JS_DefinePropertyValue(m_c, o, a, e, JS_PROP_C_W_E);
            if (a != JS_ATOM_NULL) JS_FreeAtom(m_c, a);
            if (r < 0) {
                JS_FreeValue(m_c, o);
                return JS_EXCEPTION;
            }
        }
        return o;
    }

    JSValue array_buffer() {
        uint32_t n;
        const uint8_t* bytes;
        if (!count(&n) || !m_in.bytes(&bytes, n)) return JS_EXCEPTION;
        return remember(JS_NewArrayBufferCopy(m_c, bytes, n));
    }

    JSValue shared_array_buffer() {
        uint64_t len, address;
        if (!m_sab) return fail("SharedArrayBuffer without JS_READ_OBJ_SAB");
        if (!m_in.varuint(&len) || !m_in.u64(&address)) return JS_EXCEPTION;
        if (!address || len > kMaxArrayBufferByteLength || address > UINTPTR_MAX)
            return fail("bad SharedArrayBuffer");
        auto* block = reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(address));
        return remember(new_shared_array_buffer_on(m_c, block, static_cast<size_t>(len)));
    }

    JSValue typed_array(uint32_t depth) {
        uint8_t type;
        uint32_t offset, length;
        if (!m_in.u8(&type) || !m_in.varuint32(&offset) || !m_in.varuint32(&length)) return JS_EXCEPTION;
        if (type > JS_TYPED_ARRAY_FLOAT64) return fail("unknown typed array type");
        JSValue buffer = value(depth + 1);
        if (JS_IsException(buffer)) return buffer;
        size_t size;
        if (!JS_GetArrayBuffer(m_c, &size, buffer)) {
            JS_FreeValue(m_c, buffer);
            JS_FreeValue(m_c, JS_GetException(m_c));
            return fail("typed array without a buffer");
        }
        JSValue args[3] = {buffer, JS_NewUint32(m_c, offset), JS_NewUint32(m_c, length)};
        JSValue ta = JS_NewTypedArray(m_c, 3, args, static_cast<JSTypedArrayEnum>(type));
        JS_FreeValue(m_c, buffer);
        return remember(ta); // a RangeError for an offset or length outside the buffer
    }

    JSContext* m_c;
    ByteReader m_in;
    bool m_references;
    bool m_sab;
    Vector<JSValue> m_objects;
};

} // namespace

namespace qjs::api {

bool is_value_image(const uint8_t* buf, size_t len) {
    return len >= 4 && std::memcmp(buf, k_magic, 4) == 0;
}

uint8_t* write_value_image(JSContext* c, size_t* psize, JSValueConst obj, int flags, uint8_t*** psab_tab,
                           size_t* psab_tab_len) {
    ValueWriter writer(c, (flags & JS_WRITE_OBJ_REFERENCE) != 0, (flags & JS_WRITE_OBJ_SAB) != 0);
    if (!writer.value(obj, 0)) return nullptr;
    const Vector<uint8_t*>& blocks = writer.shared_blocks();
    if (psab_tab && !blocks.empty()) {
        auto* tab = static_cast<uint8_t**>(js_malloc(c, blocks.size() * sizeof(uint8_t*)));
        if (!tab) return nullptr;
        std::memcpy(tab, blocks.data(), blocks.size() * sizeof(uint8_t*));
        *psab_tab = tab;
        if (psab_tab_len) *psab_tab_len = blocks.size();
    }
    ByteWriter& body = writer.out();
    ByteWriter out;
    out.bytes(k_magic, sizeof k_magic);
    out.u16(k_version);
    out.u16((flags & JS_WRITE_OBJ_REFERENCE) ? k_flag_references : 0);
    out.u32(static_cast<uint32_t>(body.size()));
    out.u32(crc32(body.data().data(), body.size()));
    out.bytes(body.data().data(), body.size());
    bool dropped = body.failed() || out.failed(); // a buffer could not grow (ByteWriter)
    auto* buf = dropped ? nullptr : static_cast<uint8_t*>(js_malloc(c, out.size()));
    if (!buf) {
        if (dropped) JS_ThrowOutOfMemory(c);
        if (psab_tab && *psab_tab) {
            js_free(c, *psab_tab);
            *psab_tab = nullptr;
            if (psab_tab_len) *psab_tab_len = 0;
        }
        return nullptr;
    }
    std::memcpy(buf, out.data().data(), out.size());
    *psize = out.size();
    return buf;
}

JSValue read_value_image(JSContext* c, const uint8_t* buf, size_t len, int flags) {
    auto invalid = [c](const char* why) { return JS_ThrowSyntaxError(c, "invalid binary object: %s", why); };
    if (len < k_header_size) return invalid("truncated header");
    ByteReader header(buf + 4, k_header_size - 4);
    uint16_t version, hflags;
    uint32_t payload, crc;
    if (!header.u16(&version) || !header.u16(&hflags) || !header.u32(&payload) || !header.u32(&crc))
        return invalid("truncated header");
    if (version != k_version) return invalid("unsupported format version");
    if (hflags & ~k_flag_references) return invalid("reserved header bits set");
    if (payload != len - k_header_size) return invalid("length does not match");
    if (crc32(buf + k_header_size, payload) != crc) return invalid("checksum mismatch");
    ValueReader reader(c, buf + k_header_size, payload, (flags & JS_READ_OBJ_REFERENCE) != 0,
                       (flags & JS_READ_OBJ_SAB) != 0);
    JSValue v = reader.value(0);
    if (!JS_IsException(v) && reader.in().remaining() != 0) {
        JS_FreeValue(c, v);
        v = JS_EXCEPTION;
        reader.in().fail("trailing bytes");
    }
    if (JS_IsException(v) && reader.in().failed() && !JS_HasException(c)) return invalid(reader.in().error());
    return v;
}

} // namespace qjs::api
