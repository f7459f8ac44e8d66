// PlainDate.cpp: Temporal.PlainDate, its constructor and prototype (#sec-temporal-plaindate-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <cmath>

namespace qjs {

namespace {

PlainDateObject* this_date(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<PlainDateObject>(ctx, args.this_value, ClassId::TemporalPlainDate, method);
}

} // namespace

// The calendar argument of the Plain* constructors: undefined is iso8601, else a String naming a
// supported calendar (CanonicalizeCalendar).
Result<void> constructor_calendar_argument(Context& ctx, const Value& v) {
    if (v.is_undefined()) return {};
    if (!v.is_string()) {
        ctx.throw_type_error("calendar must be a string");
        return Exception{};
    }
    char buf[32];
    if (!string_to_ascii(v.as_string(), buf, sizeof buf)) buf[0] = '?', buf[1] = 0;
    return check_calendar_name(ctx, buf[0] ? buf : "?");
}

// The date getters shared with PlainDateTime: magic is the CalendarField.
Value plain_date_field(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "date field");
    if (!d) return Exception{};
    return calendar_field(ctx, d->m_date, static_cast<CalendarField>(args.magic));
}

namespace {

// Temporal.PlainDate ( isoYear, isoMonth, isoDay [ , calendar ] )
Value plain_date_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor Temporal.PlainDate requires 'new'");
    // 2-4. Let y, m, d be ? ToIntegerWithTruncation(isoYear / isoMonth / isoDay).
    double y = TRY(to_integer_with_truncation(ctx, args.arg(0)));
    double m = TRY(to_integer_with_truncation(ctx, args.arg(1)));
    double d = TRY(to_integer_with_truncation(ctx, args.arg(2)));
    // 5-7. The calendar.
    TRY(constructor_calendar_argument(ctx, args.arg(3)));
    // 8. If IsValidISODate(y, m, d) is false, throw a RangeError exception.
    if (!is_valid_iso_date(y, m, d)) return ctx.throw_range_error("invalid date");
    // 9-10. Return ? CreateTemporalDate(isoDate, calendar, NewTarget).
    return create_plain_date(
        ctx, IsoDate{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(d)},
        args.new_target);
}

// Temporal.PlainDate.from ( item [ , options ] )
Value plain_date_from(Context& ctx, const CallArgs& args) {
    IsoDate d = TRY(to_temporal_date(ctx, args.arg(0), args.arg(1)));
    return create_plain_date(ctx, d);
}

// Temporal.PlainDate.compare ( one, two )
Value plain_date_compare(Context& ctx, const CallArgs& args) {
    IsoDate one = TRY(to_temporal_date(ctx, args.arg(0), Value()));
    IsoDate two = TRY(to_temporal_date(ctx, args.arg(1), Value()));
    return Value::int32(compare_iso_date(one, two));
}

// Temporal.PlainDate.prototype.toPlainYearMonth ( ) / toPlainMonthDay ( ) (magic 0 / 1)
Value plain_date_to_year_month(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, args.magic ? "toPlainMonthDay" : "toPlainYearMonth");
    if (!d) return Exception{};
    if (args.magic) return create_plain_month_day(ctx, IsoDate{1972, d->m_date.month, d->m_date.day});
    return create_plain_year_month(ctx, IsoDate{d->m_date.year, d->m_date.month, 1});
}

// Temporal.PlainDate.prototype.toPlainDateTime ( [ temporalTime ] )
Value plain_date_to_date_time(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "toPlainDateTime");
    if (!d) return Exception{};
    // 3. Let time be ? ToTimeRecordOrMidnight(temporalTime).
    TimeRecord t;
    if (!args.arg(0).is_undefined()) t = TRY(to_temporal_time(ctx, args.arg(0), Value()));
    return create_plain_date_time(ctx, IsoDateTime{d->m_date, t});
}

// Temporal.PlainDate.prototype.add / subtract ( temporalDurationLike [ , options ] ): AddDurationToDate
Value plain_date_add(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, args.magic ? "subtract" : "add");
    if (!d) return Exception{};
    // 2-3. Let duration be ? ToTemporalDuration(temporalDurationLike), negated for subtract.
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) f = negate_duration(f);
    // 5-6. Read the overflow option.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    // 7. Let result be ? CalendarDateAdd(calendar, temporalDate.[[ISODate]], dateDuration, overflow).
    IsoDate r = TRY(add_duration_to_date(ctx, d->m_date, f, overflow));
    return create_plain_date(ctx, r);
}

