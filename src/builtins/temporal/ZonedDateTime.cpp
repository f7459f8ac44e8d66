// ZonedDateTime.cpp: Temporal.ZonedDateTime, its constructor and prototype
// (#sec-temporal-zoneddatetime-objects), for UTC and fixed-offset time zones.
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/BigInt.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

namespace {

ZonedDateTimeObject* this_zoned(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<ZonedDateTimeObject>(ctx, args.this_value, ClassId::TemporalZonedDateTime, method);
}

IsoDateTime local_of(const ZonedDateTimeObject* z) {
    return iso_date_time_for(z->m_time_zone, z->epoch_ns());
}

// Temporal.ZonedDateTime ( epochNanoseconds, timeZone [ , calendar ] )
Value zoned_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct())
        return ctx.throw_type_error("Constructor Temporal.ZonedDateTime requires 'new'");
    // 2-3. Let epochNanoseconds be ? ToBigInt(epochNanoseconds); it must be valid.
    Value big = to_bigint(ctx, args.arg(0));
    if (big.is_exception()) return big;
    i128 ns;
    if (!bigint_to_i128(big, &ns) || !is_valid_epoch_ns(ns))
        return ctx.throw_range_error("epoch nanoseconds out of range");
    // 4-8. The time zone identifier.
    Value tz = time_zone_identifier_argument(ctx, args.arg(1));
    if (tz.is_exception()) return tz;
    // 9-11. The calendar.
    TRY(constructor_calendar_argument(ctx, args.arg(2)));
    // 12. Return ? CreateTemporalZonedDateTime(epochNanoseconds, timeZone, calendar, NewTarget).
    return create_zoned_date_time(ctx, ns, tz, args.new_target);
}

// Temporal.ZonedDateTime.from ( item [ , options ] )
Value zoned_from(Context& ctx, const CallArgs& args) {
    ZonedValue z = TRY(to_temporal_zoned_date_time(ctx, args.arg(0), args.arg(1)));
    return create_zoned_date_time(ctx, z.epoch_ns, z.time_zone);
}

// Temporal.ZonedDateTime.compare ( one, two )
Value zoned_compare(Context& ctx, const CallArgs& args) {
    ZonedValue one = TRY(to_temporal_zoned_date_time(ctx, args.arg(0), Value()));
    ZonedValue two = TRY(to_temporal_zoned_date_time(ctx, args.arg(1), Value()));
    return Value::int32(one.epoch_ns < two.epoch_ns ? -1 : one.epoch_ns > two.epoch_ns ? 1 : 0);
}

enum ZonedGetter : int16_t {
    kHour = 100,
    kMinute,
    kSecond,
    kMillisecond,
    kMicrosecond,
    kNanosecond,
    kEpochMs,
    kEpochNs,
    kHoursInDay,
    kOffsetNs,
    kOffset,
    kTimeZoneId,
};

// The getters: magic < 100 is a CalendarField of the wall-clock date.
Value zoned_field(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "field");
    if (!z) return Exception{};
    if (args.magic < 100)
        return calendar_field(ctx, local_of(z).date, static_cast<CalendarField>(args.magic));
    IsoDateTime dt = local_of(z);
    const TimeRecord& t = dt.time;
    switch (args.magic) {
    case kHour: return Value::int32(t.hour);
    case kMinute: return Value::int32(t.minute);
    case kSecond: return Value::int32(t.second);
    case kMillisecond: return Value::int32(t.millisecond);
    case kMicrosecond: return Value::int32(t.microsecond);
    case kNanosecond: return Value::int32(t.nanosecond);
    case kEpochMs: {
        return Value::number(epoch_milliseconds(z->epoch_ns()));
    }
    case kEpochNs: return i128_to_bigint(ctx, z->epoch_ns());
    case kHoursInDay: {
        // The length of the wall-clock day, in hours.
        IsoDate tomorrow;
        balance_iso_date(dt.date.year, dt.date.month, dt.date.day + 1, &tomorrow);
        i128 start = TRY(start_of_day(ctx, z->m_time_zone, dt.date));
        i128 end = TRY(start_of_day(ctx, z->m_time_zone, tomorrow));
        return Value::number(divide_to_double(end - start, 3600000000000LL));
    }
    case kOffsetNs: return Value::number(static_cast<double>(offset_ns_for(z->m_time_zone, z->epoch_ns())));
    case kOffset: {
        TextBuffer b;
        format_offset_ns(b, offset_ns_for(z->m_time_zone, z->epoch_ns()));
        return b.to_value(ctx);
    }
    default: return z->m_time_zone;
    }
}

