// Value.h: the JavaScript value.
//
// A value is 16 bytes: a 64-bit payload and a tag, as QuickJS does on 64-bit hosts (it fits two
// registers, and an int32 or double needs no allocation). Tags at or above Tag::FirstHeap carry a
// pointer to a reference-counted Cell.
//
// `Value` is an owning handle: copying it takes a reference, destroying it drops one, moving it
// transfers the reference. Heap storage (object slots, frames, arrays) stores `Value`s too, so the
// same rules hold everywhere. The exception tag marks "an exception is pending in the runtime";
// functions that can throw return Value (or Result<T>) and callers use TRY.
#pragma once

#include "base/Assert.h"
#include "gc/Cell.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace qjs {

class Object;
class String;
class Symbol;
class BigInt;

enum class Tag : uint32_t {
    Int32,
    Bool,
    Null,
    Undefined,
    Uninitialized, // TDZ marker in let/const slots; never visible to JS
    Exception,     // "an exception is pending"; never visible to JS
    Float64,
    // Reference-counted heap values:
    FirstHeap,
    Object = FirstHeap,
    String,
    Symbol,
    BigInt,
    InternalCell, // any other Cell stored in a slot (FunctionBytecode in a constant pool, ...)
};

struct Exception {}; // converts to a Value/Result in the "exception pending" state

class [[nodiscard]] Value {
  public:
    Value() : m_tag(Tag::Undefined) { m_u.i64 = 0; }
    Value(Exception) : m_tag(Tag::Exception) { m_u.i64 = 0; }

    static Value undefined() { return Value(); }
    static Value null() { return from_bits(Tag::Null, 0); }
    static Value uninitialized() { return from_bits(Tag::Uninitialized, 0); }
    static Value boolean(bool b) { return from_bits(Tag::Bool, b ? 1 : 0); }
    static Value int32(int32_t i) {
        Value v;
        v.m_tag = Tag::Int32;
        // One 8-byte store (zero-extended): a 4-byte store after an 8-byte one stalls the next load.
        v.m_u.i64 = static_cast<int64_t>(static_cast<uint32_t>(i));
        return v;
    }
    // A double stored as-is (no int32 normalisation); use number() to prefer int32.
    static Value float64(double d) {
        Value v;
        v.m_tag = Tag::Float64;
        v.m_u.f64 = d;
        return v;
    }
    // A number, as int32 when it is one exactly (not -0).
    static Value number(double d) {
        if (d >= INT32_MIN && d <= INT32_MAX) {
            int32_t i = static_cast<int32_t>(d);
            if (static_cast<double>(i) == d && !(i == 0 && std::signbit(d))) return int32(i);
        }
        return float64(d);
    }
    static Value number(int64_t n) {
        if (n >= INT32_MIN && n <= INT32_MAX) return int32(static_cast<int32_t>(n));
        return float64(static_cast<double>(n));
    }
    static Value number(uint32_t n) { return number(static_cast<int64_t>(n)); }

    // Takes a new reference to `cell` (its count is incremented).
    static Value cell(Tag tag, Cell* cell) {
        cell->ref();
        return adopt(tag, cell);
    }
    // Adopts an existing reference (the caller's reference moves into the value).
    static Value adopt(Tag tag, Cell* cell) {
        Value v;
        v.m_tag = tag;
        v.m_u.cell = cell;
        return v;
    }
    static Value object(Object* o); // new reference
    static Value string(String* s); // new reference
    static Value symbol(Symbol* s); // new reference

