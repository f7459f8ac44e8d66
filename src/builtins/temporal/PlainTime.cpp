// PlainTime.cpp: Temporal.PlainTime, its constructor and prototype (#sec-temporal-plaintime-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"

#include <cmath>

namespace qjs {

namespace {

PlainTimeObject* this_time(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<PlainTimeObject>(ctx, args.this_value, ClassId::TemporalPlainTime, method);
}

// RoundTime ( time, increment, unit, roundingMode ) (#sec-temporal-roundtime)
TimeRecord round_time(const TimeRecord& t, double increment, Unit unit, RoundingMode mode) {
    i128 rounded = round_to_increment(time_to_ns(t), static_cast<i128>(increment) * ns_per_unit(unit), mode);
    return balance_time_ns(rounded);
}

// Temporal.PlainTime ( [ hour [ , minute [ , second [ , millisecond [ , microsecond [ , nanosecond ] ] ] ] ]
// ] )
Value plain_time_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor Temporal.PlainTime requires 'new'");
    // 2-7. Each argument is ToIntegerWithTruncation, undefined is 0.
    double v[6];
    for (int i = 0; i < 6; ++i)
        v[i] = args.arg(i).is_undefined() ? 0 : TRY(to_integer_with_truncation(ctx, args.arg(i)));
    // 8. If IsValidTime(...) is false, throw a RangeError exception.
    if (!is_valid_time(v[0], v[1], v[2], v[3], v[4], v[5])) return ctx.throw_range_error("invalid time");
    // 9-10. Return ? CreateTemporalTime(time, NewTarget).
    TimeRecord t;
    t.hour = static_cast<int32_t>(v[0]);
    t.minute = static_cast<int32_t>(v[1]);
    t.second = static_cast<int32_t>(v[2]);
    t.millisecond = static_cast<int32_t>(v[3]);
    t.microsecond = static_cast<int32_t>(v[4]);
    t.nanosecond = static_cast<int32_t>(v[5]);
    return create_plain_time(ctx, t, args.new_target);
}

// Temporal.PlainTime.from ( item [ , options ] )
Value plain_time_from(Context& ctx, const CallArgs& args) {
    TimeRecord t = TRY(to_temporal_time(ctx, args.arg(0), args.arg(1)));
    return create_plain_time(ctx, t);
}

// Temporal.PlainTime.compare ( one, two )
Value plain_time_compare(Context& ctx, const CallArgs& args) {
    TimeRecord one = TRY(to_temporal_time(ctx, args.arg(0), Value()));
    TimeRecord two = TRY(to_temporal_time(ctx, args.arg(1), Value()));
    return Value::int32(compare_time(one, two));
}

// get Temporal.PlainTime.prototype.hour .. nanosecond (magic = field index)
Value plain_time_field(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "time field");
    if (!t) return Exception{};
    const int32_t v[] = {t->m_time.hour,        t->m_time.minute,      t->m_time.second,
                         t->m_time.millisecond, t->m_time.microsecond, t->m_time.nanosecond};
    return Value::int32(v[args.magic]);
}

// Temporal.PlainTime.prototype.add / subtract ( temporalDurationLike ): AddDurationToTime
Value plain_time_add(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, args.magic ? "subtract" : "add");
    if (!t) return Exception{};
    // 1-2. Let duration be ? ToTemporalDuration(temporalDurationLike), negated for subtract.
    DurationFields d = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) d = negate_duration(d);
    // 3-4. Add the time part (days wrap around).
    InternalDuration internal = to_internal_duration(d);
    TimeRecord r = balance_time_ns(time_to_ns(t->m_time) + internal.time);
    return create_plain_time(ctx, r);
}

// Temporal.PlainTime.prototype.with ( temporalTimeLike [ , options ] )
Value plain_time_with(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "with");
    if (!t) return Exception{};
    // 3. If temporalTimeLike is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    // 4. Perform ? RejectTemporalLikeObject(temporalTimeLike).
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    // 5. Let partialTime be ? ToTemporalTimeRecord(temporalTimeLike, partial).
    CalendarFields f;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldTime, true, &f));
    // 6-17. Missing fields keep the receiver's values.
    const TimeRecord& cur = t->m_time;
    if (std::isnan(f.hour)) f.hour = cur.hour;
    if (std::isnan(f.minute)) f.minute = cur.minute;
    if (std::isnan(f.second)) f.second = cur.second;
    if (std::isnan(f.millisecond)) f.millisecond = cur.millisecond;
    if (std::isnan(f.microsecond)) f.microsecond = cur.microsecond;
    if (std::isnan(f.nanosecond)) f.nanosecond = cur.nanosecond;
    // 18-20. Read the overflow option and regulate.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    TimeRecord r = TRY(regulate_time(ctx, f, overflow));
    return create_plain_time(ctx, r);
}

