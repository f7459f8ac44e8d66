// Uint8ArrayBase64.cpp: Uint8Array to/from base64 and hex (ECMA-262 proposal-arraybuffer-base64:
// Uint8Array.fromBase64, Uint8Array.fromHex, Uint8Array.prototype.toBase64 / toHex / setFromBase64 /
// setFromHex; #sec-uint8array.frombase64 and following).
#include "builtins/Builtins.h"
#include "builtins/Options.h"
#include "builtins/TypedArray.h"
#include "runtime/ArrayBufferObject.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"
#include "runtime/String.h"

#include <cstring>
#include <string>

namespace qjs {

namespace {

constexpr double kMaxSafeLength = 9007199254740991.0; // 2^53 - 1

enum class Alphabet : uint8_t { Base64, Base64Url };
enum class LastChunkHandling : uint8_t { Loose, Strict, StopBeforePartial };

// The result of FromBase64 / FromHex: bytes decoded, code units read, and whether a SyntaxError
// ended the decoding.
struct DecodeResult {
    Vector<uint8_t> bytes;
    uint32_t read = 0;
    bool error = false;
};

bool is_string_equal(const Value& v, std::string_view s) {
    return v.is_string() && v.as_string()->equals_ascii(s);
}

// Steps shared by fromBase64/toBase64/setFromBase64: alphabet = ? Get(opts, "alphabet"); undefined is
// "base64"; anything but "base64" / "base64url" is a TypeError.
Result<Alphabet> get_alphabet_option(Context& ctx, Object* opts) {
    Value alphabet = TRY(get_option(ctx, opts, "alphabet"));
    if (alphabet.is_undefined() || is_string_equal(alphabet, "base64")) return Alphabet::Base64;
    if (is_string_equal(alphabet, "base64url")) return Alphabet::Base64Url;
    ctx.throw_type_error("alphabet must be \"base64\" or \"base64url\"");
    return Exception{};
}

// lastChunkHandling = ? Get(opts, "lastChunkHandling"): undefined is "loose".
Result<LastChunkHandling> get_last_chunk_handling_option(Context& ctx, Object* opts) {
    Value v = TRY(get_option(ctx, opts, "lastChunkHandling"));
    if (v.is_undefined() || is_string_equal(v, "loose")) return LastChunkHandling::Loose;
    if (is_string_equal(v, "strict")) return LastChunkHandling::Strict;
    if (is_string_equal(v, "stop-before-partial")) return LastChunkHandling::StopBeforePartial;
    ctx.throw_type_error("lastChunkHandling must be \"loose\", \"strict\" or \"stop-before-partial\"");
    return Exception{};
}

// ValidateUint8Array ( ta ) (#sec-validateuint8array)
Result<TypedArrayObject*> validate_uint8_array(Context& ctx, const Value& ta) {
    // 1. Perform ? RequireInternalSlot(ta, [[TypedArrayName]]).
    // 2. If ta.[[TypedArrayName]] is not "Uint8Array", throw a TypeError exception.
    if (!is_typed_array_value(ta) ||
        static_cast<TypedArrayObject*>(ta.as_object())->m_type != TypedArrayType::Uint8) {
        ctx.throw_type_error("not a Uint8Array");
        return Exception{};
    }
    return static_cast<TypedArrayObject*>(ta.as_object());
}

// The value of a base64 character in the standard alphabet, or -1.
int base64_value(char16_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

int hex_value(char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_ascii_whitespace(char16_t c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

// SkipAsciiWhitespace ( string, index ) (#sec-skipasciiwhitespace)
uint32_t skip_ascii_whitespace(const String* s, uint32_t index) {
    while (index < s->length() && is_ascii_whitespace(s->at(index)))
        index++;
    return index;
}

// DecodeBase64Chunk ( chunk [ , throwOnExtraBits ] ) (#sec-decodebase64chunk): appends the bytes;
// false when throwOnExtraBits is set and the unused bits are not zero.
bool decode_base64_chunk(const int* chunk, uint32_t chunk_length, bool throw_on_extra_bits,
                         Vector<uint8_t>& bytes) {
    // 1-4. Pad a 2- or 3-character chunk with "A"s (zero bits).
    int c[4] = {chunk[0], chunk[1], chunk_length > 2 ? chunk[2] : 0, chunk_length > 3 ? chunk[3] : 0};
    // 5. Let byteSequence be the unique sequence of 3 bytes resulting from decoding chunk as base64.
    uint32_t bits = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
    uint8_t b[3] = {static_cast<uint8_t>(bits >> 16), static_cast<uint8_t>(bits >> 8),
                    static_cast<uint8_t>(bits)};
    // 6. If chunkLength = 2, then
    if (chunk_length == 2) {
        // a-b. If throwOnExtraBits is true and byteSequence[1] ≠ 0, throw a SyntaxError exception.
        if (throw_on_extra_bits && b[1] != 0) return false;
        // c. Return « byteSequence[0] ».
        bytes.push_back(b[0]);
        return true;
    }
    // 7. Else if chunkLength = 3, then
    if (chunk_length == 3) {
        if (throw_on_extra_bits && b[2] != 0) return false;
        bytes.push_back(b[0]);
        bytes.push_back(b[1]);
        return true;
    }
    // 8. Else, return byteSequence.
    bytes.insert(bytes.end(), b, b + 3);
    return true;
}

// FromBase64 ( string, alphabet, lastChunkHandling [ , maxLength ] ) (#sec-frombase64)
DecodeResult from_base64(const String* s, Alphabet alphabet, LastChunkHandling last, double max_length) {
    DecodeResult r;
    // 2. If maxLength = 0, return the Record { [[Read]]: 0, [[Bytes]]: « », [[Error]]: none }.
    if (max_length == 0) return r;
    // 3. Let read be 0, bytes « », chunk "", chunkLength 0, index 0, length the string's length.
    int chunk[4];
    uint32_t chunk_length = 0;
    uint32_t index = 0;
    uint32_t length = s->length();
    // 4. Repeat,
    while (true) {
        // a. Set index to SkipAsciiWhitespace(string, index).
        index = skip_ascii_whitespace(s, index);
        // b. If index = length, then
        if (index == length) {
            // i. If chunkLength > 0, then
            if (chunk_length > 0) {
                // 1. If lastChunkHandling is "stop-before-partial", return { read, bytes, none }.
                if (last == LastChunkHandling::StopBeforePartial) return r;
                // 2. Else if lastChunkHandling is "loose", then
                if (last == LastChunkHandling::Loose) {
                    // a. If chunkLength = 1, return a SyntaxError.
                    if (chunk_length == 1) {
                        r.error = true;
                        return r;
                    }
                    // b. Set bytes to bytes + ! DecodeBase64Chunk(chunk, false).
                    decode_base64_chunk(chunk, chunk_length, false, r.bytes);
                } else {
                    // 3. Else (strict), return a SyntaxError.
                    r.error = true;
                    return r;
                }
            }
            // ii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            r.read = length;
            return r;
        }
        // c-d. Let char be the code unit at index; set index to index + 1.
        char16_t ch = s->at(index);
        index++;
        // e. If char is "=", then
        if (ch == '=') {
            // i. If chunkLength < 2, return a SyntaxError.
            if (chunk_length < 2) {
                r.error = true;
                return r;
            }
            // ii. Set index to SkipAsciiWhitespace(string, index).
            index = skip_ascii_whitespace(s, index);
            // iii. If chunkLength = 2, then
            if (chunk_length == 2) {
                // 1. If index = length, then
                if (index == length) {
                    // a. If lastChunkHandling is "stop-before-partial", return { read, bytes, none }.
                    if (last == LastChunkHandling::StopBeforePartial) return r;
                    // b. Return a SyntaxError.
                    r.error = true;
                    return r;
                }
                // 2-3. If the next character is "=", skip it and the whitespace after it.
                if (s->at(index) == '=') index = skip_ascii_whitespace(s, index + 1);
            }
            // iv. If index < length, return a SyntaxError.
            if (index < length) {
                r.error = true;
                return r;
            }
            // v-vi. Decode the chunk (throwOnExtraBits when "strict").
            if (!decode_base64_chunk(chunk, chunk_length, last == LastChunkHandling::Strict, r.bytes)) {
                r.error = true;
                return r;
            }
            // vii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
            r.read = length;
            return r;
        }
        // f. If alphabet is "base64url", then
        if (alphabet == Alphabet::Base64Url) {
            // i. If char is either "+" or "/", return a SyntaxError.
            if (ch == '+' || ch == '/') {
                r.error = true;
                return r;
            }
            // ii-iii. Map "-" to "+" and "_" to "/".
            if (ch == '-')
                ch = '+';
            else if (ch == '_')
                ch = '/';
        }
        // g. If char is not an element of the standard base64 alphabet, return a SyntaxError.
        int value = base64_value(ch);
        if (value < 0) {
            r.error = true;
            return r;
        }
        // h. Let remaining be maxLength - the length of bytes.
        double remaining = max_length - static_cast<double>(r.bytes.size());
        // i. If remaining = 1 and chunkLength = 2, or remaining = 2 and chunkLength = 3, return
        //    { read, bytes, none }.
        if ((remaining == 1 && chunk_length == 2) || (remaining == 2 && chunk_length == 3)) return r;
        // j. Set chunk to chunk + char; set chunkLength to chunkLength + 1.
        chunk[chunk_length++] = value;
        // k. If chunkLength = 4, then
        if (chunk_length == 4) {
            // i-iii. Decode it, reset the chunk, set read to index.
            decode_base64_chunk(chunk, 4, false, r.bytes);
            chunk_length = 0;
            r.read = index;
            // iv. If the length of bytes = maxLength, return { read, bytes, none }.
            if (static_cast<double>(r.bytes.size()) == max_length) return r;
        }
    }
}

// FromHex ( string [ , maxLength ] ) (#sec-fromhex)
DecodeResult from_hex(const String* s, double max_length) {
    DecodeResult r;
    // 2. Let length be the length of string; bytes « »; read 0.
    uint32_t length = s->length();
    // 3. If length modulo 2 ≠ 0, return a SyntaxError.
    if (length % 2 != 0) {
        r.error = true;
        return r;
    }
    // 4. Repeat, while read < length and the length of bytes < maxLength,
    while (r.read < length && static_cast<double>(r.bytes.size()) < max_length) {
        // a-b. Let hexits be the next two code units; if they are not hex digits, return a SyntaxError.
        int hi = hex_value(s->at(r.read));
        int lo = hex_value(s->at(r.read + 1));
        if (hi < 0 || lo < 0) {
            r.error = true;
            return r;
        }
        // c-e. Set read to read + 2; append the byte.
        r.read += 2;
        r.bytes.push_back(static_cast<uint8_t>(hi * 16 + lo));
    }
    // 5. Return { [[Read]]: read, [[Bytes]]: bytes, [[Error]]: none }.
    return r;
}

// AllocateTypedArray("Uint8Array", %Uint8Array%, %Uint8Array.prototype%, length) holding `bytes`.
Value new_uint8_array(Context& ctx, const Vector<uint8_t>& bytes) {
    Value ctor = Value::object(ctx.intrinsic(typed_array_constructor_intrinsic(TypedArrayType::Uint8)));
    Value length_arg[1] = {Value::number(static_cast<double>(bytes.size()))};
    Value ta = TRY(typed_array_create_from_constructor(ctx, ctor, length_arg));
    auto* o = static_cast<TypedArrayObject*>(ta.as_object());
    if (!bytes.empty()) std::memcpy(o->data(), bytes.data(), bytes.size());
    return ta;
}

Exception throw_decode_error(Context& ctx, bool hex) {
    return ctx.throw_syntax_error(hex ? "invalid hex string" : "invalid base64 string");
}

// GetUint8ArrayBytes ( ta ) (#sec-getuint8arraybytes): TypeError when out of bounds.
Result<void> get_uint8_array_bytes(Context& ctx, TypedArrayObject* ta, const uint8_t** data, size_t* length) {
    // 1-3. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(ta, seq-cst); if
    //      IsTypedArrayOutOfBounds(taRecord), throw a TypeError exception.
    if (is_typed_array_out_of_bounds(ta)) {
        ctx.throw_type_error("TypedArray is detached or out of bounds");
        return Exception{};
    }
    // 4-8. The bytes from byteOffset for TypedArrayLength(taRecord) elements.
    *length = typed_array_length(ta);
    *data = *length ? ta->data() : nullptr;
    return {};
}

// Uint8Array.fromBase64 ( string [ , options ] ) (#sec-uint8array.frombase64)
Value uint8_array_from_base64(Context& ctx, const CallArgs& args) {
    // 1. If string is not a String, throw a TypeError exception.
    if (!args.arg(0).is_string())
        return ctx.throw_type_error("Uint8Array.fromBase64: argument is not a string");
    // 2. Let opts be ? GetOptionsObject(options).
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    // 3-6. alphabet and lastChunkHandling.
    Alphabet alphabet = TRY(get_alphabet_option(ctx, opts));
    LastChunkHandling last = TRY(get_last_chunk_handling_option(ctx, opts));
    // 7. Let result be FromBase64(string, alphabet, lastChunkHandling).
    DecodeResult result = from_base64(args.arg(0).as_string(), alphabet, last, kMaxSafeLength);
    // 8. If result.[[Error]] is not none, throw result.[[Error]].
    if (result.error) return throw_decode_error(ctx, false);
    // 9-12. Return a new Uint8Array holding result.[[Bytes]].
    return new_uint8_array(ctx, result.bytes);
}

// Uint8Array.fromHex ( string ) (#sec-uint8array.fromhex)
Value uint8_array_from_hex(Context& ctx, const CallArgs& args) {
    // 1. If string is not a String, throw a TypeError exception.
    if (!args.arg(0).is_string()) return ctx.throw_type_error("Uint8Array.fromHex: argument is not a string");
    // 2. Let result be FromHex(string).
    DecodeResult result = from_hex(args.arg(0).as_string(), kMaxSafeLength);
    // 3. If result.[[Error]] is not none, throw result.[[Error]].
    if (result.error) return throw_decode_error(ctx, true);
    // 4-7. Return a new Uint8Array holding result.[[Bytes]].
    return new_uint8_array(ctx, result.bytes);
}

// { read, written } (setFromBase64 / setFromHex step 12-15).
Value read_written_result(Context& ctx, uint32_t read, size_t written) {
    Value result = TRY(new_object_with_proto(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype)));
    Atom read_atom = ctx.rt().intern_ascii("read");
    Atom written_atom = ctx.rt().intern_ascii("written");
    if (!read_atom || !written_atom) return ctx.throw_out_of_memory();
    if (!define_fresh_property(ctx, result.as_object(), read_atom, Value::number(read), prop::Default) ||
        !define_fresh_property(ctx, result.as_object(), written_atom,
                               Value::number(static_cast<double>(written)), prop::Default))
        return Exception{};
    return result;
}

// Writes the decoded bytes into `into` (SetUint8ArrayBytes), then throws the decoding error if any,
// else returns { read, written }.
Value finish_set_from(Context& ctx, TypedArrayObject* into, const DecodeResult& result, bool hex) {
    // SetUint8ArrayBytes ( into, bytes ) (#sec-setuint8arraybytes)
    if (!result.bytes.empty()) std::memcpy(into->data(), result.bytes.data(), result.bytes.size());
    // If result.[[Error]] is not none, throw result.[[Error]].
    if (result.error) return throw_decode_error(ctx, hex);
    return read_written_result(ctx, result.read, result.bytes.size());
}

// Uint8Array.prototype.setFromBase64 ( string [ , options ] ) (#sec-uint8array.prototype.setfrombase64)
Value uint8_array_set_from_base64(Context& ctx, const CallArgs& args) {
    // 1-2. Let into be the this value; perform ? ValidateUint8Array(into).
    TypedArrayObject* into = TRY(validate_uint8_array(ctx, args.this_value));
    // (immutable ArrayBuffer) If IsImmutableBuffer(into.[[ViewedArrayBuffer]]) is true, throw a TypeError.
    if (is_immutable_buffer(into->buffer()))
        return ctx.throw_type_error("Uint8Array is backed by an immutable ArrayBuffer");
    // 3. If string is not a String, throw a TypeError exception.
    if (!args.arg(0).is_string())
        return ctx.throw_type_error("Uint8Array.prototype.setFromBase64: argument is not a string");
    // 4-8. opts, alphabet, lastChunkHandling.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Alphabet alphabet = TRY(get_alphabet_option(ctx, opts));
    LastChunkHandling last = TRY(get_last_chunk_handling_option(ctx, opts));
    // 9-10. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(into, seq-cst); if it is out of bounds,
    //       throw a TypeError exception.
    if (is_typed_array_out_of_bounds(into))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    // 11. Let byteLength be TypedArrayLength(taRecord).
    size_t byte_length = typed_array_length(into);
    // 12. Let result be FromBase64(string, alphabet, lastChunkHandling, byteLength).
    DecodeResult result =
        from_base64(args.arg(0).as_string(), alphabet, last, static_cast<double>(byte_length));
    // 13-20. Write the bytes, throw the error if any, return { read, written }.
    return finish_set_from(ctx, into, result, false);
}

// Uint8Array.prototype.setFromHex ( string ) (#sec-uint8array.prototype.setfromhex)
Value uint8_array_set_from_hex(Context& ctx, const CallArgs& args) {
    // 1-2. Let into be the this value; perform ? ValidateUint8Array(into).
    TypedArrayObject* into = TRY(validate_uint8_array(ctx, args.this_value));
    // (immutable ArrayBuffer) If IsImmutableBuffer(into.[[ViewedArrayBuffer]]) is true, throw a TypeError.
    if (is_immutable_buffer(into->buffer()))
        return ctx.throw_type_error("Uint8Array is backed by an immutable ArrayBuffer");
    // 3. If string is not a String, throw a TypeError exception.
    if (!args.arg(0).is_string())
        return ctx.throw_type_error("Uint8Array.prototype.setFromHex: argument is not a string");
    // 4-5. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(into, seq-cst); if it is out of bounds,
    //      throw a TypeError exception.
    if (is_typed_array_out_of_bounds(into))
        return ctx.throw_type_error("TypedArray is detached or out of bounds");
    // 6. Let byteLength be TypedArrayLength(taRecord).
    size_t byte_length = typed_array_length(into);
    // 7. Let result be FromHex(string, byteLength).
    DecodeResult result = from_hex(args.arg(0).as_string(), static_cast<double>(byte_length));
    // 8-16. Write the bytes, throw the error if any, return { read, written }.
    return finish_set_from(ctx, into, result, true);
}

// Uint8Array.prototype.toBase64 ( [ options ] ) (#sec-uint8array.prototype.tobase64)
Value uint8_array_to_base64(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value; perform ? ValidateUint8Array(O).
    TypedArrayObject* o = TRY(validate_uint8_array(ctx, args.this_value));
    // 3. Let opts be ? GetOptionsObject(options).
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    // 4-6. Let alphabet be ? Get(opts, "alphabet") (validated).
    Alphabet alphabet = TRY(get_alphabet_option(ctx, opts));
    // 7. Let omitPadding be ToBoolean(? Get(opts, "omitPadding")).
    Value omit = TRY(get_option(ctx, opts, "omitPadding"));
    bool omit_padding = to_boolean(omit);
    // 8. Let toEncode be ? GetUint8ArrayBytes(O).
    const uint8_t* data;
    size_t length;
    TRY(get_uint8_array_bytes(ctx, o, &data, &length));
    // 9-10. Encode toEncode with the alphabet (padding unless omitPadding).
    const char* table = alphabet == Alphabet::Base64
                            ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                            : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (length / 3 * 4 + 4 > String::kMaxLength) return ctx.throw_range_error("invalid string length");
    std::string out;
    out.reserve((length + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= length; i += 3) {
        uint32_t bits = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        out += table[bits >> 18];
        out += table[(bits >> 12) & 63];
        out += table[(bits >> 6) & 63];
        out += table[bits & 63];
    }
    if (length - i == 1) {
        uint32_t bits = data[i] << 16;
        out += table[bits >> 18];
        out += table[(bits >> 12) & 63];
        if (!omit_padding) out += "==";
    } else if (length - i == 2) {
        uint32_t bits = (data[i] << 16) | (data[i + 1] << 8);
        out += table[bits >> 18];
        out += table[(bits >> 12) & 63];
        out += table[(bits >> 6) & 63];
        if (!omit_padding) out += '=';
    }
    // 11. Return CodePointsToString(outAscii).
    return ctx.new_string(out);
}

// Uint8Array.prototype.toHex ( ) (#sec-uint8array.prototype.tohex)
Value uint8_array_to_hex(Context& ctx, const CallArgs& args) {
    // 1-2. Let O be the this value; perform ? ValidateUint8Array(O).
    TypedArrayObject* o = TRY(validate_uint8_array(ctx, args.this_value));
    // 3. Let toEncode be ? GetUint8ArrayBytes(O).
    const uint8_t* data;
    size_t length;
    TRY(get_uint8_array_bytes(ctx, o, &data, &length));
    if (length * 2 > String::kMaxLength) return ctx.throw_range_error("invalid string length");
    // 4-6. For each byte, append its two lowercase hex digits.
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (size_t i = 0; i < length; i++) {
        out += kDigits[data[i] >> 4];
        out += kDigits[data[i] & 15];
    }
    // 7. Return out.
    return ctx.new_string(out);
}

const FunctionListEntry kUint8ArrayStatic[] = {
    QJS_FUNC("fromBase64", 1, uint8_array_from_base64),
    QJS_FUNC("fromHex", 1, uint8_array_from_hex),
};

const FunctionListEntry kUint8ArrayPrototype[] = {
    QJS_FUNC("setFromBase64", 1, uint8_array_set_from_base64),
    QJS_FUNC("setFromHex", 1, uint8_array_set_from_hex),
    QJS_FUNC("toBase64", 0, uint8_array_to_base64),
    QJS_FUNC("toHex", 0, uint8_array_to_hex),
};

} // namespace

// Builtins.def: the base64 / hex methods of %Uint8Array% and %Uint8Array.prototype%.
bool install_uint8array_base64(Context& ctx) {
    Object* ctor = ctx.intrinsic(typed_array_constructor_intrinsic(TypedArrayType::Uint8));
    Object* proto = ctx.intrinsic(typed_array_prototype_intrinsic(TypedArrayType::Uint8));
    return define_function_list(ctx, ctor, kUint8ArrayStatic) &&
           define_function_list(ctx, proto, kUint8ArrayPrototype);
}

} // namespace qjs
