// IteratorPrototype.cpp: %Iterator.prototype% (spec 27.1.4) and the Iterator constructor (27.1.3).
#include "builtins/Builtins.h"
#include "runtime/Context.h"
#include "runtime/NativeFunction.h"
#include "runtime/Object.h"

namespace qjs {

// 27.1.4.13 %Iterator.prototype% [ %Symbol.iterator% ] ( ) (#sec-%iterator.prototype%-%symbol.iterator%)
static Value iterator_proto_iterator(Context&, const CallArgs& args) {
    // 1. Return the this value.
    return args.this_value;
}

static const FunctionListEntry iterator_prototype_functions[] = {
    QJS_FUNC("[Symbol.iterator]", 0, iterator_proto_iterator),
};

bool install_iterator(Context& ctx) {
    // 27.1.4 The %Iterator.prototype% Object: an ordinary object inheriting from %Object.prototype%.
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    Value proto_value = Value::adopt(Tag::Object, proto);
    ctx.set_intrinsic(Intrinsic::IteratorPrototype, proto);
    return define_function_list(ctx, proto, iterator_prototype_functions);
}

} // namespace qjs
