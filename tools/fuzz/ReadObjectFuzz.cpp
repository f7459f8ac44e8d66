// ReadObjectFuzz.cpp: a libFuzzer target for JS_ReadObject (bytecode images of scripts and modules,
// and binary JSON values). Any input must give a value or an exception, never a crash, a leak or a
// sanitizer report; what loads is also run through JS_WriteObject again. Built with
// -DQJS_FUZZ=ON and clang: `build-fuzz/fuzz_read_object corpus/` (seed the corpus with qjsc -c output
// or JS_WriteObject bytes).
#include "quickjs.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    JSRuntime* rt = JS_NewRuntime();
    JS_SetMemoryLimit(rt, 64 << 20);
    JSContext* ctx = JS_NewContext(rt);
    int flags = JS_READ_OBJ_BYTECODE | JS_READ_OBJ_REFERENCE;
    JSValue v = JS_ReadObject(ctx, data, size, flags);
    if (JS_IsException(v)) {
        JS_FreeValue(ctx, JS_GetException(ctx));
    } else {
        size_t out_size;
        uint8_t* out = JS_WriteObject(ctx, &out_size, v, JS_WRITE_OBJ_BYTECODE | JS_WRITE_OBJ_REFERENCE);
        if (out)
            js_free(ctx, out);
        else
            JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, v);
    }
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    return 0;
}

#ifdef QJS_FUZZ_STANDALONE
// Without libFuzzer: runs the target on each file named on the command line (a corpus replay).
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        FILE* f = std::fopen(argv[i], "rb");
        if (!f) continue;
        std::vector<uint8_t> bytes;
        int c;
        while ((c = std::fgetc(f)) != EOF)
            bytes.push_back(static_cast<uint8_t>(c));
        std::fclose(f);
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    }
    return 0;
}
#endif