// Temporal.ZonedDateTime.prototype.with ( temporalZonedDateTimeLike [ , options ] )
Value zoned_with(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "with");
    if (!z) return Exception{};
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    // 5-9. The receiver's fields, including its offset.
    IsoDateTime dt = local_of(z);
    CalendarFields fields = fields_from_date(dt.date);
    fields.hour = dt.time.hour;
    fields.minute = dt.time.minute;
    fields.second = dt.time.second;
    fields.millisecond = dt.time.millisecond;
    fields.microsecond = dt.time.microsecond;
    fields.nanosecond = dt.time.nanosecond;
    fields.has_offset = true;
    fields.offset_ns = offset_ns_for(z->m_time_zone, z->epoch_ns());
    CalendarFields partial;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldDate | kFieldTime | kFieldOffset, true,
                                &partial));
    calendar_merge_fields(fields, partial);
    // 11-14. Options: disambiguation, offset (prefer), overflow.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Disambiguation disambiguation = TRY(get_disambiguation_option(ctx, opts));
    OffsetOption option = TRY(get_offset_option(ctx, opts, OffsetOption::Prefer));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    IsoDateTime r;
    r.date = TRY(calendar_date_from_fields(ctx, fields, FieldsType::Date, overflow));
    r.time = TRY(regulate_time(ctx, fields, overflow));
    i128 ns = TRY(interpret_date_time_offset(ctx, r, OffsetBehaviour::Option, fields.offset_ns,
                                             z->m_time_zone, disambiguation, option, false));
    return create_zoned_date_time(ctx, ns, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.withPlainTime ( [ plainTimeLike ] )
Value zoned_with_plain_time(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "withPlainTime");
    if (!z) return Exception{};
    IsoDateTime dt = local_of(z);
    i128 ns;
    if (args.arg(0).is_undefined())
        ns = TRY(start_of_day(ctx, z->m_time_zone, dt.date));
    else {
        TimeRecord t = TRY(to_temporal_time(ctx, args.arg(0), Value()));
        ns = TRY(epoch_ns_for(ctx, z->m_time_zone, IsoDateTime{dt.date, t}));
    }
    return create_zoned_date_time(ctx, ns, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.withTimeZone ( timeZoneLike )
Value zoned_with_time_zone(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "withTimeZone");
    if (!z) return Exception{};
    Value tz = to_temporal_time_zone_identifier(ctx, args.arg(0));
    if (tz.is_exception()) return tz;
    return create_zoned_date_time(ctx, z->epoch_ns(), tz);
}

// Temporal.ZonedDateTime.prototype.withCalendar ( calendarLike )
Value zoned_with_calendar(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "withCalendar");
    if (!z) return Exception{};
    if (args.arg(0).is_undefined()) return ctx.throw_type_error("calendar is required");
    TRY(to_temporal_calendar_identifier(ctx, args.arg(0)));
    return create_zoned_date_time(ctx, z->epoch_ns(), z->m_time_zone);
}

} // namespace

// AddZonedDateTime ( epochNanoseconds, timeZone, calendar, duration, overflow )
Result<i128> add_zoned_date_time(Context& ctx, i128 ns, const Value& tz, const InternalDuration& d,
                                 Overflow overflow) {
    // 1. If DateDurationSign(duration.[[Date]]) = 0, return ? AddInstant(epochNanoseconds,
    // duration.[[Time]]).
    if (d.date.years == 0 && d.date.months == 0 && d.date.weeks == 0 && d.date.days == 0) {
        i128 r = ns + d.time;
        if (!is_valid_epoch_ns(r)) {
            ctx.throw_range_error("instant out of range");
            return Exception{};
        }
        return r;
    }
    // 2-5. Add the date part to the wall-clock date, keep the wall-clock time.
    IsoDateTime dt = iso_date_time_for(tz, ns);
    IsoDate added = TRY(calendar_date_add(ctx, dt.date, d.date, overflow));
    i128 intermediate = TRY(epoch_ns_for(ctx, tz, IsoDateTime{added, dt.time}));
    // 6. Return ? AddInstant(intermediateNs, duration.[[Time]]).
    i128 r = intermediate + d.time;
    if (!is_valid_epoch_ns(r)) {
        ctx.throw_range_error("instant out of range");
        return Exception{};
    }
    return r;
}

