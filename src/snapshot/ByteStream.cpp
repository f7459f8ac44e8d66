// ByteStream.cpp: encoding primitives and the CRC-32 table (built at compile time).
#include "snapshot/ByteStream.h"

#include "runtime/VectorGrowth.h"

#include <array>
#include <cstring>

namespace qjs {

void ByteWriter::u16(uint16_t v) {
    u8(static_cast<uint8_t>(v));
    u8(static_cast<uint8_t>(v >> 8));
}

void ByteWriter::u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
        u8(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
        u8(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::f64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
}

void ByteWriter::varuint(uint64_t v) {
    while (v >= 0x80) {
        u8(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    u8(static_cast<uint8_t>(v));
}

void ByteWriter::varint(int64_t v) {
    varuint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

bool ByteWriter::grow(size_t n) {
    if (m_failed) return false;
    if (n > SIZE_MAX - m_bytes.size() || !vector_reserve(m_bytes, m_bytes.size() + n)) m_failed = true;
    return !m_failed;
}

void ByteWriter::bytes(const void* data, size_t length) {
    if (!length || !room(length)) return;
    const auto* p = static_cast<const uint8_t*>(data);
    m_bytes.insert(m_bytes.end(), p, p + length);
}

void ByteWriter::patch_u32(size_t offset, uint32_t v) {
    if (offset > m_bytes.size() || m_bytes.size() - offset < 4) return; // a dropped write (failed())
    for (int i = 0; i < 4; ++i)
        m_bytes[offset + i] = static_cast<uint8_t>(v >> (8 * i));
}

bool ByteReader::fail(const char* why) {
    if (!m_error) m_error = why;
    m_cur = m_end;
    return false;
}

bool ByteReader::bytes(const uint8_t** data, size_t length) {
    if (m_error) return false;
    if (length > remaining()) return fail("truncated");
    *data = m_cur;
    m_cur += length;
    return true;
}

bool ByteReader::u8(uint8_t* v) {
    const uint8_t* p;
    if (!bytes(&p, 1)) return false;
    *v = p[0];
    return true;
}

bool ByteReader::u16(uint16_t* v) {
    const uint8_t* p;
    if (!bytes(&p, 2)) return false;
    *v = static_cast<uint16_t>(p[0] | (p[1] << 8));
    return true;
}

bool ByteReader::u32(uint32_t* v) {
    const uint8_t* p;
    if (!bytes(&p, 4)) return false;
    *v = uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24);
    return true;
}

bool ByteReader::u64(uint64_t* v) {
    uint32_t lo, hi;
    if (!u32(&lo) || !u32(&hi)) return false;
    *v = uint64_t(lo) | (uint64_t(hi) << 32);
    return true;
}

bool ByteReader::f64(double* v) {
    uint64_t bits;
    if (!u64(&bits)) return false;
    std::memcpy(v, &bits, sizeof bits);
    return true;
}

bool ByteReader::varuint(uint64_t* v, uint64_t max) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t byte;
        if (!u8(&byte)) return false;
        if (shift == 63 && byte > 1) return fail("varuint overflows 64 bits");
        result |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            if (result > max) return fail("number out of range");
            *v = result;
            return true;
        }
    }
    return fail("varuint longer than 10 bytes");
}

bool ByteReader::varuint32(uint32_t* v, uint32_t max) {
    uint64_t wide;
    if (!varuint(&wide, max)) return false;
    *v = static_cast<uint32_t>(wide);
    return true;
}

bool ByteReader::varint(int64_t* v) {
    uint64_t zigzag;
    if (!varuint(&zigzag)) return false;
    *v = static_cast<int64_t>((zigzag >> 1) ^ (~(zigzag & 1) + 1));
    return true;
}

namespace {

constexpr std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> table{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}

constexpr std::array<uint32_t, 256> k_crc_table = make_crc_table();

} // namespace

uint32_t crc32(const uint8_t* data, size_t length, uint32_t crc) {
    crc = ~crc;
    for (size_t i = 0; i < length; ++i)
        crc = k_crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

} // namespace qjs
