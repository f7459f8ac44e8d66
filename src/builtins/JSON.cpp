// JSON.cpp: the JSON object (ECMA-262 25.5, #sec-json-object).
#include "builtins/JSON.h"

#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/Object.h"

namespace qjs {

namespace {

const FunctionListEntry kJsonFunctions[] = {
    QJS_FUNC("parse", 2, json_parse_native),
    QJS_FUNC("stringify", 3, json_stringify_native),
    QJS_FUNC("rawJSON", 1, json_raw_json_native),
    QJS_FUNC("isRawJSON", 1, json_is_raw_json_native),
    // 25.5.3 JSON [ %Symbol.toStringTag% ] (#sec-json-%symbol.tostringtag%)
    QJS_PROP_STRING("[Symbol.toStringTag]", "JSON", prop::Configurable),
};

} // namespace

// 25.5 The JSON Object (#sec-json-object)
bool install_json(Context& ctx) {
    Value json = new_object(ctx);
    if (json.is_exception()) return false;
    if (!define_function_list(ctx, json.as_object(), kJsonFunctions)) return false;
    ctx.set_intrinsic(Intrinsic::JSON, json.as_object());
    return define_fresh_property(ctx, ctx.global_object(), atoms::JSON, std::move(json),
                                 prop::Writable | prop::Configurable);
}

} // namespace qjs
