// StringCodec.cpp: see StringCodec.h.
#include "snapshot/StringCodec.h"

#include "runtime/String.h"

namespace qjs {

void write_string(ByteWriter& out, const String* s) {
    out.varuint((uint64_t(s->length()) << 1) | (s->is_wide() ? 1 : 0));
    if (!s->is_wide()) {
        out.bytes(s->latin1(), s->length());
        return;
    }
    for (uint32_t i = 0; i < s->length(); ++i)
        out.u16(s->utf16()[i]);
}

String* read_string(ByteReader& in, Runtime& rt, bool* oom) {
    *oom = false;
    uint64_t header;
    if (!in.varuint(&header, (uint64_t(String::kMaxLength) << 1) | 1)) return nullptr;
    auto length = static_cast<uint32_t>(header >> 1);
    bool wide = header & 1;
    const uint8_t* bytes;
    if (!in.bytes(&bytes, size_t(length) << (wide ? 1 : 0))) return nullptr;
    String* s;
    if (!wide) {
        s = String::create_latin1(rt, bytes, length);
    } else {
        Vector<char16_t> units(length);
        for (uint32_t i = 0; i < length; ++i)
            units[i] = static_cast<char16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
        s = String::create_utf16(rt, units.data(), length);
    }
    if (!s) *oom = true;
    return s;
}

} // namespace qjs
