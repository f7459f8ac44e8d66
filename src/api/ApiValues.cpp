// ApiValues.cpp: quickjs.h reference counts, primitive constructors, conversions, strings and atoms.
#include "api/ApiInternal.h"

#include "base/Utf.h"
#include "runtime/BigInt.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <cstring>

using namespace qjs;
using namespace qjs::api;

// ---- reference counts ----

void __JS_FreeValueRT(JSRuntime* r, JSValue v) {
    Runtime& rt = enter(r);
    (void)rt;
    auto* cell = static_cast<Cell*>(v.u.ptr);
    cell->m_ref_count = 0;
    destroy_cell(cell);
}
void __JS_FreeValue(JSContext* c, JSValue v) {
    __JS_FreeValueRT(c->rt, v);
}

JS_BOOL JS_StrictEq(JSContext* c, JSValueConst a, JSValueConst b) {
    enter(c);
    return is_strictly_equal(borrow(a), borrow(b));
}
JS_BOOL JS_SameValue(JSContext* c, JSValueConst a, JSValueConst b) {
    enter(c);
    return same_value(borrow(a), borrow(b));
}
JS_BOOL JS_SameValueZero(JSContext* c, JSValueConst a, JSValueConst b) {
    enter(c);
    return same_value_zero(borrow(a), borrow(b));
}

// ---- BigInt ----

JSValue JS_NewBigInt64(JSContext* c, int64_t v) {
    return give(bigint_from_int64(enter(c), v));
}
JSValue JS_NewBigUint64(JSContext* c, uint64_t v) {
    Context& ctx = enter(c);
    if (v <= static_cast<uint64_t>(INT64_MAX)) return give(bigint_from_int64(ctx, static_cast<int64_t>(v)));
    // BigInt.asUintN(64, the same bits read as signed).
    Value s = bigint_from_int64(ctx, static_cast<int64_t>(v));
    if (s.is_exception()) return JS_EXCEPTION;
    return give(bigint_as_int_n(ctx, 64, s, false));
}

// ---- conversions ----

int JS_ToBool(JSContext* c, JSValueConst val) {
    enter(c);
    if (val.tag == JS_TAG_EXCEPTION) return -1;
    return to_boolean(borrow(val)) ? 1 : 0;
}

int JS_ToInt32(JSContext* c, int32_t* pres, JSValueConst val) {
    Result<int32_t> r = to_int32(enter(c), borrow(val));
    if (r.is_exception()) {
        *pres = 0;
        return -1;
    }
    *pres = r.value();
    return 0;
}

// ToNumber then clamps to the int64 range (NaN -> 0), as QuickJS does.
int JS_ToInt64(JSContext* c, int64_t* pres, JSValueConst val) {
    Result<double> r = to_number(enter(c), borrow(val));
    if (r.is_exception()) {
        *pres = 0;
        return -1;
    }
    double d = r.value();
    if (d != d)
        *pres = 0;
    else if (d <= -9223372036854775808.0)
        *pres = INT64_MIN;
    else if (d >= 9223372036854775808.0)
        *pres = INT64_MAX;
    else
        *pres = static_cast<int64_t>(d);
    return 0;
}

int JS_ToInt64Ext(JSContext* c, int64_t* pres, JSValueConst val) {
    if (val.tag == JS_TAG_BIG_INT) {
        *pres = bigint_to_int64(borrow(val));
        return 0;
    }
    return JS_ToInt64(c, pres, val);
}

int JS_ToIndex(JSContext* c, uint64_t* plen, JSValueConst val) {
    Result<uint64_t> r = to_index(enter(c), borrow(val));
    if (r.is_exception()) {
        *plen = 0;
        return -1;
    }
    *plen = r.value();
    return 0;
}

int JS_ToFloat64(JSContext* c, double* pres, JSValueConst val) {
    Result<double> r = to_number(enter(c), borrow(val));
    if (r.is_exception()) {
        *pres = 0;
        return -1;
    }
    *pres = r.value();
    return 0;
}

int JS_ToBigInt64(JSContext* c, int64_t* pres, JSValueConst val) {
    Value b = to_bigint(enter(c), borrow(val));
    if (b.is_exception()) {
        *pres = 0;
        return -1;
    }
    *pres = bigint_to_int64(b);
    return 0;
}

// ---- strings ----

