// String.h: JavaScript strings, stored as 8-bit (Latin-1) or 16-bit (UTF-16) arrays so that
// random access is always O(1). The characters follow the header in the same allocation, except
// for slices of an append buffer:
//
// Repeated appends (`s += x` in any kind of binding) would copy the whole string every time. So a
// concatenation whose result is long (kAppendThreshold) is made in an append buffer: a private
// String cell (never a JS value) with spare capacity, whose m_length counts the characters in use.
// The result is a slice: a String whose characters are the first `length` characters of the
// buffer (it holds a reference to it). Concatenating onto a slice that ends exactly at the
// buffer's used length writes the new characters in the spare room and returns a new slice of the
// same buffer, so a chain of appends is amortised linear. Characters before a buffer's used length
// never change, so every slice stays valid; nothing needs flattening and no read can fail.
#pragma once

#include "gc/Cell.h"
#include "runtime/Atom.h"
#include "runtime/Value.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace qjs {

class Runtime;

class String : public Cell {
  public:
    static constexpr uint16_t kWideBit = 1;
    static constexpr uint16_t kSliceBit = 2;  // the characters are in the append buffer slice_base()
    static constexpr uint16_t kBufferBit = 4; // an append buffer (m_hash holds its capacity)
    static constexpr uint32_t kMaxLength = (1u << 30) - 1;
    static constexpr uint32_t kAppendThreshold = 256; // shorter concatenations are flat copies

    uint32_t length() const { return m_length; }
    bool is_wide() const { return (m_bits & kWideBit) != 0; }
    bool is_slice() const { return (m_bits & kSliceBit) != 0; }
    inline String* slice_base() const;
    const uint8_t* latin1() const { return static_cast<const uint8_t*>(chars()); }
    uint8_t* latin1() { return static_cast<uint8_t*>(const_cast<void*>(chars())); }
    const char16_t* utf16() const { return static_cast<const char16_t*>(chars()); }
    char16_t* utf16() { return static_cast<char16_t*>(const_cast<void*>(chars())); }
    char16_t at(uint32_t i) const { return is_wide() ? utf16()[i] : latin1()[i]; }
    // Code point at i (pairs surrogates), as CodePointAt.
    uint32_t code_point_at(uint32_t i, uint32_t* units = nullptr) const;

    uint32_t hash() const { return m_hash; }
    Atom atom() const { return m_atom; } // invalid unless interned

    bool equals(const String* other) const;
    bool equals_ascii(std::string_view s) const;
    int compare(const String* other) const; // by UTF-16 code units
    // Index of `needle` at or after `from`, or -1.
    int64_t index_of(const String* needle, uint32_t from) const;

    // UTF-8 copy (lone surrogates become U+FFFD), for printing and the C API.
    std::string to_utf8() const; // lone surrogates become U+FFFD
    // Lone surrogates keep their 3-byte encodings (WTF-8): source text of eval, Function and
    // ShadowRealm, which the lexer reads back into the same code units.
    std::string to_wtf8() const;

    // Allocation; nullptr when out of memory. Contents are uninitialised for the `_uninit` variants.
    static String* create_uninit(Runtime&, uint32_t length, bool wide);
    static String* create_latin1(Runtime&, const uint8_t* chars, size_t length);
    static String* create_ascii(Runtime&, std::string_view ascii);
    static String* create_utf16(Runtime&, const char16_t* chars, size_t length); // narrows when possible
    static String* create_utf8(Runtime&, const char* utf8, size_t length);
    static String* concat(Runtime&, const String* a, const String* b);
    static String* substring(Runtime&, const String* s, uint32_t start, uint32_t end);

    static uint32_t hash_chars(const uint8_t* chars, size_t length);
    static uint32_t hash_chars(const char16_t* chars, size_t length);
    void compute_hash();

    String(uint32_t length, bool wide) : Cell(CellKind::String), m_length(length) {
        if (wide) m_bits |= kWideBit;
    }

    uint32_t m_length;
    uint32_t m_hash = 0;
    Atom m_atom = atoms::invalid;

  private:
    inline const void* chars() const;
};

// A slice keeps the pointer to its buffer after the header, aligned.
inline constexpr size_t kStringSliceBaseOffset =
    (sizeof(String) + alignof(String*) - 1) & ~(alignof(String*) - 1);

inline String* String::slice_base() const {
    return *reinterpret_cast<String* const*>(reinterpret_cast<const char*>(this) + kStringSliceBaseOffset);
}
inline const void* String::chars() const {
    if (m_bits & kSliceBit) [[unlikely]]
        return slice_base() + 1;
    return this + 1;
}
// Drops a slice's reference to its buffer (when the string is freed).
void release_string_slice(String*);

// Builds a string piece by piece (8-bit until a wide char arrives). Memory comes from the runtime.
class StringBuilder {
  public:
    explicit StringBuilder(Runtime& rt) : m_rt(rt) {}
    ~StringBuilder();
    StringBuilder(const StringBuilder&) = delete;
    StringBuilder& operator=(const StringBuilder&) = delete;

    bool append(char16_t c);
    bool append_code_point(uint32_t cp);
    bool append(const String* s);
    bool append(const String* s, uint32_t start, uint32_t end);
    bool append_ascii(std::string_view s);
    bool append_latin1(const uint8_t* s, size_t n);
    bool append_utf16(const char16_t* s, size_t n);
    uint32_t length() const { return m_length; }
    bool is_wide() const { return m_wide; }
    // Returns the finished string (nullptr on OOM); the builder is empty afterwards.
    String* finish();
    bool failed() const { return m_failed; }

  private:
    bool reserve(size_t extra);
    bool widen();
    Runtime& m_rt;
    void* m_buffer = nullptr;
    uint32_t m_length = 0;
    uint32_t m_capacity = 0;
    bool m_wide = false;
    bool m_failed = false;
};

inline Value Value::string(String* s) {
    return Value::cell(Tag::String, s);
}

} // namespace qjs
