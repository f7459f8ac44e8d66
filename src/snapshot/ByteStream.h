// ByteStream.h: the little-endian, fixed-width and LEB128 encoding shared by the binary formats
// (bytecode images now, VM snapshots next). Nothing here depends on the host's pointer size or byte
// order, so the same bytes load natively and in the wasm32 build.
//
// The reader is bounds-checked everywhere and its errors are sticky: after the first failure every
// read fails, so a decoder can check once per record instead of after every field.
#pragma once

#include "runtime/Runtime.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace qjs {

// The writer's buffer grows through checked allocations (Runtime::can_allocate): when memory runs out
// the write is dropped and failed() stays true, so an encoder checks once, when it is done.
class ByteWriter {
  public:
    void u8(uint8_t v) {
        if (room(1)) m_bytes.push_back(v);
    }
    void u16(uint16_t v);
    void u32(uint32_t v);
    void u64(uint64_t v);
    void f64(double v);
    void varuint(uint64_t v);                    // unsigned LEB128
    void varint(int64_t v);                      // zigzag, then LEB128
    void bytes(const void* data, size_t length); // raw
    void patch_u32(size_t offset, uint32_t v);   // overwrites 4 bytes written earlier
    size_t size() const { return m_bytes.size(); }
    std::span<const uint8_t> data() const { return {m_bytes.data(), m_bytes.size()}; }
    Vector<uint8_t> take() { return std::move(m_bytes); }
    // A write was dropped because memory ran out: the bytes are incomplete (sticky).
    bool failed() const { return m_failed; }

  private:
    bool room(size_t n) { return (!m_failed && m_bytes.capacity() - m_bytes.size() >= n) || grow(n); }
    bool grow(size_t n); // false (and failed) on OOM

    Vector<uint8_t> m_bytes;
    bool m_failed = false;
};

class ByteReader {
  public:
    ByteReader(const uint8_t* data, size_t length) : m_cur(data), m_end(data + length) {}

    bool u8(uint8_t* v);
    bool u16(uint16_t* v);
    bool u32(uint32_t* v);
    bool u64(uint64_t* v);
    bool f64(double* v);
    // LEB128 of at most 10 bytes whose value is at most `max`; anything else is an error.
    bool varuint(uint64_t* v, uint64_t max = UINT64_MAX);
    bool varuint32(uint32_t* v, uint32_t max = UINT32_MAX);
    bool varint(int64_t* v);
    // A view of the next `length` bytes (valid as long as the input is).
    bool bytes(const uint8_t** data, size_t length);

    size_t remaining() const { return static_cast<size_t>(m_end - m_cur); }
    bool failed() const { return m_error != nullptr; }
    // The first error ("truncated", or what fail() was given); nullptr while all is well.
    const char* error() const { return m_error; }
    // Records a decoding error found by the caller (kept only if it is the first); returns false.
    bool fail(const char* why);

  private:
    const uint8_t* m_cur;
    const uint8_t* m_end;
    const char* m_error = nullptr;
};

// CRC-32 (IEEE 802.3, reflected, as zlib and PNG use), for the checksums of the binary formats.
uint32_t crc32(const uint8_t* data, size_t length, uint32_t crc = 0);

} // namespace qjs
