// Instant.cpp: Temporal.Instant, its constructor and prototype (#sec-temporal-instant-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/PrimitiveWrapper.h"

#include <cmath>

namespace qjs {

namespace {

InstantObject* this_instant(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<InstantObject>(ctx, args.this_value, ClassId::TemporalInstant, method);
}

// ToBigInt + IsValidEpochNanoseconds.
Result<i128> epoch_ns_argument(Context& ctx, const Value& v) {
    Value big = to_bigint(ctx, v);
    if (big.is_exception()) return Exception{};
    i128 ns;
    if (!bigint_to_i128(big, &ns) || !is_valid_epoch_ns(ns)) {
        ctx.throw_range_error("epoch nanoseconds out of range");
        return Exception{};
    }
    return ns;
}

// Temporal.Instant ( epochNanoseconds )
Value instant_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor Temporal.Instant requires 'new'");
    // 2-3. Let epochNanoseconds be ? ToBigInt(epochNanoseconds); it must be valid.
    i128 ns = TRY(epoch_ns_argument(ctx, args.arg(0)));
    // 4. Return ? CreateTemporalInstant(epochNanoseconds, NewTarget).
    return create_instant(ctx, ns, args.new_target);
}

// Temporal.Instant.from ( item )
Value instant_from(Context& ctx, const CallArgs& args) {
    i128 ns = TRY(to_temporal_instant(ctx, args.arg(0)));
    return create_instant(ctx, ns);
}

// Temporal.Instant.fromEpochMilliseconds ( epochMilliseconds )
Value instant_from_epoch_milliseconds(Context& ctx, const CallArgs& args) {
    // 1. Set epochMilliseconds to ? ToNumber(epochMilliseconds).
    double ms = TRY(to_number(ctx, args.arg(0)));
    // 2. Set epochMilliseconds to ? NumberToBigInt(epochMilliseconds).
    if (!std::isfinite(ms) || std::trunc(ms) != ms)
        return ctx.throw_range_error("epochMilliseconds must be an integer");
    // 3-4. epochNanoseconds = epochMilliseconds × 10^6, which must be valid.
    if (std::fabs(ms) > 8.64e15) return ctx.throw_range_error("epochMilliseconds out of range");
    return create_instant(ctx, static_cast<i128>(ms) * 1000000);
}

// Temporal.Instant.fromEpochNanoseconds ( epochNanoseconds )
Value instant_from_epoch_nanoseconds(Context& ctx, const CallArgs& args) {
    i128 ns = TRY(epoch_ns_argument(ctx, args.arg(0)));
    return create_instant(ctx, ns);
}

// Temporal.Instant.compare ( one, two )
Value instant_compare(Context& ctx, const CallArgs& args) {
    i128 one = TRY(to_temporal_instant(ctx, args.arg(0)));
    i128 two = TRY(to_temporal_instant(ctx, args.arg(1)));
    return Value::int32(one < two ? -1 : one > two ? 1 : 0);
}

// get Temporal.Instant.prototype.epochMilliseconds / epochNanoseconds (magic 0 / 1)
Value instant_epoch(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, args.magic ? "epochNanoseconds" : "epochMilliseconds");
    if (!i) return Exception{};
    if (args.magic) return i128_to_bigint(ctx, i->epoch_ns());
    // floor(ns / 10^6)
    return Value::number(epoch_milliseconds(i->epoch_ns()));
}

// Temporal.Instant.prototype.add / subtract ( temporalDurationLike ): AddDurationToInstant
Value instant_add(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, args.magic ? "subtract" : "add");
    if (!i) return Exception{};
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) f = negate_duration(f);
    // 3-4. Date units are not allowed.
    if (is_date_unit(default_largest_unit(f)))
        return ctx.throw_range_error("cannot add date units to an Instant");
    // 5-6. AddInstant(epochNanoseconds, internalDuration.[[Time]]).
    InternalDuration d = to_internal_duration_24h(f);
    return create_instant(ctx, i->epoch_ns() + d.time);
}

// Temporal.Instant.prototype.until / since: DifferenceTemporalInstant
Value instant_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    InstantObject* i = this_instant(ctx, args, args.magic ? "since" : "until");
    if (!i) return Exception{};
    i128 other = TRY(to_temporal_instant(ctx, args.arg(0)));
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s = TRY(get_difference_settings(ctx, op, opts, UnitGroup::Time, Unit::Nanosecond,
                                                       Unit::Nanosecond, Unit::Second));
    // DifferenceInstant: RoundTimeDuration(ns2 - ns1, ...).
    i128 diff = TRY(round_time_duration(ctx, other - i->epoch_ns(), s.increment, s.smallest_unit, s.mode));
    DurationFields r = TRY(duration_from_internal(ctx, InternalDuration{{}, diff}, s.largest_unit));
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.Instant.prototype.round ( roundTo )
Value instant_round(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, "round");
    if (!i) return Exception{};
    const Value& round_to = args.arg(0);
    if (round_to.is_undefined()) return ctx.throw_type_error("round requires an options argument");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, round_to, "smallestUnit", &holder));
    double increment = TRY(get_rounding_increment(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::HalfExpand));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    if (smallest == Unit::Unset) return ctx.throw_range_error("smallestUnit is required");
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    // 10-16. The maximum is the number of units in a day (inclusive).
    double maximum = static_cast<double>(kNsPerDay / ns_per_unit(smallest));
    TRY(validate_rounding_increment(ctx, increment, maximum, true));
    i128 r = round_to_increment_as_if_positive(i->epoch_ns(),
                                               static_cast<i128>(increment) * ns_per_unit(smallest), mode);
    return create_instant(ctx, r);
}