namespace {

// Temporal.ZonedDateTime.prototype.add / subtract: AddDurationToZonedDateTime
Value zoned_add(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, args.magic ? "subtract" : "add");
    if (!z) return Exception{};
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) f = negate_duration(f);
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    i128 ns = TRY(add_zoned_date_time(ctx, z->epoch_ns(), z->m_time_zone, to_internal_duration(f), overflow));
    return create_zoned_date_time(ctx, ns, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.until / since: DifferenceTemporalZonedDateTime
Value zoned_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    ZonedDateTimeObject* z = this_zoned(ctx, args, args.magic ? "since" : "until");
    if (!z) return Exception{};
    ZonedValue other = TRY(to_temporal_zoned_date_time(ctx, args.arg(0), Value()));
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s = TRY(get_difference_settings(ctx, op, opts, UnitGroup::DateTime, Unit::Nanosecond,
                                                       Unit::Nanosecond, Unit::Hour));
    DurationFields r;
    if (!is_date_unit(s.largest_unit)) {
        // 6. Time units: DifferenceInstant.
        i128 diff = TRY(
            round_time_duration(ctx, other.epoch_ns - z->epoch_ns(), s.increment, s.smallest_unit, s.mode));
        r = TRY(duration_from_internal(ctx, InternalDuration{{}, diff}, s.largest_unit));
    } else {
        // 7. Date units need the same time zone.
        if (!time_zone_equals(z->m_time_zone, other.time_zone))
            return ctx.throw_range_error("time zones must be equal to compute a difference in date units");
        if (z->epoch_ns() == other.epoch_ns) return create_duration(ctx, DurationFields{});
        // 9. DifferenceZonedDateTimeWithRounding.
        InternalDuration d =
            TRY(difference_zoned_with_rounding(ctx, z->epoch_ns(), other.epoch_ns, z->m_time_zone,
                                               s.largest_unit, s.increment, s.smallest_unit, s.mode));
        r = TRY(duration_from_internal(ctx, d, Unit::Hour));
    }
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.ZonedDateTime.prototype.round ( roundTo )
Value zoned_round(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "round");
    if (!z) return Exception{};
    const Value& round_to = args.arg(0);
    if (round_to.is_undefined()) return ctx.throw_type_error("round requires an options argument");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, round_to, "smallestUnit", &holder));
    double increment = TRY(get_rounding_increment(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::HalfExpand));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    if (smallest == Unit::Unset) return ctx.throw_range_error("smallestUnit is required");
    if (smallest != Unit::Day) TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    if (smallest == Unit::Day)
        TRY(validate_rounding_increment(ctx, increment, 1, true));
    else
        TRY(validate_rounding_increment(ctx, increment, maximum_rounding_increment(smallest), false));
    // 13. If smallestUnit is nanosecond and roundingIncrement = 1, return a copy.
    if (smallest == Unit::Nanosecond && increment == 1)
        return create_zoned_date_time(ctx, z->epoch_ns(), z->m_time_zone);
    IsoDateTime dt = local_of(z);
    i128 ns;
    if (smallest == Unit::Day) {
        // 16. Round within the day's length.
        IsoDate tomorrow;
        balance_iso_date(dt.date.year, dt.date.month, dt.date.day + 1, &tomorrow);
        i128 start = TRY(start_of_day(ctx, z->m_time_zone, dt.date));
        i128 end = TRY(start_of_day(ctx, z->m_time_zone, tomorrow));
        ns = start + round_to_increment_as_if_positive(z->epoch_ns() - start, end - start, mode);
    } else {
        // 17. Round the wall-clock date-time and keep the offset.
        IsoDateTime r = round_iso_date_time(dt, increment, smallest, mode);
        ns = TRY(interpret_date_time_offset(ctx, r, OffsetBehaviour::Option,
                                            offset_ns_for(z->m_time_zone, z->epoch_ns()), z->m_time_zone,
                                            Disambiguation::Compatible, OffsetOption::Prefer, false));
    }
    return create_zoned_date_time(ctx, ns, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.equals ( other )
Value zoned_equals(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "equals");
    if (!z) return Exception{};
    ZonedValue other = TRY(to_temporal_zoned_date_time(ctx, args.arg(0), Value()));
    return Value::boolean(other.epoch_ns == z->epoch_ns() &&
                          time_zone_equals(z->m_time_zone, other.time_zone));
}

