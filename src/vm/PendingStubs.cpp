// Temporary: stand-ins for the interpreter stage until it lands (deleted on merge).
#include "gc/Visitor.h"
#include "runtime/Call.h"
#include "runtime/Context.h"

namespace qjs {

void visit_frame(Cell*, EdgeVisitor&) {}
void clear_frame(Cell*) {}
void free_frame(Cell*) {}
Value call_bytecode_function(Context& ctx, Object*, const Value&, std::span<const Value>, const Value&) {
    return ctx.throw_error(ErrorType::InternalError, "TODO(interpreter)");
}

} // namespace qjs
