// regexp_fuzzer.cpp: libFuzzer target for the RegExp compiler and matcher. The input's first byte
// picks the flags (one bit each of "dgimsuvy"), then comes the pattern, a NUL byte and the subject
// (without a NUL the pattern is its own subject). The regexp is compiled, then run with exec,
// replace, split and matchAll; the interrupt handler stops catastrophic backtracking. Seeds:
// fuzz/corpus/regexp.
#include "FuzzRuntime.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace {

const char kDriver[] = "(function (p, f, s) {\n"
                       "  const r = new RegExp(p, f);\n"
                       "  r.exec(s); r.lastIndex = 0; r.test(s);\n"
                       "  s.replace(r, '[$1$<n>$&]'); s.split(r, 8); s.search(r);\n"
                       "  if (r.global) [...s.matchAll(r)];\n"
                       "})";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    if (size == 0) return 0;
    JSContext* ctx = engine.begin(1); // about 2.6M backtracking steps at most
    static const char kFlagLetters[] = "dgimsuvy";
    char flags[9];
    size_t n = 0;
    for (int i = 0; i < 8; ++i)
        if (data[0] & (1u << i)) flags[n++] = kFlagLetters[i];
    const char* text = reinterpret_cast<const char*>(data + 1);
    size_t length = size - 1;
    const char* nul = static_cast<const char*>(std::memchr(text, 0, length));
    size_t pattern_length = nul ? static_cast<size_t>(nul - text) : length;
    const char* subject = nul ? nul + 1 : text;
    size_t subject_length = nul ? length - pattern_length - 1 : length;

    JSValue driver = JS_Eval(ctx, kDriver, sizeof kDriver - 1, "<driver>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(driver)) {
        engine.clear_exception();
        return 0;
    }
    JSValue args[3] = {JS_NewStringLen(ctx, text, pattern_length), JS_NewStringLen(ctx, flags, n),
                       JS_NewStringLen(ctx, subject, subject_length)};
    JSValue r = JS_Call(ctx, driver, JS_UNDEFINED, 3, args);
    if (JS_IsException(r)) engine.clear_exception();
    JS_FreeValue(ctx, r);
    for (JSValue& a : args)
        JS_FreeValue(ctx, a);
    JS_FreeValue(ctx, driver);
    return 0;
}
