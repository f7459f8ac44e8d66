// json_fuzzer.cpp: libFuzzer target for JSON.parse. The input is JSON text; what parses is written
// back with JSON.stringify (and must parse again to an equal text). Seeds: fuzz/corpus/json.
#include "FuzzRuntime.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    JSContext* ctx = engine.begin(300);
    std::string text(reinterpret_cast<const char*>(data), size);
    JSValue v = JS_ParseJSON(ctx, text.c_str(), text.size(), "<fuzz>");
    if (JS_IsException(v)) {
        engine.clear_exception();
        return 0;
    }
    JSValue s = JS_JSONStringify(ctx, v, JS_UNDEFINED, JS_UNDEFINED);
    if (JS_IsException(s)) {
        engine.clear_exception();
    } else if (JS_IsString(s)) {
        // Round trip: stringify(parse(stringify(v))) == stringify(v).
        size_t len = 0;
        const char* out = JS_ToCStringLen(ctx, &len, s);
        if (out) {
            JSValue again = JS_ParseJSON(ctx, out, len, "<fuzz>");
            JSValue s2 = JS_IsException(again) ? JS_EXCEPTION
                                               : JS_JSONStringify(ctx, again, JS_UNDEFINED, JS_UNDEFINED);
            if (JS_IsString(s2)) {
                size_t len2 = 0;
                const char* out2 = JS_ToCStringLen(ctx, &len2, s2);
                if (out2 && (len2 != len || std::memcmp(out, out2, len) != 0)) std::abort();
                JS_FreeCString(ctx, out2);
            } else {
                engine.clear_exception(); // out of memory or an interrupt: not a mismatch
            }
            JS_FreeValue(ctx, s2);
            JS_FreeValue(ctx, again);
            JS_FreeCString(ctx, out);
        } else {
            engine.clear_exception();
        }
    }
    JS_FreeValue(ctx, s);
    JS_FreeValue(ctx, v);
    return 0;
}