// Temporal.PlainTime.prototype.until / since ( other [ , options ] ): DifferenceTemporalPlainTime
Value plain_time_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    PlainTimeObject* t = this_time(ctx, args, args.magic ? "since" : "until");
    if (!t) return Exception{};
    // 1. Set other to ? ToTemporalTime(other).
    TimeRecord other = TRY(to_temporal_time(ctx, args.arg(0), Value()));
    // 2-3. Read the difference settings.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s = TRY(get_difference_settings(ctx, op, opts, UnitGroup::Time, Unit::Nanosecond,
                                                       Unit::Nanosecond, Unit::Hour));
    // 4-5. Let timeDuration be DifferenceTime(...), rounded.
    i128 diff = time_to_ns(other) - time_to_ns(t->m_time);
    diff = TRY(round_time_duration(ctx, diff, s.increment, s.smallest_unit, s.mode));
    // 6-8. The duration in units up to largestUnit, negated for since.
    DurationFields r = TRY(duration_from_internal(ctx, InternalDuration{{}, diff}, s.largest_unit));
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.PlainTime.prototype.round ( roundTo )
Value plain_time_round(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "round");
    if (!t) return Exception{};
    const Value& round_to = args.arg(0);
    // 3. If roundTo is undefined, throw a TypeError exception.
    if (round_to.is_undefined()) return ctx.throw_type_error("round requires an options argument");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, round_to, "smallestUnit", &holder));
    // 6-9. roundingIncrement, roundingMode, smallestUnit (required, a time unit).
    double increment = TRY(get_rounding_increment(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::HalfExpand));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    if (smallest == Unit::Unset) return ctx.throw_range_error("smallestUnit is required");
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    // 10-11. Validate the increment against the next larger unit.
    TRY(validate_rounding_increment(ctx, increment, maximum_rounding_increment(smallest), false));
    // 12. Let result be RoundTime(temporalTime.[[Time]], roundingIncrement, smallestUnit, roundingMode).
    return create_plain_time(ctx, round_time(t->m_time, increment, smallest, mode));
}

// Temporal.PlainTime.prototype.equals ( other )
Value plain_time_equals(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "equals");
    if (!t) return Exception{};
    TimeRecord other = TRY(to_temporal_time(ctx, args.arg(0), Value()));
    return Value::boolean(compare_time(t->m_time, other) == 0);
}

// Temporal.PlainTime.prototype.toString ( [ options ] )
Value plain_time_to_string(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "toString");
    if (!t) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    ToStringOptions o = TRY(read_to_string_rounding(ctx, opts));
    // 10. Let roundResult be RoundTime(temporalTime.[[Time]], increment, unit, roundingMode).
    TimeRecord r =
        round_time(t->m_time, static_cast<double>(o.precision.increment), o.precision.unit, o.mode);
    TextBuffer b;
    format_time(b, r, o.precision.digits);
    return b.to_value(ctx);
}

// Temporal.PlainTime.prototype.toJSON ( ) / toLocaleString ( )
Value plain_time_to_json(Context& ctx, const CallArgs& args) {
    PlainTimeObject* t = this_time(ctx, args, "toJSON");
    if (!t) return Exception{};
    TextBuffer b;
    format_time(b, t->m_time, -1);
    return b.to_value(ctx);
}

const FunctionListEntry kPlainTimeStatics[] = {
    QJS_FUNC("from", 1, plain_time_from),
    QJS_FUNC("compare", 2, plain_time_compare),
};

#define QJS_TIME_FIELD(name, i)                                                                              \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, i, plain_time_field, nullptr, 0,     \
            nullptr                                                                                          \
    }

const FunctionListEntry kPlainTimePrototype[] = {
    QJS_TIME_FIELD("hour", 0),
    QJS_TIME_FIELD("minute", 1),
    QJS_TIME_FIELD("second", 2),
    QJS_TIME_FIELD("millisecond", 3),
    QJS_TIME_FIELD("microsecond", 4),
    QJS_TIME_FIELD("nanosecond", 5),
    QJS_FUNC_MAGIC("add", 1, plain_time_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, plain_time_add, 1),
    QJS_FUNC("with", 1, plain_time_with),
    QJS_FUNC_MAGIC("until", 1, plain_time_until, 0),
    QJS_FUNC_MAGIC("since", 1, plain_time_until, 1),
    QJS_FUNC("round", 1, plain_time_round),
    QJS_FUNC("equals", 1, plain_time_equals),
    QJS_FUNC("toString", 0, plain_time_to_string),
    QJS_FUNC("toJSON", 0, plain_time_to_json),
    QJS_FUNC("toLocaleString", 0, plain_time_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.PlainTime", prop::Configurable),
};

} // namespace

bool install_temporal_plain_time(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "PlainTime", plain_time_constructor, 0,
                                 Intrinsic::TemporalPlainTimePrototype, Intrinsic::TemporalPlainTime,
                                 kPlainTimeStatics, kPlainTimePrototype) != nullptr;
}

} // namespace qjs