// Temporal.PlainDate.prototype.with ( temporalDateLike [ , options ] )
Value plain_date_with(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "with");
    if (!d) return Exception{};
    // 3. If temporalDateLike is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    // 4. Perform ? RejectTemporalLikeObject(temporalDateLike).
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    // 5-7. Merge the receiver's fields with the partial fields.
    CalendarFields fields = fields_from_date(d->m_date);
    CalendarFields partial;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldDate, true, &partial));
    calendar_merge_fields(fields, partial);
    // 8-10. Read the overflow option; CalendarDateFromFields.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    IsoDate r = TRY(calendar_date_from_fields(ctx, fields, FieldsType::Date, overflow));
    return create_plain_date(ctx, r);
}

// Temporal.PlainDate.prototype.withCalendar ( calendarLike )
Value plain_date_with_calendar(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "withCalendar");
    if (!d) return Exception{};
    if (args.arg(0).is_undefined()) return ctx.throw_type_error("calendar is required");
    TRY(to_temporal_calendar_identifier(ctx, args.arg(0)));
    return create_plain_date(ctx, d->m_date);
}

// Temporal.PlainDate.prototype.until / since ( other [ , options ] ): DifferenceTemporalPlainDate
Value plain_date_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    PlainDateObject* d = this_date(ctx, args, args.magic ? "since" : "until");
    if (!d) return Exception{};
    // 1. Set other to ? ToTemporalDate(other).
    IsoDate other = TRY(to_temporal_date(ctx, args.arg(0), Value()));
    // 3-4. Read the difference settings.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s =
        TRY(get_difference_settings(ctx, op, opts, UnitGroup::Date, Unit::Nanosecond, Unit::Day, Unit::Day));
    // 5. If the dates are equal, return a zero duration.
    if (compare_iso_date(d->m_date, other) == 0) return create_duration(ctx, DurationFields{});
    // 6-7. Let dateDifference be CalendarDateUntil(...).
    InternalDuration duration{iso_date_until(d->m_date, other, s.largest_unit), 0};
    // 8. Round when needed.
    if (s.smallest_unit != Unit::Day || s.increment != 1) {
        IsoDateTime origin{d->m_date, TimeRecord{}};
        IsoDateTime dest{other, TimeRecord{}};
        duration = TRY(round_relative_duration(ctx, duration, utc_epoch_ns(dest), Origin{origin, Value()},
                                               s.largest_unit, s.increment, s.smallest_unit, s.mode));
    }
    // 9-10. The duration, negated for since.
    DurationFields r = TRY(duration_from_internal(ctx, duration, Unit::Day));
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.PlainDate.prototype.equals ( other )
Value plain_date_equals(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "equals");
    if (!d) return Exception{};
    IsoDate other = TRY(to_temporal_date(ctx, args.arg(0), Value()));
    return Value::boolean(compare_iso_date(d->m_date, other) == 0);
}

// Temporal.PlainDate.prototype.toString ( [ options ] )
Value plain_date_to_string(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "toString");
    if (!d) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    int show = TRY(get_show_calendar_option(ctx, opts));
    TextBuffer b;
    format_date(b, d->m_date);
    format_calendar_annotation(b, show);
    return b.to_value(ctx);
}

// Temporal.PlainDate.prototype.toJSON ( ) / toLocaleString ( )
Value plain_date_to_json(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "toJSON");
    if (!d) return Exception{};
    TextBuffer b;
    format_date(b, d->m_date);
    return b.to_value(ctx);
}

