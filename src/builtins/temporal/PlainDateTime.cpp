// PlainDateTime.cpp: Temporal.PlainDateTime, its constructor and prototype
// (#sec-temporal-plaindatetime-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"

#include <cmath>

namespace qjs {

// RoundISODateTime ( isoDateTime, increment, unit, roundingMode ) (#sec-temporal-roundisodatetime)
IsoDateTime round_iso_date_time(const IsoDateTime& dt, double increment, Unit unit, RoundingMode mode) {
    i128 rounded =
        round_to_increment(time_to_ns(dt.time), static_cast<i128>(increment) * ns_per_unit(unit), mode);
    TimeRecord t = balance_time_ns(rounded);
    IsoDateTime r;
    balance_iso_date(dt.date.year, dt.date.month, dt.date.day + t.days, &r.date);
    t.days = 0;
    r.time = t;
    return r;
}

// ISODateTimeToString without the calendar annotation.
void format_date_time(TextBuffer& b, const IsoDateTime& dt, int digits) {
    format_date(b, dt.date);
    b.add_char('T');
    format_time(b, dt.time, digits);
}

namespace {

PlainDateTimeObject* this_date_time(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<PlainDateTimeObject>(ctx, args.this_value, ClassId::TemporalPlainDateTime, method);
}

// Temporal.PlainDateTime ( isoYear, isoMonth, isoDay [ , hour [ , minute [ , second [ , millisecond [ ,
// microsecond [ , nanosecond [ , calendar ] ] ] ] ] ] ] )
Value plain_date_time_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct())
        return ctx.throw_type_error("Constructor Temporal.PlainDateTime requires 'new'");
    // 2-10. ToIntegerWithTruncation of each argument (the time ones default to 0).
    double v[9];
    for (int i = 0; i < 9; ++i)
        v[i] = i >= 3 && args.arg(i).is_undefined() ? 0 : TRY(to_integer_with_truncation(ctx, args.arg(i)));
    // 11-13. The calendar.
    TRY(constructor_calendar_argument(ctx, args.arg(9)));
    // 14. If IsValidISODate(isoYear, isoMonth, isoDay) is false, throw a RangeError exception.
    if (!is_valid_iso_date(v[0], v[1], v[2])) return ctx.throw_range_error("invalid date");
    // 16. If IsValidTime(...) is false, throw a RangeError exception.
    if (!is_valid_time(v[3], v[4], v[5], v[6], v[7], v[8])) return ctx.throw_range_error("invalid time");
    IsoDateTime dt;
    dt.date = IsoDate{static_cast<int32_t>(v[0]), static_cast<int32_t>(v[1]), static_cast<int32_t>(v[2])};
    dt.time.hour = static_cast<int32_t>(v[3]);
    dt.time.minute = static_cast<int32_t>(v[4]);
    dt.time.second = static_cast<int32_t>(v[5]);
    dt.time.millisecond = static_cast<int32_t>(v[6]);
    dt.time.microsecond = static_cast<int32_t>(v[7]);
    dt.time.nanosecond = static_cast<int32_t>(v[8]);
    // 18. Return ? CreateTemporalDateTime(isoDateTime, calendar, NewTarget).
    return create_plain_date_time(ctx, dt, args.new_target);
}

// Temporal.PlainDateTime.from ( item [ , options ] )
Value plain_date_time_from(Context& ctx, const CallArgs& args) {
    IsoDateTime dt = TRY(to_temporal_date_time(ctx, args.arg(0), args.arg(1)));
    return create_plain_date_time(ctx, dt);
}

// Temporal.PlainDateTime.compare ( one, two )
Value plain_date_time_compare(Context& ctx, const CallArgs& args) {
    IsoDateTime one = TRY(to_temporal_date_time(ctx, args.arg(0), Value()));
    IsoDateTime two = TRY(to_temporal_date_time(ctx, args.arg(1), Value()));
    return Value::int32(compare_iso_date_time(one, two));
}

