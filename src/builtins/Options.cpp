// Options.cpp: GetOptionsObject and option reads (see Options.h).
#include "builtins/Options.h"

#include "runtime/Context.h"

namespace qjs {

// GetOptionsObject ( options ) (#sec-getoptionsobject)
Result<Object*> get_options_object(Context& ctx, const Value& options) {
    // 1. If options is undefined, return OrdinaryObjectCreate(null).
    if (options.is_undefined()) return static_cast<Object*>(nullptr);
    // 2. If options is an Object, return options.
    if (options.is_object()) return options.as_object();
    // 3. Throw a TypeError exception.
    ctx.throw_type_error("options must be an object");
    return Exception{};
}

Value get_option(Context& ctx, Object* opts, const char* name) {
    if (!opts) return Value();
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) return ctx.throw_out_of_memory();
    return get(ctx, opts, a);
}

} // namespace qjs
