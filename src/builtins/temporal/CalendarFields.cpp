// CalendarFields.cpp: the calendar-derived getters shared by the date types (year, monthCode, dayOfWeek,
// ...) for the iso8601 calendar (#sec-temporal-calendar-date-records), and CalendarMergeFields.
#include "builtins/temporal/Temporal.h"

#include "runtime/Context.h"

#include <cmath>

namespace qjs {

Value calendar_field(Context& ctx, const IsoDate& d, CalendarField which) {
    switch (which) {
    case CalendarField::Year: return Value::int32(d.year);
    case CalendarField::Month: return Value::int32(d.month);
    case CalendarField::MonthCode: {
        TextBuffer b;
        b.add_char('M');
        b.add_padded(d.month, 2);
        return b.to_value(ctx);
    }
    case CalendarField::Day: return Value::int32(d.day);
    case CalendarField::DayOfWeek: return Value::int32(iso_day_of_week(d));
    case CalendarField::DayOfYear: return Value::int32(iso_day_of_year(d));
    case CalendarField::WeekOfYear:
    case CalendarField::YearOfWeek: {
        int week;
        int64_t year;
        iso_week_of_year(d, &week, &year);
        return which == CalendarField::WeekOfYear ? Value::int32(week) : Value::number(year);
    }
    case CalendarField::DaysInWeek: return Value::int32(7);
    case CalendarField::DaysInMonth: return Value::int32(iso_days_in_month(d.year, d.month));
    case CalendarField::DaysInYear: return Value::int32(is_iso_leap_year(d.year) ? 366 : 365);
    case CalendarField::MonthsInYear: return Value::int32(12);
    case CalendarField::InLeapYear: return Value::boolean(is_iso_leap_year(d.year));
    case CalendarField::CalendarId: return iso8601_calendar_id(ctx);
    case CalendarField::Era:
    case CalendarField::EraYear: return Value();
    }
    return Value();
}

// CalendarMergeFields (#sec-temporal-calendarmergefields) for iso8601: fields present in `additional`
// replace those of `fields`; a month or monthCode in `additional` replaces both.
void calendar_merge_fields(CalendarFields& fields, const CalendarFields& additional) {
    bool month_given = !std::isnan(additional.month) || additional.month_code != 0;
    if (month_given) {
        fields.month = additional.month;
        fields.month_code = additional.month_code;
    }
    double CalendarFields::*kNumbers[] = {&CalendarFields::year,        &CalendarFields::day,
                                          &CalendarFields::hour,        &CalendarFields::minute,
                                          &CalendarFields::second,      &CalendarFields::millisecond,
                                          &CalendarFields::microsecond, &CalendarFields::nanosecond};
    for (auto slot : kNumbers)
        if (!std::isnan(additional.*slot)) fields.*slot = additional.*slot;
    if (additional.has_offset) {
        fields.has_offset = true;
        fields.offset_ns = additional.offset_ns;
    }
}

// ISODateToFields with the time fields (absent = NaN).
CalendarFields fields_from_date(const IsoDate& d) {
    CalendarFields f;
    f.year = d.year;
    f.month = d.month;
    f.month_code = d.month;
    f.day = d.day;
    f.hour = f.minute = f.second = f.millisecond = f.microsecond = f.nanosecond = NAN;
    f.has_offset = false;
    f.offset_ns = 0;
    return f;
}

} // namespace qjs