// TemporalZonedDateTimeToString ( zonedDateTime, precision, showCalendar, showTimeZone, showOffset, ... )
Value zoned_string(Context& ctx, const ZonedDateTimeObject* z, int digits, Unit unit, int64_t increment,
                   RoundingMode mode, int show_calendar, int show_time_zone, bool show_offset) {
    // 1-5. Round the epoch time and take the wall-clock date-time.
    i128 ns = round_to_increment_as_if_positive(z->epoch_ns(),
                                                static_cast<i128>(increment) * ns_per_unit(unit), mode);
    if (!is_valid_epoch_ns(ns)) return ctx.throw_range_error("instant out of range");
    int64_t offset = offset_ns_for(z->m_time_zone, ns);
    TextBuffer b;
    format_date_time(b, iso_date_time_from_epoch_ns(ns + offset), digits);
    // 6-8. Offset and time zone annotation.
    if (show_offset) format_offset_rounded(b, offset);
    if (show_time_zone != 1) {
        b.add_char('[');
        if (show_time_zone == 2) b.add_char('!');
        char tz[128];
        if (!string_to_ascii(z->m_time_zone.as_string(), tz, sizeof tz)) tz[0] = 0;
        b.add(tz);
        b.add_char(']');
    }
    // 9. The calendar annotation.
    format_calendar_annotation(b, show_calendar);
    return b.to_value(ctx);
}

// Temporal.ZonedDateTime.prototype.toString ( [ options ] )
Value zoned_to_string(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "toString");
    if (!z) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    // 4-9. calendarName, fractionalSecondDigits, offset, roundingMode, smallestUnit, timeZoneName.
    int show_calendar = TRY(get_show_calendar_option(ctx, opts));
    int digits = TRY(get_fractional_second_digits(ctx, opts));
    static const char* const kOffsetValues[] = {"auto", "never", nullptr};
    int show_offset = TRY(get_string_option(ctx, opts, "offset", kOffsetValues, 0));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::Trunc));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    static const char* const kTimeZoneNameValues[] = {"auto", "never", "critical", nullptr};
    int show_time_zone = TRY(get_string_option(ctx, opts, "timeZoneName", kTimeZoneNameValues, 0));
    // 10-11. Validate smallestUnit.
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    if (smallest == Unit::Hour) return ctx.throw_range_error("smallestUnit must not be hour");
    Precision p = to_seconds_string_precision(smallest, digits);
    return zoned_string(ctx, z, p.digits, p.unit, p.increment, mode, show_calendar, show_time_zone,
                        show_offset == 0);
}

// Temporal.ZonedDateTime.prototype.toJSON ( ) / toLocaleString ( )
Value zoned_to_json(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "toJSON");
    if (!z) return Exception{};
    return zoned_string(ctx, z, -1, Unit::Nanosecond, 1, RoundingMode::Trunc, 0, 0, true);
}

// Temporal.ZonedDateTime.prototype.startOfDay ( )
Value zoned_start_of_day(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "startOfDay");
    if (!z) return Exception{};
    i128 ns = TRY(start_of_day(ctx, z->m_time_zone, local_of(z).date));
    return create_zoned_date_time(ctx, ns, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.getTimeZoneTransition ( directionParam )
Value zoned_get_time_zone_transition(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "getTimeZoneTransition");
    if (!z) return Exception{};
    const Value& param = args.arg(0);
    // 3. If directionParam is undefined, throw a TypeError exception.
    if (param.is_undefined()) return ctx.throw_type_error("getTimeZoneTransition requires a direction");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, param, "direction", &holder));
    // 6. Let direction be ? GetDirectionOption(roundTo): required.
    static const char* const kValues[] = {"next", "previous", nullptr};
    int direction = TRY(get_string_option(ctx, opts, "direction", kValues, -1));
    // 7-8. UTC and offset time zones have no transitions.
    i128 t = TRY(time_zone_transition(ctx, z->m_time_zone, z->epoch_ns(), direction == 0));
    if (t == kNoTransition) return Value::null();
    return create_zoned_date_time(ctx, t, z->m_time_zone);
}

// Temporal.ZonedDateTime.prototype.toInstant / toPlainDate / toPlainTime / toPlainDateTime (magic 0..3)
Value zoned_to_other(Context& ctx, const CallArgs& args) {
    ZonedDateTimeObject* z = this_zoned(ctx, args, "conversion");
    if (!z) return Exception{};
    if (args.magic == 0) return create_instant(ctx, z->epoch_ns());
    IsoDateTime dt = local_of(z);
    if (args.magic == 1) return create_plain_date(ctx, dt.date);
    if (args.magic == 2) return create_plain_time(ctx, dt.time);
    return create_plain_date_time(ctx, dt);
}