JSValue JS_NewStringLen(JSContext* c, const char* str, size_t len) {
    Context& ctx = enter(c);
    if (len > String::kMaxLength) return give(ctx.throw_range_error("invalid string length"));
    String* s = String::create_utf8(ctx.rt(), str, len);
    if (!s) return give(ctx.throw_out_of_memory());
    return give(Value::adopt(Tag::String, s));
}
JSValue JS_NewString(JSContext* c, const char* str) {
    return JS_NewStringLen(c, str, std::strlen(str));
}
JSValue JS_NewAtomString(JSContext* c, const char* str) {
    Context& ctx = enter(c);
    Atom a = atom_of_cstring(ctx, str, std::strlen(str));
    if (!a) return JS_EXCEPTION;
    return give(ctx.rt().atom_to_value(a));
}
JSValue JS_ToString(JSContext* c, JSValueConst val) {
    return give(to_string(enter(c), borrow(val)));
}
JSValue JS_ToPropertyKey(JSContext* c, JSValueConst val) {
    Context& ctx = enter(c);
    Result<Atom> a = to_property_key(ctx, borrow(val));
    if (a.is_exception()) return JS_EXCEPTION;
    return give(ctx.rt().atom_to_value(a.value()));
}

// UTF-8 of a string into a runtime allocation (NUL-terminated). Paired surrogates become one code
// point; a lone surrogate becomes U+FFFD, or its own 3-byte form with cesu8.
static char* string_to_utf8(Runtime& rt, const String* s, size_t* plen, bool cesu8) {
    size_t size = 0;
    uint32_t n = s->length();
    for (uint32_t i = 0; i < n;) {
        uint32_t units;
        uint32_t cp = s->code_point_at(i, &units);
        i += units;
        size += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    auto* out = static_cast<char*>(rt.alloc(size + 1));
    if (!out) return nullptr;
    size_t pos = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t units;
        uint32_t cp = s->code_point_at(i, &units);
        i += units;
        if (utf::is_surrogate(cp) && !cesu8) cp = 0xfffd;
        if (cp < 0x80) {
            out[pos++] = static_cast<char>(cp);
            continue;
        }
        uint8_t buf[4];
        size_t k;
        if (utf::is_surrogate(cp)) { // CESU-8: the surrogate's own three bytes
            buf[0] = static_cast<uint8_t>(0xe0 | (cp >> 12));
            buf[1] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f));
            buf[2] = static_cast<uint8_t>(0x80 | (cp & 0x3f));
            k = 3;
        } else {
            k = utf::encode_utf8(cp, buf);
        }
        std::memcpy(out + pos, buf, k);
        pos += k;
    }
    out[pos] = '\0';
    if (plen) *plen = pos;
    return out;
}

const char* JS_ToCStringLen2(JSContext* c, size_t* plen, JSValueConst val, JS_BOOL cesu8) {
    Context& ctx = enter(c);
    if (plen) *plen = 0;
    Value s = to_string(ctx, borrow(val));
    if (s.is_exception()) return nullptr;
    char* out = string_to_utf8(ctx.rt(), s.as_string(), plen, cesu8 != 0);
    if (!out) ctx.throw_out_of_memory();
    return out;
}

void JS_FreeCString(JSContext* c, const char* ptr) {
    if (ptr) enter(c).rt().free(const_cast<char*>(ptr));
}

// ---- atoms ----
// Atoms live as long as their runtime (the atom table holds them), so JS_DupAtom and JS_FreeAtom
// have nothing to count.

namespace qjs::api {
Atom atom_of_cstring(Context& ctx, const char* s, size_t len) {
    String* str = String::create_utf8(ctx.rt(), s, len);
    if (!str) {
        ctx.throw_out_of_memory();
        return 0;
    }
    Atom a = ctx.rt().intern(str);
    str->unref();
    if (!a) ctx.throw_out_of_memory();
    return a;
}
} // namespace qjs::api

JSAtom JS_NewAtomLen(JSContext* c, const char* str, size_t len) {
    return atom_of_cstring(enter(c), str, len);
}
JSAtom JS_NewAtom(JSContext* c, const char* str) {
    return JS_NewAtomLen(c, str, std::strlen(str));
}
JSAtom JS_NewAtomUInt32(JSContext* c, uint32_t n) {
    return index_to_atom(enter(c), n);
}
JSAtom JS_DupAtom(JSContext*, JSAtom v) {
    return v;
}
void JS_FreeAtom(JSContext*, JSAtom) {}
void JS_FreeAtomRT(JSRuntime*, JSAtom) {}

JSValue JS_AtomToValue(JSContext* c, JSAtom atom) {
    return give(enter(c).rt().atom_to_value(atom));
}
JSValue JS_AtomToString(JSContext* c, JSAtom atom) {
    return give(enter(c).rt().atom_to_string(atom));
}
const char* JS_AtomToCString(JSContext* c, JSAtom atom) {
    Context& ctx = enter(c);
    Value s = ctx.rt().atom_to_string(atom);
    if (s.is_exception()) return nullptr;
    JSValue v = give(std::move(s));
    const char* out = JS_ToCString(c, v);
    JS_FreeValue(c, v);
    return out;
}
JSAtom JS_ValueToAtom(JSContext* c, JSValueConst val) {
    Context& ctx = enter(c);
    Result<Atom> a = to_property_key(ctx, borrow(val));
    if (a.is_exception()) return JS_ATOM_NULL;
    ctx.rt().pin_atom(a.value()); // the embedder keeps it
    return a.value();
}
