// bytecode_fuzzer.cpp: libFuzzer target for JS_ReadObject (bytecode images of scripts and modules,
// and binary JSON values; src/snapshot/BytecodeImage and its validator). Any input must give a value
// or an exception, never a crash, a leak or a sanitizer report; what loads is written again with
// JS_WriteObject. Nothing loaded is run. Seeds: `snapshot_corpus SNAPSHOT-DIR BYTECODE-DIR` writes
// images of representative programs with the current build (fuzz/run.sh does), and fuzz/corpus/bytecode.
#include "FuzzRuntime.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    JSContext* ctx = engine.begin(300);
    JSValue v = JS_ReadObject(ctx, data, size, JS_READ_OBJ_BYTECODE | JS_READ_OBJ_REFERENCE);
    if (JS_IsException(v)) {
        engine.clear_exception();
        return 0;
    }
    size_t out_size;
    uint8_t* out = JS_WriteObject(ctx, &out_size, v, JS_WRITE_OBJ_BYTECODE | JS_WRITE_OBJ_REFERENCE);
    if (out)
        js_free(ctx, out);
    else
        engine.clear_exception();
    JS_FreeValue(ctx, v);
    return 0;
}
