// Temporal.cpp: the Temporal namespace object (#sec-temporal-objects) and its installation.
#include "builtins/temporal/Temporal.h"

#include "builtins/Builtins.h"
#include "runtime/Context.h"

namespace qjs {

namespace {

const FunctionListEntry kTemporalNamespace[] = {
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal", prop::Configurable),
};

} // namespace

// Builtins.def: the Temporal namespace with its constructors and Temporal.Now.
bool install_temporal(Context& ctx) {
    register_temporal_hooks();
    Object* ns = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!ns) return false;
    Value hold = Value::adopt(Tag::Object, ns);
    if (!define_function_list(ctx, ns, kTemporalNamespace)) return false;
    Atom name = ctx.rt().intern_ascii("Temporal");
    if (!name) return false;
    if (put_own_data(ctx, ctx.global_object(), name, hold, prop::Writable | prop::Configurable)
            .is_exception())
        return false;
    return install_temporal_duration(ctx, ns) && install_temporal_plain_time(ctx, ns) &&
           install_temporal_plain_date(ctx, ns) && install_temporal_plain_date_time(ctx, ns) &&
           install_temporal_plain_year_month(ctx, ns) && install_temporal_plain_month_day(ctx, ns) &&
           install_temporal_instant(ctx, ns) && install_temporal_zoned_date_time(ctx, ns) &&
           install_temporal_now(ctx, ns);
}

} // namespace qjs
