// The stack-protector symbols that wasi-libc does not provide. Debian builds its wasm32 compiler-rt
// (libclang_rt.builtins-wasm32.a) with -fstack-protector-strong, so its 128-bit division helpers
// (__divti3/__modti3, reached by Temporal's nanosecond arithmetic) reference them; without these
// definitions qjs.wasm does not link.
#include <cstdint>

extern "C" {
uintptr_t __stack_chk_guard = 0x5a17c0de;

[[noreturn]] void __stack_chk_fail(void) {
    __builtin_trap();
}
}
