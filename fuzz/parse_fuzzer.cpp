// parse_fuzzer.cpp: libFuzzer target for the lexer, parser and bytecode compiler. The input is source
// text compiled (never run) as a script, or as a module when its first byte is odd; any input must
// give a function or a SyntaxError (or another exception: out of memory, too deep), never a crash,
// a leak or a sanitizer report. Seeds: fuzz/corpus/parse (and fuzz/corpus/run).
#include "FuzzRuntime.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static fuzz::FuzzRuntime engine;
    JSContext* ctx = engine.begin(300);
    int type = size && (data[0] & 1) ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL;
    std::string source(reinterpret_cast<const char*>(data), size); // JS_Eval wants a NUL after the text
    JSValue fn = JS_Eval(ctx, source.c_str(), source.size(), "<fuzz>", type | JS_EVAL_FLAG_COMPILE_ONLY);
    if (JS_IsException(fn)) engine.clear_exception();
    JS_FreeValue(ctx, fn);
    return 0;
}
