#include "runtime/String.h"

#include "runtime/Runtime.h"

#include <algorithm>
#include <cstring>

namespace qjs {

String* String::create_uninit(Runtime& rt, uint32_t length, bool wide) {
    if (length > kMaxLength) return nullptr;
    size_t bytes = wide ? length * sizeof(char16_t) : length + 1; // +1: a NUL for C interop
    return rt.new_cell<String>(bytes, length, wide);
}

String* String::create_latin1(Runtime& rt, const uint8_t* chars, size_t length) {
    String* s = create_uninit(rt, static_cast<uint32_t>(length), false);
    if (!s) return nullptr;
    if (length) std::memcpy(s->latin1(), chars, length);
    s->latin1()[length] = 0;
    return s;
}

String* String::create_ascii(Runtime& rt, std::string_view ascii) {
    return create_latin1(rt, reinterpret_cast<const uint8_t*>(ascii.data()), ascii.size());
}

String* String::create_utf16(Runtime& rt, const char16_t* chars, size_t length) {
    bool narrow = std::all_of(chars, chars + length, [](char16_t c) { return c < 0x100; });
    String* s = create_uninit(rt, static_cast<uint32_t>(length), !narrow);
    if (!s) return nullptr;
    if (narrow) {
        for (size_t i = 0; i < length; ++i)
            s->latin1()[i] = static_cast<uint8_t>(chars[i]);
        s->latin1()[length] = 0;
    } else if (length) {
        std::memcpy(s->utf16(), chars, length * sizeof(char16_t));
    }
    return s;
}

String* String::create_utf8(Runtime& rt, const char* utf8, size_t length) {
    StringBuilder sb(rt);
    const auto* p = reinterpret_cast<const uint8_t*>(utf8);
    const uint8_t* end = p + length;
    while (p < end) {
        uint32_t c = *p++;
        if (c >= 0x80) {
            int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;
            if (extra < 0 || end - p < extra) {
                c = 0xfffd;
            } else {
                c &= (0x3f >> extra);
                bool ok = true;
                for (int i = 0; i < extra; ++i) {
                    if ((p[i] & 0xc0) != 0x80) ok = false;
                    c = (c << 6) | (p[i] & 0x3f);
                }
                if (ok)
                    p += extra;
                else
                    c = 0xfffd;
                if (c > 0x10ffff) c = 0xfffd;
            }
        }
        if (!sb.append_code_point(c)) return nullptr;
    }
    return sb.finish();
}

uint32_t String::code_point_at(uint32_t i, uint32_t* units) const {
    char16_t c = at(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < m_length) {
        char16_t d = at(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
            if (units) *units = 2;
            return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        }
    }
    if (units) *units = 1;
    return c;
}

bool String::equals(const String* o) const {
    if (this == o) return true;
    if (m_length != o->m_length) return false;
    if (m_hash && o->m_hash && m_hash != o->m_hash) return false;
    if (!is_wide() && !o->is_wide()) return std::memcmp(latin1(), o->latin1(), m_length) == 0;
    if (is_wide() && o->is_wide()) return std::memcmp(utf16(), o->utf16(), m_length * 2) == 0;
    for (uint32_t i = 0; i < m_length; ++i)
        if (at(i) != o->at(i)) return false;
    return true;
}

bool String::equals_ascii(std::string_view s) const {
    if (m_length != s.size()) return false;
    for (uint32_t i = 0; i < m_length; ++i)
        if (at(i) != static_cast<uint8_t>(s[i])) return false;
    return true;
}

int String::compare(const String* o) const {
    uint32_t n = std::min(m_length, o->m_length);
    if (!is_wide() && !o->is_wide()) {
        int r = std::memcmp(latin1(), o->latin1(), n);
        if (r) return r < 0 ? -1 : 1;
    } else {
        for (uint32_t i = 0; i < n; ++i) {
            char16_t a = at(i), b = o->at(i);
            if (a != b) return a < b ? -1 : 1;
        }
    }
    return m_length < o->m_length ? -1 : m_length > o->m_length ? 1 : 0;
}

int64_t String::index_of(const String* needle, uint32_t from) const {
    uint32_t n = needle->length();
    if (n == 0) return from <= m_length ? int64_t(from) : int64_t(-1);
    if (n > m_length) return -1;
    char16_t first = needle->at(0);
    for (uint32_t i = from; i + n <= m_length; ++i) {
        if (at(i) != first) continue;
        uint32_t j = 1;
        while (j < n && at(i + j) == needle->at(j))
            ++j;
        if (j == n) return i;
    }
    return -1;
}

static std::string encode_utf8(const String& s, bool keep_surrogates) {
    std::string out;
    out.reserve(s.length());
    for (uint32_t i = 0; i < s.length();) {
        uint32_t units;
        uint32_t c = s.code_point_at(i, &units);
        i += units;
        if (c >= 0xd800 && c <= 0xdfff && !keep_surrogates) c = 0xfffd;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xe0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return out;
}

std::string String::to_utf8() const {
    return encode_utf8(*this, false);
}

std::string String::to_wtf8() const {
    return encode_utf8(*this, true);
}

// FNV-1a over code units; never 0 (0 means "not computed").
template <typename Char> static uint32_t hash_units(const Char* chars, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i)
        h = (h ^ static_cast<uint32_t>(chars[i])) * 16777619u;
    return h ? h : 1;
}
uint32_t String::hash_chars(const uint8_t* chars, size_t n) {
    return hash_units(chars, n);
}
uint32_t String::hash_chars(const char16_t* chars, size_t n) {
    return hash_units(chars, n);
}

void String::compute_hash() {
    m_hash = is_wide() ? hash_chars(utf16(), m_length) : hash_chars(latin1(), m_length);
}

// Copies `from` into `out` (a latin1 or utf16 array, as `wide` says) at `at`.
static void copy_chars(void* out, bool wide, uint32_t at, const String* from) {
    uint32_t n = from->length();
    if (!wide) {
        std::memcpy(static_cast<uint8_t*>(out) + at, from->latin1(), n);
    } else if (from->is_wide()) {
        std::memcpy(static_cast<char16_t*>(out) + at, from->utf16(), n * sizeof(char16_t));
    } else {
        char16_t* dst = static_cast<char16_t*>(out) + at;
        const uint8_t* src = from->latin1();
        for (uint32_t i = 0; i < n; ++i)
            dst[i] = src[i];
    }
}

// A new slice of the first `length` characters of `buffer` (takes a reference to it).
static String* new_slice(Runtime& rt, String* buffer, uint32_t length) {
    size_t extra = kStringSliceBaseOffset - sizeof(String) + sizeof(String*);
    String* s = rt.new_cell<String>(extra, length, buffer->is_wide());
    if (!s) return nullptr;
    s->m_bits |= String::kSliceBit;
    buffer->ref();
    *reinterpret_cast<String**>(reinterpret_cast<char*>(s) + kStringSliceBaseOffset) = buffer;
    return s;
}

void release_string_slice(String* s) {
    if (!s->is_slice()) return;
    String* buffer = s->slice_base();
    s->m_bits &= static_cast<uint16_t>(~String::kSliceBit);
    buffer->unref();
}

String* String::concat(Runtime& rt, const String* a, const String* b) {
    uint64_t total = uint64_t(a->length()) + b->length();
    if (total > kMaxLength) return nullptr;
    bool wide = a->is_wide() || b->is_wide();
    if (total >= kAppendThreshold) {
        // Append in place when `a` ends exactly where its buffer's used part ends and there is room.
        if (a->is_slice()) {
            String* buffer = a->slice_base();
            if (buffer->m_length == a->length() && buffer->is_wide() == wide && total <= buffer->m_hash) {
                String* s = new_slice(rt, buffer, static_cast<uint32_t>(total));
                if (!s) return nullptr;
                copy_chars(buffer + 1, wide, a->length(), b);
                buffer->m_length = static_cast<uint32_t>(total);
                return s;
            }
        }
        // A new buffer with room for further appends (growth factor 1.5 bounds the waste).
        uint64_t capacity = std::min<uint64_t>(total + total / 2 + 16, kMaxLength);
        String* buffer = create_uninit(rt, static_cast<uint32_t>(capacity), wide);
        if (!buffer) return nullptr;
        buffer->m_bits |= kBufferBit;
        buffer->m_hash = static_cast<uint32_t>(capacity);
        copy_chars(buffer + 1, wide, 0, a);
        copy_chars(buffer + 1, wide, a->length(), b);
        buffer->m_length = static_cast<uint32_t>(total);
        String* s = new_slice(rt, buffer, static_cast<uint32_t>(total));
        buffer->unref(); // the slice holds it now (or, on failure, this frees it)
        return s;
    }
    String* s = create_uninit(rt, static_cast<uint32_t>(total), wide);
    if (!s) return nullptr;
    copy_chars(s->latin1(), wide, 0, a);
    copy_chars(s->latin1(), wide, a->length(), b);
    if (!wide) s->latin1()[total] = 0;
    return s;
}

String* String::substring(Runtime& rt, const String* s, uint32_t start, uint32_t end) {
    if (!s->is_wide()) return create_latin1(rt, s->latin1() + start, end - start);
    return create_utf16(rt, s->utf16() + start, end - start);
}

// ---- StringBuilder ----

StringBuilder::~StringBuilder() {
    if (m_buffer) m_rt.free(m_buffer);
}

bool StringBuilder::reserve(size_t extra) {
    if (m_failed) return false;
    size_t need = size_t(m_length) + extra;
    if (need > String::kMaxLength) {
        m_failed = true;
        return false;
    }
    if (need <= m_capacity) return true;
    size_t cap = std::max<size_t>(need, size_t(m_capacity) * 3 / 2 + 16);
    if (cap > String::kMaxLength) cap = String::kMaxLength;
    void* fresh = m_rt.realloc(m_buffer, cap * (m_wide ? 2 : 1));
    if (!fresh) {
        m_failed = true;
        return false;
    }
    m_buffer = fresh;
    m_capacity = static_cast<uint32_t>(cap);
    return true;
}

bool StringBuilder::widen() {
    void* fresh = m_rt.alloc(size_t(m_capacity ? m_capacity : 16) * 2);
    if (!fresh) {
        m_failed = true;
        return false;
    }
    auto* out = static_cast<char16_t*>(fresh);
    auto* in = static_cast<uint8_t*>(m_buffer);
    for (uint32_t i = 0; i < m_length; ++i)
        out[i] = in[i];
    if (m_buffer) m_rt.free(m_buffer);
    m_buffer = fresh;
    if (!m_capacity) m_capacity = 16;
    m_wide = true;
    return true;
}

bool StringBuilder::append(char16_t c) {
    if (c >= 0x100 && !m_wide && !widen()) return false;
    if (!reserve(1)) return false;
    if (m_wide)
        static_cast<char16_t*>(m_buffer)[m_length++] = c;
    else
        static_cast<uint8_t*>(m_buffer)[m_length++] = static_cast<uint8_t>(c);
    return true;
}

bool StringBuilder::append_code_point(uint32_t cp) {
    if (cp < 0x10000) return append(static_cast<char16_t>(cp));
    cp -= 0x10000;
    return append(static_cast<char16_t>(0xd800 + (cp >> 10))) &&
           append(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
}

bool StringBuilder::append(const String* s) {
    return append(s, 0, s->length());
}

bool StringBuilder::append(const String* s, uint32_t start, uint32_t end) {
    if (s->is_wide()) return append_utf16(s->utf16() + start, end - start);
    return append_latin1(s->latin1() + start, end - start);
}

bool StringBuilder::append_ascii(std::string_view s) {
    return append_latin1(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

bool StringBuilder::append_latin1(const uint8_t* s, size_t n) {
    if (!reserve(n)) return false;
    if (m_wide) {
        auto* out = static_cast<char16_t*>(m_buffer) + m_length;
        for (size_t i = 0; i < n; ++i)
            out[i] = s[i];
    } else if (n) {
        std::memcpy(static_cast<uint8_t*>(m_buffer) + m_length, s, n);
    }
    m_length += static_cast<uint32_t>(n);
    return true;
}

bool StringBuilder::append_utf16(const char16_t* s, size_t n) {
    if (!m_wide) {
        bool narrow = std::all_of(s, s + n, [](char16_t c) { return c < 0x100; });
        if (!narrow && !widen()) return false;
    }
    if (!reserve(n)) return false;
    if (m_wide) {
        if (n) std::memcpy(static_cast<char16_t*>(m_buffer) + m_length, s, n * 2);
    } else {
        auto* out = static_cast<uint8_t*>(m_buffer) + m_length;
        for (size_t i = 0; i < n; ++i)
            out[i] = static_cast<uint8_t>(s[i]);
    }
    m_length += static_cast<uint32_t>(n);
    return true;
}

String* StringBuilder::finish() {
    if (m_failed) return nullptr;
    String* s = m_wide ? String::create_utf16(m_rt, static_cast<char16_t*>(m_buffer), m_length)
                       : String::create_latin1(m_rt, static_cast<uint8_t*>(m_buffer), m_length);
    if (m_buffer) m_rt.free(m_buffer);
    m_buffer = nullptr;
    m_length = m_capacity = 0;
    m_wide = false;
    return s;
}

} // namespace qjs
