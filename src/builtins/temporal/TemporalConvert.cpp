// TemporalConvert.cpp: conversion of arguments to Temporal records (ToTemporalDuration, ToTemporalDate,
// PrepareCalendarFields, ToTemporalTimeZoneIdentifier, ...), for the iso8601 calendar and the time zones
// UTC and fixed offsets.
#include "builtins/temporal/Temporal.h"

#include "builtins/Options.h"
#include "builtins/temporal/TemporalParser.h"
#include "builtins/temporal/TzDatabase.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/Runtime.h"
#include "runtime/String.h"

#include <cmath>
#include <cstring>

namespace qjs {

namespace {

bool ascii_iequals(const char* a, const char* b) {
    for (; *a && *b; ++a, ++b) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return *a == *b;
}

bool has_calendar_slot(const Value& v) {
    if (!v.is_object()) return false;
    switch (v.as_object()->class_id()) {
    case ClassId::TemporalPlainDate:
    case ClassId::TemporalPlainDateTime:
    case ClassId::TemporalPlainYearMonth:
    case ClassId::TemporalPlainMonthDay:
    case ClassId::TemporalZonedDateTime: return true;
    default: return false;
    }
}

Exception fail(Context& ctx, const char* what) {
    return ctx.throw_range_error("%s", what);
}

Value get_named(Context& ctx, Object* o, const char* name) {
    Atom a = ctx.rt().intern_ascii(name);
    if (!a) return ctx.throw_out_of_memory();
    return get(ctx, o, a);
}

// The names of the UTC time zone in the IANA database (the only named zone without a tz database).
const char* const kUtcNames[] = {"UTC",           "Etc/UTC",   "Etc/GMT", "GMT",      "Etc/Universal",
                                 "Etc/Zulu",      "Universal", "Zulu",    "Etc/UCT",  "UCT",
                                 "Etc/Greenwich", "Greenwich", "GMT0",    "Etc/GMT0", "Etc/GMT+0",
                                 "Etc/GMT-0",     "GMT+0",     "GMT-0",   nullptr};

// ISODateTime of a ZonedDateTime (GetISODateTimeFor).
IsoDateTime zoned_date_time(const ZonedDateTimeObject* z) {
    return iso_date_time_for(z->m_time_zone, z->epoch_ns());
}

// RegulateISODate (#sec-temporal-regulateisodate) on property-bag numbers.
Result<IsoDate> regulate_iso_date(Context& ctx, double year, double month, double day, Overflow overflow) {
    if (std::fabs(year) > 1000000) {
        ctx.throw_range_error("date out of range");
        return Exception{};
    }
    if (overflow == Overflow::Reject) {
        if (!is_valid_iso_date(year, month, day)) {
            ctx.throw_range_error("invalid date");
            return Exception{};
        }
    } else {
        month = std::fmin(std::fmax(month, 1), 12);
        day = std::fmin(std::fmax(day, 1),
                        iso_days_in_month(static_cast<int64_t>(year), static_cast<int>(month)));
    }
    return IsoDate{static_cast<int32_t>(year), static_cast<int32_t>(month), static_cast<int32_t>(day)};
}

} // namespace

Result<void> string_argument(Context& ctx, const Value& v, AsciiArg* out) {
    String* s = v.as_string();
    if (!string_to_ascii(s, out->buf, sizeof out->buf)) return fail(ctx, "invalid ISO 8601 string");
    out->len = s->length();
    return {};
}

Result<void> check_calendar_name(Context& ctx, const char* calendar) {
    // CanonicalizeCalendar: only the iso8601 calendar is supported.
    if (calendar[0] && !ascii_iequals(calendar, "iso8601")) return fail(ctx, "unsupported calendar");
    return {};
}

// ToTemporalCalendarIdentifier ( temporalCalendarLike )
Result<void> to_temporal_calendar_identifier(Context& ctx, const Value& v) {
    // 1. If temporalCalendarLike is an Object with a [[Calendar]] slot, return it.
    if (has_calendar_slot(v)) return {};
    // 2. If temporalCalendarLike is not a String, throw a TypeError exception.
    if (!v.is_string()) {
        ctx.throw_type_error("calendar must be a string");
        return Exception{};
    }
    // 3. Let identifier be ? ParseTemporalCalendarString(temporalCalendarLike).
    AsciiArg arg;
    TRY(string_argument(ctx, v, &arg));
    static const ParseGoal kGoals[] = {ParseGoal::ZonedDateTime, ParseGoal::DateTime, ParseGoal::Instant,
                                       ParseGoal::Time,          ParseGoal::MonthDay, ParseGoal::YearMonth};
    for (ParseGoal g : kGoals) {
        ParsedIsoString p;
        if (parse_iso_string(arg.buf, arg.len, g, &p)) return check_calendar_name(ctx, p.calendar);
    }
    if (!is_calendar_identifier_syntax(arg.buf, arg.len)) return fail(ctx, "invalid calendar");
    // 4. Return ? CanonicalizeCalendar(identifier).
    return check_calendar_name(ctx, arg.buf);
}

Result<void> get_calendar_with_iso_default(Context& ctx, Object* item) {
    // 1. If item has a [[Calendar]] internal slot, return it.
    if (has_calendar_slot(Value::object(item))) return {};
    // 2. Let calendarLike be ? Get(item, "calendar").
    Value c = get_named(ctx, item, "calendar");
    if (c.is_exception()) return Exception{};
    // 3. If calendarLike is undefined, return "iso8601".
    if (c.is_undefined()) return {};
    // 4. Return ? ToTemporalCalendarIdentifier(calendarLike).
    return to_temporal_calendar_identifier(ctx, c);
}

// PrepareCalendarFields ( calendar, fields, calendarFieldNames, nonCalendarFieldNames, requiredFieldNames )
Result<void> prepare_calendar_fields(Context& ctx, Object* item, uint32_t wanted, bool partial,
                                     CalendarFields* out) {
    out->year = out->month = out->day = NAN;
    out->hour = out->minute = out->second = out->millisecond = out->microsecond = out->nanosecond = NAN;
    out->month_code = 0;
    out->has_offset = false;
    out->offset_ns = 0;
    out->time_zone = Value();
    enum Kind { Positive, Integer, MonthCode, Offset, TimeZone };
    struct Field {
        const char* name;
        uint32_t bit;
        Kind kind;
        double CalendarFields::*slot;
    };
    static const Field kFields[] = {
        {"day", kFieldDay, Positive, &CalendarFields::day},
        {"hour", kFieldTime, Integer, &CalendarFields::hour},
        {"microsecond", kFieldTime, Integer, &CalendarFields::microsecond},
        {"millisecond", kFieldTime, Integer, &CalendarFields::millisecond},
        {"minute", kFieldTime, Integer, &CalendarFields::minute},
        {"month", kFieldMonth, Positive, &CalendarFields::month},
        {"monthCode", kFieldMonthCode, MonthCode, nullptr},
        {"nanosecond", kFieldTime, Integer, &CalendarFields::nanosecond},
        {"offset", kFieldOffset, Offset, nullptr},
        {"second", kFieldTime, Integer, &CalendarFields::second},
        {"timeZone", kFieldTimeZone, TimeZone, nullptr},
        {"year", kFieldYear, Integer, &CalendarFields::year},
    };
    bool any = false;
    // 9. For each property name property of sortedPropertyNames, do
    for (const Field& f : kFields) {
        if (!(wanted & f.bit)) continue;
        // a. Let value be ? Get(fields, property).
        Value v = get_named(ctx, item, f.name);
        if (v.is_exception()) return Exception{};
        if (v.is_undefined()) continue;
        any = true;
        // b.ii. Convert the value with the field's conversion.
        switch (f.kind) {
        case Positive: out->*f.slot = TRY(to_positive_integer_with_truncation(ctx, v)); break;
        case Integer: out->*f.slot = TRY(to_integer_with_truncation(ctx, v)); break;
        case MonthCode: {
            Value p = to_primitive(ctx, v, PreferredType::String);
            if (p.is_exception()) return Exception{};
            if (!p.is_string()) {
                ctx.throw_type_error("monthCode must be a string");
                return Exception{};
            }
            // ParseMonthCode: "M" two digits, optionally "L"; M00 only as a leap month.
            char buf[8];
            if (!string_to_ascii(p.as_string(), buf, sizeof buf)) return fail(ctx, "invalid monthCode");
            size_t n = std::strlen(buf);
            bool leap = n == 4 && buf[3] == 'L';
            if ((n != 3 && !leap) || buf[0] != 'M' || buf[1] < '0' || buf[1] > '9' || buf[2] < '0' ||
                buf[2] > '9')
                return fail(ctx, "invalid monthCode");
            int num = (buf[1] - '0') * 10 + (buf[2] - '0');
            if (num == 0 && !leap) return fail(ctx, "invalid monthCode");
            out->month_code = leap ? 100 + num : num;
            break;
        }
        case Offset: {
            Value p = to_primitive(ctx, v, PreferredType::String);
            if (p.is_exception()) return Exception{};
            if (!p.is_string()) {
                ctx.throw_type_error("offset must be a string");
                return Exception{};
            }
            AsciiArg arg;
            TRY(string_argument(ctx, p, &arg));
            if (!parse_utc_offset(arg.buf, arg.len, true, &out->offset_ns))
                return fail(ctx, "invalid offset");
            out->has_offset = true;
            break;
        }
        case TimeZone: {
            Value tz = to_temporal_time_zone_identifier(ctx, v);
            if (tz.is_exception()) return Exception{};
            out->time_zone = std::move(tz);
            break;
        }
        }
    }
    // 10. If requiredFieldNames is partial and any is false, throw a TypeError exception.
    if (partial && !any) {
        ctx.throw_type_error("no recognized fields in the property bag");
        return Exception{};
    }
    return {};
}

// RejectTemporalLikeObject ( object )
Result<void> reject_temporal_like_object(Context& ctx, Object* o) {
    // 1. If object has any of the Temporal [[Initialized*]] slots, throw a TypeError exception.
    switch (o->class_id()) {
    case ClassId::TemporalPlainDate:
    case ClassId::TemporalPlainDateTime:
    case ClassId::TemporalPlainMonthDay:
    case ClassId::TemporalPlainTime:
    case ClassId::TemporalPlainYearMonth:
    case ClassId::TemporalZonedDateTime:
        ctx.throw_type_error("a Temporal object is not a partial object");
        return Exception{};
    default: break;
    }
    // 2-5. Neither calendar nor timeZone may be present.
    for (const char* name : {"calendar", "timeZone"}) {
        Value v = get_named(ctx, o, name);
        if (v.is_exception()) return Exception{};
        if (!v.is_undefined()) {
            ctx.throw_type_error("%s is not allowed here", name);
            return Exception{};
        }
    }
    return {};
}

// CalendarResolveFields + CalendarDateToISO for iso8601 (#sec-temporal-calendarresolvefields).
Result<IsoDate> calendar_date_from_fields(Context& ctx, CalendarFields& f, FieldsType type,
                                          Overflow overflow) {
    // 1. Missing year (date, year-month) or day (date, month-day) is a TypeError.
    if (type != FieldsType::MonthDay && std::isnan(f.year)) {
        ctx.throw_type_error("year is required");
        return Exception{};
    }
    if (type != FieldsType::YearMonth && std::isnan(f.day)) {
        ctx.throw_type_error("day is required");
        return Exception{};
    }
    // 3-4. Either month or monthCode.
    if (f.month_code == 0) {
        if (std::isnan(f.month)) {
            ctx.throw_type_error("month or monthCode is required");
            return Exception{};
        }
    } else {
        // 6-12. The ISO calendar has months M01..M12 and no leap months.
        if (f.month_code > 12) return fail(ctx, "invalid monthCode");
        if (!std::isnan(f.month) && f.month != f.month_code) return fail(ctx, "month and monthCode disagree");
        f.month = f.month_code;
    }
    if (type == FieldsType::YearMonth) {
        IsoDate d = TRY(regulate_iso_date(ctx, f.year, f.month, 1, overflow));
        if (!year_month_within_limits(d.year, d.month)) return fail(ctx, "year-month out of range");
        return d;
    }
    if (type == FieldsType::MonthDay) {
        // CalendarMonthDayToISOReferenceDate: regulate in the given year (or 1972), then use 1972.
        IsoDate d = TRY(regulate_iso_date(ctx, std::isnan(f.year) ? 1972 : f.year, f.month, f.day, overflow));
        return IsoDate{1972, d.month, d.day};
    }
    IsoDate d = TRY(regulate_iso_date(ctx, f.year, f.month, f.day, overflow));
    if (!iso_date_within_limits(d.year, d.month, d.day)) return fail(ctx, "date out of range");
    return d;
}

// RegulateTime ( hour, minute, second, millisecond, microsecond, nanosecond, overflow )
Result<TimeRecord> regulate_time(Context& ctx, const CalendarFields& f, Overflow overflow) {
    double v[6] = {f.hour, f.minute, f.second, f.millisecond, f.microsecond, f.nanosecond};
    static const double kMax[6] = {23, 59, 59, 999, 999, 999};
    for (double& x : v)
        if (std::isnan(x)) x = 0;
    if (overflow == Overflow::Reject) {
        if (!is_valid_time(v[0], v[1], v[2], v[3], v[4], v[5])) return fail(ctx, "invalid time");
    } else {
        for (int i = 0; i < 6; ++i)
            v[i] = std::fmin(std::fmax(v[i], 0), kMax[i]);
    }
    TimeRecord t;
    t.hour = static_cast<int32_t>(v[0]);
    t.minute = static_cast<int32_t>(v[1]);
    t.second = static_cast<int32_t>(v[2]);
    t.millisecond = static_cast<int32_t>(v[3]);
    t.microsecond = static_cast<int32_t>(v[4]);
    t.nanosecond = static_cast<int32_t>(v[5]);
    return t;
}

// ToTemporalPartialDurationRecord ( temporalDurationLike )
Result<DurationFields> to_temporal_partial_duration(Context& ctx, const Value& v) {
    // 1. If temporalDurationLike is not an Object, throw a TypeError exception.
    if (!v.is_object()) {
        ctx.throw_type_error("duration must be an object");
        return Exception{};
    }
    // 2-14. Read the fields in alphabetical order, each converted with ToIntegerIfIntegral.
    static const char* const kNames[] = {"days",   "hours",       "microseconds", "milliseconds", "minutes",
                                         "months", "nanoseconds", "seconds",      "weeks",        "years"};
    static const int kIndex[] = {3, 4, 8, 7, 5, 1, 9, 6, 2, 0};
    DurationFields r;
    bool any = false;
    for (int i = 0; i < 10; ++i) {
        Value x = get_named(ctx, v.as_object(), kNames[i]);
        if (x.is_exception()) return Exception{};
        if (x.is_undefined()) {
            r[kIndex[i]] = NAN;
            continue;
        }
        any = true;
        r[kIndex[i]] = TRY(to_integer_if_integral(ctx, x));
    }
    // 15. If every field is undefined, throw a TypeError exception.
    if (!any) {
        ctx.throw_type_error("duration object has no duration fields");
        return Exception{};
    }
    return r;
}

// ToTemporalDuration ( item )
Result<DurationFields> to_temporal_duration(Context& ctx, const Value& v) {
    // 1. If item is an Object with [[InitializedTemporalDuration]], return a copy.
    if (auto* d = as_temporal<DurationObject>(v, ClassId::TemporalDuration)) return d->m_fields;
    DurationFields r;
    // 2. If item is not an Object, then
    if (!v.is_object()) {
        // a. If item is not a String, throw a TypeError exception.
        if (!v.is_string()) {
            ctx.throw_type_error("duration must be a string or an object");
            return Exception{};
        }
        // b. Return ? ParseTemporalDurationString(item).
        AsciiArg arg;
        TRY(string_argument(ctx, v, &arg));
        if (!parse_duration_string(arg.buf, arg.len, &r)) return fail(ctx, "invalid duration string");
    } else {
        // 3-5. A property bag: absent fields are zero.
        r = TRY(to_temporal_partial_duration(ctx, v));
        for (int i = 0; i < 10; ++i)
            if (std::isnan(r[i])) r[i] = 0;
    }
    if (!is_valid_duration(r)) return fail(ctx, "invalid duration");
    return r;
}

// ToTemporalTime ( item [ , options ] )
Result<TimeRecord> to_temporal_time(Context& ctx, const Value& item, const Value& options) {
    TimeRecord t;
    if (item.is_object()) {
        Object* o = item.as_object();
        if (auto* p = as_temporal<PlainTimeObject>(item, ClassId::TemporalPlainTime))
            t = p->m_time;
        else if (auto* p = as_temporal<PlainDateTimeObject>(item, ClassId::TemporalPlainDateTime))
            t = p->m_dt.time;
        else if (auto* z = as_temporal<ZonedDateTimeObject>(item, ClassId::TemporalZonedDateTime))
            t = zoned_date_time(z).time;
        else {
            // b. Let result be ? ToTemporalTimeRecord(item).
            CalendarFields f;
            TRY(prepare_calendar_fields(ctx, o, kFieldTime, true, &f));
            // c-d. Read the overflow option and regulate.
            Object* opts = TRY(get_options_object(ctx, options));
            Overflow overflow = TRY(get_overflow_option(ctx, opts));
            return regulate_time(ctx, f, overflow);
        }
        Object* opts = TRY(get_options_object(ctx, options));
        TRY(get_overflow_option(ctx, opts));
        t.days = 0;
        return t;
    }
    // 3.a. If item is not a String, throw a TypeError exception.
    if (!item.is_string()) {
        ctx.throw_type_error("time must be a string or an object");
        return Exception{};
    }
    // b. Let parseResult be ? ParseTemporalTimeString(item).
    AsciiArg arg;
    TRY(string_argument(ctx, item, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::Time, &p)) return fail(ctx, "invalid time string");
    // The calendar annotation of a time string is ignored.
    if (p.day && !is_valid_iso_date(static_cast<double>(p.year), p.month, p.day))
        return fail(ctx, "invalid date");
    // c-e. Read the options.
    Object* opts = TRY(get_options_object(ctx, options));
    TRY(get_overflow_option(ctx, opts));
    return p.time;
}

// ToTemporalDate ( item [ , options ] )
Result<IsoDate> to_temporal_date(Context& ctx, const Value& item, const Value& options) {
    if (item.is_object()) {
        Object* o = item.as_object();
        IsoDate d;
        if (auto* p = as_temporal<PlainDateObject>(item, ClassId::TemporalPlainDate))
            d = p->m_date;
        else if (auto* p = as_temporal<PlainDateTimeObject>(item, ClassId::TemporalPlainDateTime))
            d = p->m_dt.date;
        else if (auto* z = as_temporal<ZonedDateTimeObject>(item, ClassId::TemporalZonedDateTime))
            d = zoned_date_time(z).date;
        else {
            // b-g. A property bag.
            TRY(get_calendar_with_iso_default(ctx, o));
            CalendarFields f;
            TRY(prepare_calendar_fields(ctx, o, kFieldDate, false, &f));
            Object* opts = TRY(get_options_object(ctx, options));
            Overflow overflow = TRY(get_overflow_option(ctx, opts));
            return calendar_date_from_fields(ctx, f, FieldsType::Date, overflow);
        }
        Object* opts = TRY(get_options_object(ctx, options));
        TRY(get_overflow_option(ctx, opts));
        return d;
    }
    // 2. If item is not a String, throw a TypeError exception.
    if (!item.is_string()) {
        ctx.throw_type_error("date must be a string or an object");
        return Exception{};
    }
    // 3. Let result be ? ParseISODateTime(item, « TemporalDateTimeString[~Zoned] »).
    AsciiArg arg;
    TRY(string_argument(ctx, item, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::DateTime, &p)) return fail(ctx, "invalid date string");
    if (!is_valid_iso_date(static_cast<double>(p.year), p.month, p.day)) return fail(ctx, "invalid date");
    // 4-5. The calendar annotation must be supported.
    TRY(check_calendar_name(ctx, p.calendar));
    // 6-7. Read the options.
    Object* opts = TRY(get_options_object(ctx, options));
    TRY(get_overflow_option(ctx, opts));
    IsoDate d{static_cast<int32_t>(p.year), p.month, p.day};
    if (!iso_date_within_limits(p.year, p.month, p.day)) return fail(ctx, "date out of range");
    return d;
}

// ToTemporalDateTime ( item [ , options ] )
Result<IsoDateTime> to_temporal_date_time(Context& ctx, const Value& item, const Value& options) {
    if (item.is_object()) {
        Object* o = item.as_object();
        IsoDateTime dt;
        if (auto* p = as_temporal<PlainDateTimeObject>(item, ClassId::TemporalPlainDateTime))
            dt = p->m_dt;
        else if (auto* z = as_temporal<ZonedDateTimeObject>(item, ClassId::TemporalZonedDateTime))
            dt = zoned_date_time(z);
        else if (auto* p = as_temporal<PlainDateObject>(item, ClassId::TemporalPlainDate))
            dt.date = p->m_date;
        else {
            TRY(get_calendar_with_iso_default(ctx, o));
            CalendarFields f;
            TRY(prepare_calendar_fields(ctx, o, kFieldDate | kFieldTime, false, &f));
            Object* opts = TRY(get_options_object(ctx, options));
            Overflow overflow = TRY(get_overflow_option(ctx, opts));
            // InterpretTemporalDateTimeFields.
            dt.date = TRY(calendar_date_from_fields(ctx, f, FieldsType::Date, overflow));
            dt.time = TRY(regulate_time(ctx, f, overflow));
            return dt;
        }
        Object* opts = TRY(get_options_object(ctx, options));
        TRY(get_overflow_option(ctx, opts));
        return dt;
    }
    if (!item.is_string()) {
        ctx.throw_type_error("date-time must be a string or an object");
        return Exception{};
    }
    AsciiArg arg;
    TRY(string_argument(ctx, item, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::DateTime, &p))
        return fail(ctx, "invalid date-time string");
    if (!is_valid_iso_date(static_cast<double>(p.year), p.month, p.day)) return fail(ctx, "invalid date");
    TRY(check_calendar_name(ctx, p.calendar));
    Object* opts = TRY(get_options_object(ctx, options));
    TRY(get_overflow_option(ctx, opts));
    IsoDateTime dt;
    dt.date = IsoDate{static_cast<int32_t>(p.year), p.month, p.day};
    dt.time = p.time;
    if (!iso_date_time_within_limits(dt)) return fail(ctx, "date-time out of range");
    return dt;
}

// ToTemporalYearMonth ( item [ , options ] )
Result<IsoDate> to_temporal_year_month(Context& ctx, const Value& item, const Value& options) {
    if (item.is_object()) {
        if (auto* p = as_temporal<PlainDateObject>(item, ClassId::TemporalPlainYearMonth)) {
            Object* opts = TRY(get_options_object(ctx, options));
            TRY(get_overflow_option(ctx, opts));
            return p->m_date;
        }
        Object* o = item.as_object();
        TRY(get_calendar_with_iso_default(ctx, o));
        CalendarFields f;
        TRY(prepare_calendar_fields(ctx, o, kFieldYear | kFieldMonth | kFieldMonthCode, false, &f));
        Object* opts = TRY(get_options_object(ctx, options));
        Overflow overflow = TRY(get_overflow_option(ctx, opts));
        return calendar_date_from_fields(ctx, f, FieldsType::YearMonth, overflow);
    }
    if (!item.is_string()) {
        ctx.throw_type_error("year-month must be a string or an object");
        return Exception{};
    }
    AsciiArg arg;
    TRY(string_argument(ctx, item, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::YearMonth, &p))
        return fail(ctx, "invalid year-month string");
    if (p.day && !is_valid_iso_date(static_cast<double>(p.year), p.month, p.day))
        return fail(ctx, "invalid date");
    TRY(check_calendar_name(ctx, p.calendar));
    Object* opts = TRY(get_options_object(ctx, options));
    TRY(get_overflow_option(ctx, opts));
    if (!year_month_within_limits(p.year, p.month)) return fail(ctx, "year-month out of range");
    return IsoDate{static_cast<int32_t>(p.year), p.month, 1};
}

// ToTemporalMonthDay ( item [ , options ] )
Result<IsoDate> to_temporal_month_day(Context& ctx, const Value& item, const Value& options) {
    if (item.is_object()) {
        if (auto* p = as_temporal<PlainDateObject>(item, ClassId::TemporalPlainMonthDay)) {
            Object* opts = TRY(get_options_object(ctx, options));
            TRY(get_overflow_option(ctx, opts));
            return p->m_date;
        }
        Object* o = item.as_object();
        TRY(get_calendar_with_iso_default(ctx, o));
        CalendarFields f;
        TRY(prepare_calendar_fields(ctx, o, kFieldDate, false, &f));
        Object* opts = TRY(get_options_object(ctx, options));
        Overflow overflow = TRY(get_overflow_option(ctx, opts));
        return calendar_date_from_fields(ctx, f, FieldsType::MonthDay, overflow);
    }
    if (!item.is_string()) {
        ctx.throw_type_error("month-day must be a string or an object");
        return Exception{};
    }
    AsciiArg arg;
    TRY(string_argument(ctx, item, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::MonthDay, &p))
        return fail(ctx, "invalid month-day string");
    double year = p.has_year ? static_cast<double>(p.year) : 1972;
    if (!is_valid_iso_date(year, p.month, p.day)) return fail(ctx, "invalid date");
    // The year of a date-time string is not used (and not range-checked).
    TRY(check_calendar_name(ctx, p.calendar));
    Object* opts = TRY(get_options_object(ctx, options));
    TRY(get_overflow_option(ctx, opts));
    return IsoDate{1972, p.month, p.day};
}

// ToTemporalInstant ( item )
Result<i128> to_temporal_instant(Context& ctx, const Value& item) {
    Value v = item;
    // 1. If item is an Object, then
    if (v.is_object()) {
        if (auto* i = as_temporal<InstantObject>(v, ClassId::TemporalInstant)) return i->epoch_ns();
        if (auto* z = as_temporal<ZonedDateTimeObject>(v, ClassId::TemporalZonedDateTime))
            return z->epoch_ns();
        // b. Set item to ? ToPrimitive(item, string).
        v = to_primitive(ctx, v, PreferredType::String);
        if (v.is_exception()) return Exception{};
    }
    // 2. If item is not a String, throw a TypeError exception.
    if (!v.is_string()) {
        ctx.throw_type_error("instant must be a string or an object");
        return Exception{};
    }
    // 3-4. Parse it; it has a UTC designator or an offset.
    AsciiArg arg;
    TRY(string_argument(ctx, v, &arg));
    ParsedIsoString p;
    if (!parse_iso_string(arg.buf, arg.len, ParseGoal::Instant, &p))
        return fail(ctx, "invalid instant string");
    if (!is_valid_iso_date(static_cast<double>(p.year), p.month, p.day)) return fail(ctx, "invalid date");
    // The calendar annotation of an instant string is ignored.
    // 5-9. The epoch nanoseconds of the date-time minus the offset.
    IsoDateTime dt{IsoDate{static_cast<int32_t>(p.year), p.month, p.day}, p.time};
    i128 ns = utc_epoch_ns(dt) - (p.utc_designator ? 0 : p.offset_ns);
    if (!is_valid_epoch_ns(ns)) return fail(ctx, "instant out of range");
    return ns;
}

// ToTemporalTimeZoneIdentifier ( temporalTimeZoneLike )
Value to_temporal_time_zone_identifier(Context& ctx, const Value& v) {
    // 1. If temporalTimeZoneLike is a ZonedDateTime, return its [[TimeZone]].
    if (auto* z = as_temporal<ZonedDateTimeObject>(v, ClassId::TemporalZonedDateTime)) return z->m_time_zone;
    // 2. If temporalTimeZoneLike is not a String, throw a TypeError exception.
    if (!v.is_string()) return ctx.throw_type_error("time zone must be a string");
    // 3. Let parseResult be ? ParseTemporalTimeZoneString(temporalTimeZoneLike).
    AsciiArg arg;
    if (string_argument(ctx, v, &arg).is_exception()) return Exception{};
    const char* name = arg.buf;
    size_t len = arg.len;
    ParsedIsoString p;
    if (!is_time_zone_identifier_syntax(arg.buf, arg.len)) {
        static const ParseGoal kGoals[] = {ParseGoal::ZonedDateTime, ParseGoal::Instant,
                                           ParseGoal::DateTime,      ParseGoal::Time,
                                           ParseGoal::MonthDay,      ParseGoal::YearMonth};
        bool parsed = false;
        for (ParseGoal g : kGoals)
            if ((parsed = parse_iso_string(arg.buf, arg.len, g, &p))) break;
        if (!parsed) return ctx.throw_range_error("invalid time zone");
        if (p.time_zone[0])
            name = p.time_zone;
        else if (p.utc_designator)
            name = "UTC";
        else if (p.has_offset && !p.offset_has_subminute) {
            TextBuffer b;
            format_offset_minutes(b, p.offset_ns);
            return b.to_value(ctx);
        } else
            return ctx.throw_range_error("invalid time zone");
        len = std::strlen(name);
    }
    // 4-5. An offset identifier is normalized to ±HH:MM.
    int64_t offset;
    if (len && (name[0] == '+' || name[0] == '-')) {
        if (!parse_utc_offset(name, len, false, &offset))
            return ctx.throw_range_error("invalid time zone offset");
        TextBuffer b;
        format_offset_minutes(b, offset);
        return b.to_value(ctx);
    }
    // 6-7. A named zone: UTC and its aliases, else a zone of the system's tz database.
    for (int i = 0; kUtcNames[i]; ++i)
        if (ascii_iequals(name, kUtcNames[i])) return ctx.new_string(kUtcNames[i]);
    char found[128];
    if (find_time_zone_name(name, found, sizeof found)) {
        TzFile file(ctx.rt());
        if (file.load(found)) return ctx.new_string(found);
    }
    return ctx.throw_range_error("unknown time zone %s", name);
}

bool is_utc_time_zone_name(const char* name) {
    for (int i = 0; kUtcNames[i]; ++i)
        if (std::strcmp(name, kUtcNames[i]) == 0) return true;
    return false;
}

// GetOffsetNanosecondsFor ( timeZone, epochNs )
int64_t offset_ns_for(const Value& time_zone, i128 epoch_ns) {
    if (!time_zone.is_string()) return 0;
    char buf[128];
    if (!string_to_ascii(time_zone.as_string(), buf, sizeof buf)) return 0;
    int64_t ns = 0;
    // An offset time zone.
    if (buf[0] == '+' || buf[0] == '-') return parse_utc_offset(buf, std::strlen(buf), false, &ns) ? ns : 0;
    if (is_utc_time_zone_name(buf)) return 0;
    // A named zone: the offset in effect at floor(epochNs / 10^9) seconds.
    TzFile file(*Runtime::current());
    if (!file.load(buf)) return 0;
    i128 seconds = epoch_ns / 1000000000;
    if (epoch_ns % 1000000000 < 0) --seconds;
    return file.offset_at(static_cast<int64_t>(seconds)) * 1000000000;
}

// GetTemporalRelativeToOption ( options )
Result<RelativeTo> get_relative_to_option(Context& ctx, Object* opts) {
    RelativeTo r;
    // 1. Let value be ? Get(options, "relativeTo").
    Value v = get_option(ctx, opts, "relativeTo");
    if (v.is_exception()) return Exception{};
    // 2. If value is undefined, return the empty record.
    if (v.is_undefined()) return r;
    r.has_date = true;
    IsoDateTime dt;
    OffsetBehaviour behaviour = OffsetBehaviour::Option;
    int64_t offset_ns = 0;
    bool match_minutes = false;
    if (v.is_object()) {
        Object* o = v.as_object();
        // 5.a. Temporal objects give their date (or their exact time and zone).
        if (auto* p = as_temporal<PlainDateObject>(v, ClassId::TemporalPlainDate)) {
            r.date = p->m_date;
            return r;
        }
        if (auto* p = as_temporal<PlainDateTimeObject>(v, ClassId::TemporalPlainDateTime)) {
            r.date = p->m_dt.date;
            return r;
        }
        if (auto* z = as_temporal<ZonedDateTimeObject>(v, ClassId::TemporalZonedDateTime)) {
            r.zoned = true;
            r.epoch_ns = z->epoch_ns();
            r.time_zone = z->m_time_zone;
            IsoDateTime local = iso_date_time_for(z->m_time_zone, z->epoch_ns());
            r.date = local.date;
            r.time = local.time;
            return r;
        }
        // b-h. A property bag: InterpretTemporalDateTimeFields with constrain.
        TRY(get_calendar_with_iso_default(ctx, o));
        CalendarFields f;
        TRY(prepare_calendar_fields(ctx, o, kFieldDate | kFieldTime | kFieldOffset | kFieldTimeZone, false,
                                    &f));
        dt.date = TRY(calendar_date_from_fields(ctx, f, FieldsType::Date, Overflow::Constrain));
        dt.time = TRY(regulate_time(ctx, f, Overflow::Constrain));
        if (f.time_zone.is_undefined()) {
            r.date = dt.date;
            return r;
        }
        r.time_zone = f.time_zone;
        if (f.has_offset)
            offset_ns = f.offset_ns;
        else
            behaviour = OffsetBehaviour::Wall;
    } else {
        // 6. If value is not a String, throw a TypeError exception.
        if (!v.is_string()) {
            ctx.throw_type_error("relativeTo must be a string or an object");
            return Exception{};
        }
        AsciiArg arg;
        TRY(string_argument(ctx, v, &arg));
        ParsedIsoString p;
        if (!parse_iso_string(arg.buf, arg.len, ParseGoal::DateTime, &p) &&
            !parse_iso_string(arg.buf, arg.len, ParseGoal::ZonedDateTime, &p))
            return fail(ctx, "invalid relativeTo string");
        if (!is_valid_iso_date(static_cast<double>(p.year), p.month, p.day)) return fail(ctx, "invalid date");
        dt.date = IsoDate{static_cast<int32_t>(p.year), p.month, p.day};
        dt.time = p.time;
        if (p.time_zone[0]) {
            Value annotation = ctx.new_string(p.time_zone);
            if (annotation.is_exception()) return Exception{};
            r.time_zone = to_temporal_time_zone_identifier(ctx, annotation);
            if (r.time_zone.is_exception()) return Exception{};
            if (p.utc_designator)
                behaviour = OffsetBehaviour::Exact;
            else if (p.has_offset)
                offset_ns = p.offset_ns;
            else
                behaviour = OffsetBehaviour::Wall;
            match_minutes = !p.offset_has_subminute;
        } else if (p.utc_designator) {
            return fail(ctx, "a UTC designator needs a time zone annotation in relativeTo");
        }
        TRY(check_calendar_name(ctx, p.calendar));
        if (!p.time_zone[0]) {
            if (!iso_date_within_limits(p.year, p.month, p.day)) return fail(ctx, "date out of range");
            r.date = dt.date;
            return r;
        }
    }
    // 8-9. A zoned relativeTo: InterpretISODateTimeOffset(..., compatible, reject, matchBehaviour).
    r.zoned = true;
    r.epoch_ns =
        TRY(interpret_date_time_offset(ctx, dt, behaviour, offset_ns, r.time_zone, Disambiguation::Compatible,
                                       OffsetOption::Reject, match_minutes));
    IsoDateTime local = iso_date_time_for(r.time_zone, r.epoch_ns);
    r.date = local.date;
    r.time = local.time;
    return r;
}

} // namespace qjs