// Temporal.Instant.prototype.equals ( other )
Value instant_equals(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, "equals");
    if (!i) return Exception{};
    i128 other = TRY(to_temporal_instant(ctx, args.arg(0)));
    return Value::boolean(other == i->epoch_ns());
}

// TemporalInstantToString ( instant, timeZone, precision )
Value instant_to_string_value(Context& ctx, i128 ns, const Value& time_zone, int digits) {
    int64_t offset = time_zone.is_undefined() ? 0 : offset_ns_for(time_zone, ns);
    IsoDateTime dt = iso_date_time_from_epoch_ns(ns + offset);
    TextBuffer b;
    format_date_time(b, dt, digits);
    if (time_zone.is_undefined())
        b.add_char('Z');
    else
        format_offset_rounded(b, offset);
    return b.to_value(ctx);
}

// Temporal.Instant.prototype.toString ( [ options ] )
Value instant_to_string(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, "toString");
    if (!i) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    // 5-8. fractionalSecondDigits, roundingMode, smallestUnit, timeZone.
    int digits = TRY(get_fractional_second_digits(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::Trunc));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    Value time_zone = get_option(ctx, opts, "timeZone");
    if (time_zone.is_exception()) return time_zone;
    // 9-11. Validate.
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    if (smallest == Unit::Hour) return ctx.throw_range_error("smallestUnit must not be hour");
    if (!time_zone.is_undefined()) {
        time_zone = to_temporal_time_zone_identifier(ctx, time_zone);
        if (time_zone.is_exception()) return time_zone;
    }
    // 12-14. Round the instant.
    Precision p = to_seconds_string_precision(smallest, digits);
    i128 r = round_to_increment_as_if_positive(i->epoch_ns(),
                                               static_cast<i128>(p.increment) * ns_per_unit(p.unit), mode);
    if (!is_valid_epoch_ns(r)) return ctx.throw_range_error("instant out of range");
    return instant_to_string_value(ctx, r, time_zone, p.digits);
}

// Temporal.Instant.prototype.toJSON ( ) / toLocaleString ( )
Value instant_to_json(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, "toJSON");
    if (!i) return Exception{};
    return instant_to_string_value(ctx, i->epoch_ns(), Value(), -1);
}

// Temporal.Instant.prototype.toZonedDateTimeISO ( timeZone )
Value instant_to_zoned_date_time_iso(Context& ctx, const CallArgs& args) {
    InstantObject* i = this_instant(ctx, args, "toZonedDateTimeISO");
    if (!i) return Exception{};
    Value tz = to_temporal_time_zone_identifier(ctx, args.arg(0));
    if (tz.is_exception()) return tz;
    return create_zoned_date_time(ctx, i->epoch_ns(), tz);
}

// Date.prototype.toTemporalInstant ( ) (#sec-date.prototype.totemporalinstant)
Value date_to_temporal_instant(Context& ctx, const CallArgs& args) {
    // 1-2. Let t be ? thisTimeValue(this value).
    const Value* t = primitive_of(args.this_value, ClassId::Date);
    if (!t) return ctx.throw_type_error("Date.prototype.toTemporalInstant called on incompatible receiver");
    // 3. If t is NaN, throw a RangeError exception.
    double ms = t->as_number();
    if (std::isnan(ms)) return ctx.throw_range_error("invalid Date");
    // 4-5. Return ! CreateTemporalInstant(t × 10^6).
    return create_instant(ctx, static_cast<i128>(ms) * 1000000);
}

const FunctionListEntry kDateToTemporalInstant[] = {
    QJS_FUNC("toTemporalInstant", 0, date_to_temporal_instant),
};

const FunctionListEntry kInstantStatics[] = {
    QJS_FUNC("from", 1, instant_from),
    QJS_FUNC("fromEpochMilliseconds", 1, instant_from_epoch_milliseconds),
    QJS_FUNC("fromEpochNanoseconds", 1, instant_from_epoch_nanoseconds),
    QJS_FUNC("compare", 2, instant_compare),
};

const FunctionListEntry kInstantPrototype[] = {
    {"epochMilliseconds", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, 0, instant_epoch, nullptr,
     0, nullptr},
    {"epochNanoseconds", FunctionListEntry::Kind::Accessor, prop::Configurable, 0, 1, instant_epoch, nullptr,
     0, nullptr},
    QJS_FUNC_MAGIC("add", 1, instant_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, instant_add, 1),
    QJS_FUNC_MAGIC("until", 1, instant_until, 0),
    QJS_FUNC_MAGIC("since", 1, instant_until, 1),
    QJS_FUNC("round", 1, instant_round),
    QJS_FUNC("equals", 1, instant_equals),
    QJS_FUNC("toString", 0, instant_to_string),
    QJS_FUNC("toJSON", 0, instant_to_json),
    QJS_FUNC("toLocaleString", 0, instant_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("toZonedDateTimeISO", 1, instant_to_zoned_date_time_iso),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.Instant", prop::Configurable),
};

} // namespace

bool install_temporal_instant(Context& ctx, Object* ns) {
    if (!install_temporal_type(ctx, ns, "Instant", instant_constructor, 1,
                               Intrinsic::TemporalInstantPrototype, Intrinsic::TemporalInstant,
                               kInstantStatics, kInstantPrototype))
        return false;
    return define_function_list(ctx, ctx.intrinsic(Intrinsic::DatePrototype), kDateToTemporalInstant);
}

} // namespace qjs
