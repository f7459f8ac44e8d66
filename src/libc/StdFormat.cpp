// StdFormat.cpp: the printf family of std (std.printf, std.sprintf, FILE.prototype.printf): libc
// formats, where integer conversions truncate Numbers and BigInts to 32 bits (64 with `l`) and %c
// takes a code point.
#include "libc/LibcState.h"

#include <cinttypes>
#include <cstring>

namespace qjs::libc {

namespace {

void append_utf8(std::string* out, uint32_t c) {
    if (c < 0x80) {
        out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out->push_back(static_cast<char>(0xc0 | (c >> 6)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
        out->push_back(static_cast<char>(0xe0 | (c >> 12)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else {
        out->push_back(static_cast<char>(0xf0 | ((c >> 18) & 7)));
        out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
        out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
        out->push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
}

// snprintf into `out` with one argument of any type.
template <typename T> void append_formatted(std::string* out, const std::string& spec, T value) {
    char small[64];
    int n = std::snprintf(small, sizeof small, spec.c_str(), value);
    if (n < 0) return;
    if (static_cast<size_t>(n) < sizeof small) {
        out->append(small, static_cast<size_t>(n));
        return;
    }
    std::string big(static_cast<size_t>(n) + 1, '\0');
    std::snprintf(big.data(), big.size(), spec.c_str(), value);
    out->append(big.data(), static_cast<size_t>(n));
}

} // namespace

bool format_printf(JSContext* ctx, int argc, JSValueConst* argv, std::string* out) {
    size_t fmt_len;
    const char* fmt = JS_ToCStringLen(ctx, &fmt_len, argv[0]);
    if (!fmt) return false;
    int next = 1;
    bool ok = true;
    auto take_arg = [&](JSValue* v) {
        if (next >= argc) {
            JS_ThrowReferenceError(ctx, "missing argument for conversion specifier");
            return false;
        }
        *v = argv[next++];
        return true;
    };
    for (size_t i = 0; ok && i < fmt_len;) {
        char c = fmt[i];
        if (c != '%') {
            out->push_back(c);
            ++i;
            continue;
        }
        if (i + 1 < fmt_len && fmt[i + 1] == '%') {
            out->push_back('%');
            i += 2;
            continue;
        }
        std::string spec = "%";
        ++i;
        // Flags, width and precision ('*' takes an argument).
        while (i < fmt_len && std::strchr("-+ #0'", fmt[i]))
            spec.push_back(fmt[i++]);
        for (int part = 0; part < 2 && ok; ++part) {
            if (part == 1) {
                if (i >= fmt_len || fmt[i] != '.') break;
                spec.push_back(fmt[i++]);
            }
            if (i < fmt_len && fmt[i] == '*') {
                JSValue v;
                int32_t n = 0;
                if (!take_arg(&v) || JS_ToInt32(ctx, &n, v) < 0) {
                    ok = false;
                    break;
                }
                spec += std::to_string(n);
                ++i;
            } else {
                while (i < fmt_len && fmt[i] >= '0' && fmt[i] <= '9')
                    spec.push_back(fmt[i++]);
            }
        }
        if (!ok) break;
        bool wide = false;
        if (i < fmt_len && fmt[i] == 'l') {
            wide = true;
            ++i;
        }
        if (i >= fmt_len) {
            JS_ThrowTypeError(ctx, "invalid conversion specifier in format string");
            ok = false;
            break;
        }
        char conv = fmt[i++];
        JSValue v;
        switch (conv) {
        case 'c': {
            int32_t cp;
            if (!take_arg(&v) || JS_ToInt32(ctx, &cp, v) < 0) {
                ok = false;
                break;
            }
            // As in QuickJS, %c ignores width and flags.
            append_utf8(out, static_cast<uint32_t>(cp) > 0x10ffff ? 0xfffd : static_cast<uint32_t>(cp));
            break;
        }
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
            int64_t n;
            if (!take_arg(&v) || JS_ToInt64Ext(ctx, &n, v) < 0) {
                ok = false;
                break;
            }
            bool is_signed = conv == 'd' || conv == 'i';
            if (wide) {
                spec += is_signed ? (conv == 'd' ? PRId64 : PRIi64)
                                  : (conv == 'o'   ? PRIo64
                                     : conv == 'u' ? PRIu64
                                     : conv == 'x' ? PRIx64
                                                   : PRIX64);
                if (is_signed)
                    append_formatted(out, spec, n);
                else
                    append_formatted(out, spec, static_cast<uint64_t>(n));
            } else {
                spec.push_back(conv);
                if (is_signed)
                    append_formatted(out, spec, static_cast<int32_t>(n));
                else
                    append_formatted(out, spec, static_cast<uint32_t>(n));
            }
            break;
        }
        case 's': {
            if (!take_arg(&v)) {
                ok = false;
                break;
            }
            const char* s = JS_ToCString(ctx, v);
            if (!s) {
                ok = false;
                break;
            }
            spec.push_back('s');
            append_formatted(out, spec, s);
            JS_FreeCString(ctx, s);
            break;
        }
        case 'e':
        case 'f':
        case 'g':
        case 'a':
        case 'E':
        case 'F':
        case 'G':
        case 'A': {
            double d;
            if (!take_arg(&v) || JS_ToFloat64(ctx, &d, v) < 0) {
                ok = false;
                break;
            }
            spec.push_back(conv);
            append_formatted(out, spec, d);
            break;
        }
        default:
            JS_ThrowTypeError(ctx, "invalid conversion specifier in format string");
            ok = false;
            break;
        }
    }
    JS_FreeCString(ctx, fmt);
    return ok;
}

} // namespace qjs::libc