// The date getters (magic = CalendarField) and time getters (magic = 100 + index).
Value plain_date_time_field(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "field");
    if (!o) return Exception{};
    if (args.magic >= 100) {
        const TimeRecord& t = o->m_dt.time;
        const int32_t v[] = {t.hour, t.minute, t.second, t.millisecond, t.microsecond, t.nanosecond};
        return Value::int32(v[args.magic - 100]);
    }
    return calendar_field(ctx, o->m_dt.date, static_cast<CalendarField>(args.magic));
}

// Temporal.PlainDateTime.prototype.with ( temporalDateTimeLike [ , options ] )
Value plain_date_time_with(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "with");
    if (!o) return Exception{};
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    // 5-7. Merge the receiver's fields with the partial fields.
    CalendarFields fields = fields_from_date(o->m_dt.date);
    const TimeRecord& t = o->m_dt.time;
    fields.hour = t.hour;
    fields.minute = t.minute;
    fields.second = t.second;
    fields.millisecond = t.millisecond;
    fields.microsecond = t.microsecond;
    fields.nanosecond = t.nanosecond;
    CalendarFields partial;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldDate | kFieldTime, true, &partial));
    calendar_merge_fields(fields, partial);
    // 8-10. InterpretTemporalDateTimeFields with the overflow option.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    IsoDateTime dt;
    dt.date = TRY(calendar_date_from_fields(ctx, fields, FieldsType::Date, overflow));
    dt.time = TRY(regulate_time(ctx, fields, overflow));
    return create_plain_date_time(ctx, dt);
}

// Temporal.PlainDateTime.prototype.withPlainTime ( [ plainTimeLike ] )
Value plain_date_time_with_plain_time(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "withPlainTime");
    if (!o) return Exception{};
    TimeRecord t;
    if (!args.arg(0).is_undefined()) t = TRY(to_temporal_time(ctx, args.arg(0), Value()));
    return create_plain_date_time(ctx, IsoDateTime{o->m_dt.date, t});
}

// Temporal.PlainDateTime.prototype.withCalendar ( calendarLike )
Value plain_date_time_with_calendar(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "withCalendar");
    if (!o) return Exception{};
    if (args.arg(0).is_undefined()) return ctx.throw_type_error("calendar is required");
    TRY(to_temporal_calendar_identifier(ctx, args.arg(0)));
    return create_plain_date_time(ctx, o->m_dt);
}

// Temporal.PlainDateTime.prototype.add / subtract: AddDurationToDateTime
Value plain_date_time_add(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, args.magic ? "subtract" : "add");
    if (!o) return Exception{};
    // 1-2. Let duration be ? ToTemporalDuration(temporalDurationLike), negated for subtract.
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) f = negate_duration(f);
    // 3-4. Read the overflow option.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    // 5-7. Add the time part; its whole days go to the date part.
    InternalDuration internal = to_internal_duration_24h(f);
    TimeRecord t = balance_time_ns(time_to_ns(o->m_dt.time) + internal.time);
    DateDuration dd = internal.date;
    dd.days = static_cast<double>(t.days);
    t.days = 0;
    // 8. Let addedDate be ? CalendarDateAdd(calendar, isoDate, dateDuration, overflow).
    IsoDate date = TRY(calendar_date_add(ctx, o->m_dt.date, dd, overflow));
    return create_plain_date_time(ctx, IsoDateTime{date, t});
}