    Value(const Value& other) : m_u(other.m_u), m_tag(other.m_tag) {
        if (is_heap()) m_u.cell->ref();
    }
    Value(Value&& other) noexcept : m_u(other.m_u), m_tag(other.m_tag) {
        other.m_tag = Tag::Undefined;
        other.m_u.i64 = 0;
    }
    Value& operator=(const Value& other) {
        // Take a reference first and read `other` before releasing: `other` may live inside the
        // object this value is the last owner of (`v = *slot_of(v)`).
        Value copy(other);
        return *this = std::move(copy);
    }
    [[gnu::always_inline]] Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            // Take `other` before releasing the old value: `other` may live inside the object
            // this value is the last owner of (`v = std::move(*slot_of(v))`), and releasing may
            // free it. The old value is released last, once this value is consistent. (Kept this
            // small so that it stays inline in the interpreter loop: a version holding the old value
            // in a local Value was compiled out of line, costing NavierStokes half its speed; always_inline
            // keeps the interpreter loop's register stores from being outlined as it grows.)
            Cell* old = is_heap() ? m_u.cell : nullptr;
            m_u = other.m_u;
            m_tag = other.m_tag;
            other.m_tag = Tag::Undefined;
            other.m_u.i64 = 0;
            if (old) old->unref();
        }
        return *this;
    }
    ~Value() { release(); }

    Tag tag() const { return m_tag; }
    bool is_heap() const { return m_tag >= Tag::FirstHeap; }
    bool is_int32() const { return m_tag == Tag::Int32; }
    bool is_float64() const { return m_tag == Tag::Float64; }
    bool is_number() const { return m_tag == Tag::Int32 || m_tag == Tag::Float64; }
    bool is_bool() const { return m_tag == Tag::Bool; }
    bool is_null() const { return m_tag == Tag::Null; }
    bool is_undefined() const { return m_tag == Tag::Undefined; }
    bool is_nullish() const { return m_tag == Tag::Null || m_tag == Tag::Undefined; }
    bool is_uninitialized() const { return m_tag == Tag::Uninitialized; }
    bool is_exception() const { return m_tag == Tag::Exception; }
    bool is_object() const { return m_tag == Tag::Object; }
    bool is_string() const { return m_tag == Tag::String; }
    bool is_symbol() const { return m_tag == Tag::Symbol; }
    bool is_bigint() const { return m_tag == Tag::BigInt; }
    bool is_internal_cell() const { return m_tag == Tag::InternalCell; }

    int32_t as_int32() const { return m_u.i32; }
    double as_float64() const { return m_u.f64; }
    double as_number() const { return m_tag == Tag::Int32 ? static_cast<double>(m_u.i32) : m_u.f64; }
    bool as_bool() const { return m_u.i32 != 0; }
    Object* as_object() const { return reinterpret_cast<Object*>(m_u.cell); }
    String* as_string() const { return reinterpret_cast<String*>(m_u.cell); }
    Symbol* as_symbol() const { return reinterpret_cast<Symbol*>(m_u.cell); }
    BigInt* as_bigint() const { return reinterpret_cast<BigInt*>(m_u.cell); }
    Cell* as_cell() const { return m_u.cell; }

    // Gives up ownership of the heap reference without dropping it (the caller now owns it).
    Cell* leak_cell() {
        Cell* c = m_u.cell;
        m_tag = Tag::Undefined;
        m_u.i64 = 0;
        return c;
    }
    // Identity: same tag and same bits (SameValue for heap values; for numbers use same_value()).
    bool bits_equal(const Value& other) const { return m_tag == other.m_tag && m_u.i64 == other.m_u.i64; }
    uint64_t raw_bits() const { return m_u.i64; }

    // Used by TRY: a Value is its own payload.
    Value release_value() { return std::move(*this); }

  private:
    static Value from_bits(Tag tag, int64_t bits) {
        Value v;
        v.m_tag = tag;
        v.m_u.i64 = bits;
        return v;
    }
    void release() {
        if (is_heap()) m_u.cell->unref();
    }

    union {
        int64_t i64;
        int32_t i32;
        double f64;
        Cell* cell;
    } m_u;
    Tag m_tag;
};

// The result of an operation that can throw and yields a non-Value (bool, double, ...).
template <typename T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_value(std::move(value)), m_is_exception(false) {}
    Result(Exception) : m_value(), m_is_exception(true) {}
    bool is_exception() const { return m_is_exception; }
    T release_value() { return std::move(m_value); }
    const T& value() const { return m_value; }

  private:
    T m_value;
    bool m_is_exception;
};

template <> class [[nodiscard]] Result<void> {
  public:
    Result() : m_is_exception(false) {}
    Result(Exception) : m_is_exception(true) {}
    bool is_exception() const { return m_is_exception; }
    void release_value() {}

  private:
    bool m_is_exception;
};

} // namespace qjs

// The spec's `?`: propagate an abrupt completion, else yield the value.
#define TRY(expr)                                                                                            \
    ({                                                                                                       \
        auto _try_result = (expr);                                                                           \
        if (_try_result.is_exception()) [[unlikely]]                                                         \
            return ::qjs::Exception{};                                                                       \
        _try_result.release_value();                                                                         \
    })

// The spec's `!`: the operation cannot throw here.
#define MUST(expr)                                                                                           \
    ({                                                                                                       \
        auto _must_result = (expr);                                                                          \
        VERIFY(!_must_result.is_exception());                                                                \
        _must_result.release_value();                                                                        \
    })