// Temporal.PlainDate.prototype.toZonedDateTime ( item )
Value plain_date_to_zoned_date_time(Context& ctx, const CallArgs& args) {
    PlainDateObject* d = this_date(ctx, args, "toZonedDateTime");
    if (!d) return Exception{};
    const Value& item = args.arg(0);
    Value tz;
    Value temporal_time;
    // 3. If item is an Object, read timeZone (and plainTime); else item is the time zone.
    if (item.is_object()) {
        Value tz_like = get(ctx, item.as_object(), ctx.rt().intern_ascii("timeZone"));
        if (tz_like.is_exception()) return tz_like;
        if (tz_like.is_undefined()) {
            tz = to_temporal_time_zone_identifier(ctx, item);
        } else {
            tz = to_temporal_time_zone_identifier(ctx, tz_like);
            if (tz.is_exception()) return tz;
            temporal_time = get(ctx, item.as_object(), ctx.rt().intern_ascii("plainTime"));
            if (temporal_time.is_exception()) return temporal_time;
        }
    } else {
        tz = to_temporal_time_zone_identifier(ctx, item);
    }
    if (tz.is_exception()) return tz;
    // 5-6. Start of day, or the given wall-clock time.
    i128 ns;
    if (temporal_time.is_undefined()) {
        ns = TRY(start_of_day(ctx, tz, d->m_date));
    } else {
        TimeRecord t = TRY(to_temporal_time(ctx, temporal_time, Value()));
        ns = TRY(epoch_ns_for(ctx, tz, IsoDateTime{d->m_date, t}));
    }
    return create_zoned_date_time(ctx, ns, tz);
}

const FunctionListEntry kPlainDateStatics[] = {
    QJS_FUNC("from", 1, plain_date_from),
    QJS_FUNC("compare", 2, plain_date_compare),
};

#define QJS_DATE_FIELD(name, field)                                                                          \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, static_cast<int16_t>(field),         \
            plain_date_field, nullptr, 0, nullptr                                                            \
    }

const FunctionListEntry kPlainDatePrototype[] = {
    QJS_DATE_FIELD("calendarId", CalendarField::CalendarId),
    QJS_DATE_FIELD("era", CalendarField::Era),
    QJS_DATE_FIELD("eraYear", CalendarField::EraYear),
    QJS_DATE_FIELD("year", CalendarField::Year),
    QJS_DATE_FIELD("month", CalendarField::Month),
    QJS_DATE_FIELD("monthCode", CalendarField::MonthCode),
    QJS_DATE_FIELD("day", CalendarField::Day),
    QJS_DATE_FIELD("dayOfWeek", CalendarField::DayOfWeek),
    QJS_DATE_FIELD("dayOfYear", CalendarField::DayOfYear),
    QJS_DATE_FIELD("weekOfYear", CalendarField::WeekOfYear),
    QJS_DATE_FIELD("yearOfWeek", CalendarField::YearOfWeek),
    QJS_DATE_FIELD("daysInWeek", CalendarField::DaysInWeek),
    QJS_DATE_FIELD("daysInMonth", CalendarField::DaysInMonth),
    QJS_DATE_FIELD("daysInYear", CalendarField::DaysInYear),
    QJS_DATE_FIELD("monthsInYear", CalendarField::MonthsInYear),
    QJS_DATE_FIELD("inLeapYear", CalendarField::InLeapYear),
    QJS_FUNC_MAGIC("toPlainYearMonth", 0, plain_date_to_year_month, 0),
    QJS_FUNC_MAGIC("toPlainMonthDay", 0, plain_date_to_year_month, 1),
    QJS_FUNC("toPlainDateTime", 0, plain_date_to_date_time),
    QJS_FUNC_MAGIC("add", 1, plain_date_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, plain_date_add, 1),
    QJS_FUNC("with", 1, plain_date_with),
    QJS_FUNC("withCalendar", 1, plain_date_with_calendar),
    QJS_FUNC_MAGIC("until", 1, plain_date_until, 0),
    QJS_FUNC_MAGIC("since", 1, plain_date_until, 1),
    QJS_FUNC("equals", 1, plain_date_equals),
    QJS_FUNC("toString", 0, plain_date_to_string),
    QJS_FUNC("toJSON", 0, plain_date_to_json),
    QJS_FUNC("toLocaleString", 0, plain_date_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("toZonedDateTime", 1, plain_date_to_zoned_date_time),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.PlainDate", prop::Configurable),
};

} // namespace

bool install_temporal_plain_date(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "PlainDate", plain_date_constructor, 3,
                                 Intrinsic::TemporalPlainDatePrototype, Intrinsic::TemporalPlainDate,
                                 kPlainDateStatics, kPlainDatePrototype) != nullptr;
}

} // namespace qjs