// Temporal.PlainDateTime.prototype.until / since: DifferenceTemporalPlainDateTime
Value plain_date_time_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    PlainDateTimeObject* o = this_date_time(ctx, args, args.magic ? "since" : "until");
    if (!o) return Exception{};
    // 1. Set other to ? ToTemporalDateTime(other).
    IsoDateTime other = TRY(to_temporal_date_time(ctx, args.arg(0), Value()));
    // 3-4. Read the difference settings.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s = TRY(get_difference_settings(ctx, op, opts, UnitGroup::DateTime, Unit::Nanosecond,
                                                       Unit::Nanosecond, Unit::Day));
    // 5. If the date-times are equal, return a zero duration.
    if (compare_iso_date_time(o->m_dt, other) == 0) return create_duration(ctx, DurationFields{});
    // 6. Let internalDuration be ? DifferencePlainDateTimeWithRounding(...).
    InternalDuration d = TRY(difference_date_time_with_rounding(ctx, o->m_dt, other, s.largest_unit,
                                                                s.increment, s.smallest_unit, s.mode));
    // 7-9. The duration, negated for since.
    DurationFields r = TRY(duration_from_internal(ctx, d, s.largest_unit));
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.PlainDateTime.prototype.round ( roundTo )
Value plain_date_time_round(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "round");
    if (!o) return Exception{};
    const Value& round_to = args.arg(0);
    if (round_to.is_undefined()) return ctx.throw_type_error("round requires an options argument");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, round_to, "smallestUnit", &holder));
    // 6-9. roundingIncrement, roundingMode, smallestUnit (required; time units or day).
    double increment = TRY(get_rounding_increment(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::HalfExpand));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    if (smallest == Unit::Unset) return ctx.throw_range_error("smallestUnit is required");
    if (smallest != Unit::Day) TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    // 10-12. Validate the increment (a day allows only 1).
    if (smallest == Unit::Day)
        TRY(validate_rounding_increment(ctx, increment, 1, true));
    else
        TRY(validate_rounding_increment(ctx, increment, maximum_rounding_increment(smallest), false));
    // 13-14. Round the date-time.
    return create_plain_date_time(ctx, round_iso_date_time(o->m_dt, increment, smallest, mode));
}

// Temporal.PlainDateTime.prototype.equals ( other )
Value plain_date_time_equals(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "equals");
    if (!o) return Exception{};
    IsoDateTime other = TRY(to_temporal_date_time(ctx, args.arg(0), Value()));
    return Value::boolean(compare_iso_date_time(o->m_dt, other) == 0);
}

// Temporal.PlainDateTime.prototype.toString ( [ options ] )
Value plain_date_time_to_string(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "toString");
    if (!o) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    int show = TRY(get_show_calendar_option(ctx, opts));
    ToStringOptions so = TRY(read_to_string_rounding(ctx, opts));
    // 10-11. Round, and check the limits again.
    IsoDateTime r =
        round_iso_date_time(o->m_dt, static_cast<double>(so.precision.increment), so.precision.unit, so.mode);
    if (!iso_date_time_within_limits(r)) return ctx.throw_range_error("date-time out of range");
    TextBuffer b;
    format_date_time(b, r, so.precision.digits);
    format_calendar_annotation(b, show);
    return b.to_value(ctx);
}

// Temporal.PlainDateTime.prototype.toJSON ( ) / toLocaleString ( )
Value plain_date_time_to_json(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "toJSON");
    if (!o) return Exception{};
    TextBuffer b;
    format_date_time(b, o->m_dt, -1);
    return b.to_value(ctx);
}

// Temporal.PlainDateTime.prototype.toPlainDate ( ) / toPlainTime ( ) (magic 0 / 1)
Value plain_date_time_to_plain(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, args.magic ? "toPlainTime" : "toPlainDate");
    if (!o) return Exception{};
    return args.magic ? create_plain_time(ctx, o->m_dt.time) : create_plain_date(ctx, o->m_dt.date);
}

// Temporal.PlainDateTime.prototype.toZonedDateTime ( temporalTimeZoneLike [ , options ] )
Value plain_date_time_to_zoned_date_time(Context& ctx, const CallArgs& args) {
    PlainDateTimeObject* o = this_date_time(ctx, args, "toZonedDateTime");
    if (!o) return Exception{};
    // 3. Let timeZone be ? ToTemporalTimeZoneIdentifier(temporalTimeZoneLike).
    Value tz = to_temporal_time_zone_identifier(ctx, args.arg(0));
    if (tz.is_exception()) return tz;
    // 4-5. Read the disambiguation option.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Disambiguation disambiguation = TRY(get_disambiguation_option(ctx, opts));
    // 6. Let epochNs be ? GetEpochNanosecondsFor(timeZone, isoDateTime, disambiguation).
    i128 ns = TRY(epoch_ns_for(ctx, tz, o->m_dt, disambiguation));
    return create_zoned_date_time(ctx, ns, tz);
}

