// StringCodec.h: strings in the binary formats (bytecode images, binary JSON): var (length << 1 |
// wide), then latin-1 bytes or UTF-16LE code units, so lone surrogates survive.
#pragma once

#include "snapshot/ByteStream.h"

namespace qjs {

class String;

void write_string(ByteWriter&, const String*);
// The decoded string (a new reference); nullptr when the bytes are bad (the reader's error is set)
// or on out of memory (*oom set, the reader untouched).
String* read_string(ByteReader&, Runtime&, bool* oom);

} // namespace qjs
