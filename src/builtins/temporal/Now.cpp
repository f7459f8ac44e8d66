// Now.cpp: the Temporal.Now namespace (#sec-temporal-now-object). The system time zone comes from TZ or
// /etc/localtime (UTC when neither names an available zone).
#include "builtins/temporal/Temporal.h"

#include "builtins/temporal/TzDatabase.h"
#include "runtime/Context.h"

#include <ctime>

namespace qjs {

namespace {

// SystemUTCEpochNanoseconds (#sec-temporal-systemutcepochnanoseconds)
i128 system_epoch_ns() {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<i128>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// SystemTimeZoneIdentifier (#sec-temporal-systemtimezoneidentifier)
Value system_time_zone(Context& ctx) {
    char name[128];
    if (!system_time_zone_name(name, sizeof name)) return ctx.new_string("UTC");
    Value v = ctx.new_string(name);
    if (v.is_exception()) return v;
    // The name as ToTemporalTimeZoneIdentifier spells it (UTC aliases, case).
    Value tz = to_temporal_time_zone_identifier(ctx, v);
    if (tz.is_exception()) {
        Value dropped = ctx.rt().take_exception(); // an unavailable zone falls back to UTC
        return ctx.new_string("UTC");
    }
    return tz;
}

// The time zone argument of the Temporal.Now functions: undefined is the system time zone.
Value now_time_zone_argument(Context& ctx, const Value& v) {
    return v.is_undefined() ? system_time_zone(ctx) : to_temporal_time_zone_identifier(ctx, v);
}

// SystemDateTime ( temporalTimeZoneLike ): the wall-clock date-time in the given (or system) time zone.
Result<IsoDateTime> system_date_time(Context& ctx, const Value& time_zone_like) {
    Value tz = now_time_zone_argument(ctx, time_zone_like);
    if (tz.is_exception()) return Exception{};
    i128 ns = system_epoch_ns();
    return iso_date_time_from_epoch_ns(ns + offset_ns_for(tz, ns));
}

// Temporal.Now.instant ( )
Value now_instant(Context& ctx, const CallArgs&) {
    return create_instant(ctx, system_epoch_ns());
}

// Temporal.Now.timeZoneId ( )
Value now_time_zone_id(Context& ctx, const CallArgs&) {
    return system_time_zone(ctx);
}

// Temporal.Now.plainDateTimeISO / plainDateISO / plainTimeISO ( [ temporalTimeZoneLike ] ) (magic 0 / 1 / 2)
Value now_plain(Context& ctx, const CallArgs& args) {
    IsoDateTime dt = TRY(system_date_time(ctx, args.arg(0)));
    if (args.magic == 1) return create_plain_date(ctx, dt.date);
    if (args.magic == 2) return create_plain_time(ctx, dt.time);
    return create_plain_date_time(ctx, dt);
}

// Temporal.Now.zonedDateTimeISO ( [ temporalTimeZoneLike ] )
Value now_zoned_date_time(Context& ctx, const CallArgs& args) {
    Value tz = now_time_zone_argument(ctx, args.arg(0));
    if (tz.is_exception()) return tz;
    return create_zoned_date_time(ctx, system_epoch_ns(), tz);
}

const FunctionListEntry kNow[] = {
    QJS_FUNC("instant", 0, now_instant),
    QJS_FUNC("timeZoneId", 0, now_time_zone_id),
    QJS_FUNC_MAGIC("plainDateTimeISO", 0, now_plain, 0),
    QJS_FUNC_MAGIC("plainDateISO", 0, now_plain, 1),
    QJS_FUNC_MAGIC("plainTimeISO", 0, now_plain, 2),
    QJS_FUNC("zonedDateTimeISO", 0, now_zoned_date_time),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.Now", prop::Configurable),
};

} // namespace

bool install_temporal_now(Context& ctx, Object* ns) {
    Object* now = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!now) return false;
    Value hold = Value::adopt(Tag::Object, now);
    if (!define_function_list(ctx, now, kNow)) return false;
    Atom name = ctx.rt().intern_ascii("Now");
    if (!name) return false;
    return !put_own_data(ctx, ns, name, hold, prop::Writable | prop::Configurable).is_exception();
}

} // namespace qjs
