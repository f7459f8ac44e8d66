#include "api/ScriptRunner.h"

#include "runtime/Context.h"

namespace qjs {

Value run_script_source(Context& ctx, std::string_view, std::string_view, bool) {
    return ctx.throw_error(ErrorType::InternalError, "TODO(compiler)");
}

} // namespace qjs
