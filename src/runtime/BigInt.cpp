// BigInt.cpp: placeholder. No BigInt value can be created yet (the compiler and BigInt() throw
// "TODO(BigInt)"), so these are unreachable until the real implementation lands.
#include "runtime/BigInt.h"

#include "runtime/Context.h"

namespace qjs {

bool bigint_is_zero(const Value&) {
    VERIFY_NOT_REACHED();
}
bool bigint_equals(const Value&, const Value&) {
    VERIFY_NOT_REACHED();
}
bool bigint_equals_number(const Value&, double) {
    VERIFY_NOT_REACHED();
}
Value bigint_to_string(Context& ctx, const Value&, int) {
    return ctx.throw_error(ErrorType::InternalError, "TODO(BigInt)");
}
Value string_to_bigint(Context& ctx, const Value&) {
    return ctx.throw_error(ErrorType::InternalError, "TODO(BigInt)");
}
Value bigint_less_than(Context& ctx, const Value&, const Value&) {
    return ctx.throw_error(ErrorType::InternalError, "TODO(BigInt)");
}

} // namespace qjs
