#include "api/ScriptRunner.h"

#include "bytecode/Compiler.h"
#include "bytecode/FunctionBytecode.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/String.h"
#include "vm/FunctionObject.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace qjs {

// A debugging aid: QJS_DUMP_BYTECODE=1 prints each compiled script's listing on stderr.
void dump_bytecode_if_requested(Runtime& rt, const FunctionBytecode* fb) {
    if (!std::getenv("QJS_DUMP_BYTECODE")) return;
    std::string listing;
    disassemble(rt, fb, listing);
    std::fputs(listing.c_str(), stderr);
}

Value run_script_source(Context& ctx, std::string_view source, std::string_view filename, bool strict,
                        bool* compile_failed) {
    if (compile_failed) *compile_failed = false;
    String* name = String::create_utf8(ctx.rt(), filename.data(), filename.size());
    if (!name) return ctx.throw_out_of_memory();
    Atom file = ctx.rt().intern(name);
    name->unref();
    if (!file) return ctx.throw_out_of_memory();
    Result<FunctionBytecode*> compiled = compile_script(ctx, source.data(), source.size(), file, strict);
    if (compiled.is_exception()) {
        if (compile_failed) *compile_failed = true;
        return Exception{};
    }
    FunctionBytecode* fb = compiled.release_value();
    dump_bytecode_if_requested(ctx.rt(), fb);
    Value closure = new_closure(ctx, fb, nullptr);
    fb->unref();
    if (closure.is_exception()) return Exception{};
    HostCallInProgress host_call(ctx.rt()); // called by natives too (std.evalScript): their call counts
    return call(ctx, closure, Value::object(ctx.global_object()), {});
}

} // namespace qjs