const FunctionListEntry kPlainDateTimeStatics[] = {
    QJS_FUNC("from", 1, plain_date_time_from),
    QJS_FUNC("compare", 2, plain_date_time_compare),
};

#define QJS_DT_FIELD(name, field)                                                                            \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, static_cast<int16_t>(field),         \
            plain_date_time_field, nullptr, 0, nullptr                                                       \
    }

const FunctionListEntry kPlainDateTimePrototype[] = {
    QJS_DT_FIELD("calendarId", CalendarField::CalendarId),
    QJS_DT_FIELD("era", CalendarField::Era),
    QJS_DT_FIELD("eraYear", CalendarField::EraYear),
    QJS_DT_FIELD("year", CalendarField::Year),
    QJS_DT_FIELD("month", CalendarField::Month),
    QJS_DT_FIELD("monthCode", CalendarField::MonthCode),
    QJS_DT_FIELD("day", CalendarField::Day),
    QJS_DT_FIELD("hour", 100),
    QJS_DT_FIELD("minute", 101),
    QJS_DT_FIELD("second", 102),
    QJS_DT_FIELD("millisecond", 103),
    QJS_DT_FIELD("microsecond", 104),
    QJS_DT_FIELD("nanosecond", 105),
    QJS_DT_FIELD("dayOfWeek", CalendarField::DayOfWeek),
    QJS_DT_FIELD("dayOfYear", CalendarField::DayOfYear),
    QJS_DT_FIELD("weekOfYear", CalendarField::WeekOfYear),
    QJS_DT_FIELD("yearOfWeek", CalendarField::YearOfWeek),
    QJS_DT_FIELD("daysInWeek", CalendarField::DaysInWeek),
    QJS_DT_FIELD("daysInMonth", CalendarField::DaysInMonth),
    QJS_DT_FIELD("daysInYear", CalendarField::DaysInYear),
    QJS_DT_FIELD("monthsInYear", CalendarField::MonthsInYear),
    QJS_DT_FIELD("inLeapYear", CalendarField::InLeapYear),
    QJS_FUNC("with", 1, plain_date_time_with),
    QJS_FUNC("withPlainTime", 0, plain_date_time_with_plain_time),
    QJS_FUNC("withCalendar", 1, plain_date_time_with_calendar),
    QJS_FUNC_MAGIC("add", 1, plain_date_time_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, plain_date_time_add, 1),
    QJS_FUNC_MAGIC("until", 1, plain_date_time_until, 0),
    QJS_FUNC_MAGIC("since", 1, plain_date_time_until, 1),
    QJS_FUNC("round", 1, plain_date_time_round),
    QJS_FUNC("equals", 1, plain_date_time_equals),
    QJS_FUNC("toString", 0, plain_date_time_to_string),
    QJS_FUNC("toJSON", 0, plain_date_time_to_json),
    QJS_FUNC("toLocaleString", 0, plain_date_time_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("toZonedDateTime", 1, plain_date_time_to_zoned_date_time),
    QJS_FUNC_MAGIC("toPlainDate", 0, plain_date_time_to_plain, 0),
    QJS_FUNC_MAGIC("toPlainTime", 0, plain_date_time_to_plain, 1),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.PlainDateTime", prop::Configurable),
};

} // namespace

bool install_temporal_plain_date_time(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "PlainDateTime", plain_date_time_constructor, 3,
                                 Intrinsic::TemporalPlainDateTimePrototype, Intrinsic::TemporalPlainDateTime,
                                 kPlainDateTimeStatics, kPlainDateTimePrototype) != nullptr;
}

} // namespace qjs