const FunctionListEntry kZonedStatics[] = {
    QJS_FUNC("from", 1, zoned_from),
    QJS_FUNC("compare", 2, zoned_compare),
};

#define QJS_ZONED_FIELD(name, field)                                                                         \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, static_cast<int16_t>(field),         \
            zoned_field, nullptr, 0, nullptr                                                                 \
    }

const FunctionListEntry kZonedPrototype[] = {
    QJS_ZONED_FIELD("calendarId", CalendarField::CalendarId),
    QJS_ZONED_FIELD("timeZoneId", kTimeZoneId),
    QJS_ZONED_FIELD("era", CalendarField::Era),
    QJS_ZONED_FIELD("eraYear", CalendarField::EraYear),
    QJS_ZONED_FIELD("year", CalendarField::Year),
    QJS_ZONED_FIELD("month", CalendarField::Month),
    QJS_ZONED_FIELD("monthCode", CalendarField::MonthCode),
    QJS_ZONED_FIELD("day", CalendarField::Day),
    QJS_ZONED_FIELD("hour", kHour),
    QJS_ZONED_FIELD("minute", kMinute),
    QJS_ZONED_FIELD("second", kSecond),
    QJS_ZONED_FIELD("millisecond", kMillisecond),
    QJS_ZONED_FIELD("microsecond", kMicrosecond),
    QJS_ZONED_FIELD("nanosecond", kNanosecond),
    QJS_ZONED_FIELD("epochMilliseconds", kEpochMs),
    QJS_ZONED_FIELD("epochNanoseconds", kEpochNs),
    QJS_ZONED_FIELD("dayOfWeek", CalendarField::DayOfWeek),
    QJS_ZONED_FIELD("dayOfYear", CalendarField::DayOfYear),
    QJS_ZONED_FIELD("weekOfYear", CalendarField::WeekOfYear),
    QJS_ZONED_FIELD("yearOfWeek", CalendarField::YearOfWeek),
    QJS_ZONED_FIELD("hoursInDay", kHoursInDay),
    QJS_ZONED_FIELD("daysInWeek", CalendarField::DaysInWeek),
    QJS_ZONED_FIELD("daysInMonth", CalendarField::DaysInMonth),
    QJS_ZONED_FIELD("daysInYear", CalendarField::DaysInYear),
    QJS_ZONED_FIELD("monthsInYear", CalendarField::MonthsInYear),
    QJS_ZONED_FIELD("inLeapYear", CalendarField::InLeapYear),
    QJS_ZONED_FIELD("offsetNanoseconds", kOffsetNs),
    QJS_ZONED_FIELD("offset", kOffset),
    QJS_FUNC("with", 1, zoned_with),
    QJS_FUNC("withPlainTime", 0, zoned_with_plain_time),
    QJS_FUNC("withTimeZone", 1, zoned_with_time_zone),
    QJS_FUNC("withCalendar", 1, zoned_with_calendar),
    QJS_FUNC_MAGIC("add", 1, zoned_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, zoned_add, 1),
    QJS_FUNC_MAGIC("until", 1, zoned_until, 0),
    QJS_FUNC_MAGIC("since", 1, zoned_until, 1),
    QJS_FUNC("round", 1, zoned_round),
    QJS_FUNC("equals", 1, zoned_equals),
    QJS_FUNC("toString", 0, zoned_to_string),
    QJS_FUNC("toLocaleString", 0, zoned_to_json),
    QJS_FUNC("toJSON", 0, zoned_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("startOfDay", 0, zoned_start_of_day),
    QJS_FUNC("getTimeZoneTransition", 1, zoned_get_time_zone_transition),
    QJS_FUNC_MAGIC("toInstant", 0, zoned_to_other, 0),
    QJS_FUNC_MAGIC("toPlainDate", 0, zoned_to_other, 1),
    QJS_FUNC_MAGIC("toPlainTime", 0, zoned_to_other, 2),
    QJS_FUNC_MAGIC("toPlainDateTime", 0, zoned_to_other, 3),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.ZonedDateTime", prop::Configurable),
};

} // namespace

bool install_temporal_zoned_date_time(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "ZonedDateTime", zoned_constructor, 2,
                                 Intrinsic::TemporalZonedDateTimePrototype, Intrinsic::TemporalZonedDateTime,
                                 kZonedStatics, kZonedPrototype) != nullptr;
}

} // namespace qjs
