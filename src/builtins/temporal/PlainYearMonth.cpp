// PlainYearMonth.cpp: Temporal.PlainYearMonth, its constructor and prototype
// (#sec-temporal-plainyearmonth-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"

#include <cmath>

namespace qjs {

namespace {

PlainDateObject* this_year_month(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<PlainDateObject>(ctx, args.this_value, ClassId::TemporalPlainYearMonth, method);
}

// ISODateToFields(calendar, isoDate, year-month).
CalendarFields year_month_fields(const IsoDate& d) {
    CalendarFields f = fields_from_date(d);
    f.day = NAN;
    return f;
}

// Temporal.PlainYearMonth ( isoYear, isoMonth [ , calendar [ , referenceISODay ] ] )
Value plain_year_month_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct())
        return ctx.throw_type_error("Constructor Temporal.PlainYearMonth requires 'new'");
    // 3-4. Let y, m be ? ToIntegerWithTruncation(isoYear / isoMonth).
    double y = TRY(to_integer_with_truncation(ctx, args.arg(0)));
    double m = TRY(to_integer_with_truncation(ctx, args.arg(1)));
    // 5-7. The calendar.
    TRY(constructor_calendar_argument(ctx, args.arg(2)));
    // 2, 8. Let ref be ? ToIntegerWithTruncation(referenceISODay), 1 when undefined.
    double ref = args.arg(3).is_undefined() ? 1 : TRY(to_integer_with_truncation(ctx, args.arg(3)));
    // 9. If IsValidISODate(y, m, ref) is false, throw a RangeError exception.
    if (!is_valid_iso_date(y, m, ref)) return ctx.throw_range_error("invalid year-month");
    return create_plain_year_month(
        ctx, IsoDate{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(ref)},
        args.new_target);
}

// Temporal.PlainYearMonth.from ( item [ , options ] )
Value plain_year_month_from(Context& ctx, const CallArgs& args) {
    IsoDate d = TRY(to_temporal_year_month(ctx, args.arg(0), args.arg(1)));
    return create_plain_year_month(ctx, d);
}

// Temporal.PlainYearMonth.compare ( one, two )
Value plain_year_month_compare(Context& ctx, const CallArgs& args) {
    IsoDate one = TRY(to_temporal_year_month(ctx, args.arg(0), Value()));
    IsoDate two = TRY(to_temporal_year_month(ctx, args.arg(1), Value()));
    return Value::int32(compare_iso_date(one, two));
}

Value plain_year_month_field(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "field");
    if (!o) return Exception{};
    return calendar_field(ctx, o->m_date, static_cast<CalendarField>(args.magic));
}

// Temporal.PlainYearMonth.prototype.with ( temporalYearMonthLike [ , options ] )
Value plain_year_month_with(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "with");
    if (!o) return Exception{};
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    CalendarFields fields = year_month_fields(o->m_date);
    CalendarFields partial;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldYear | kFieldMonth | kFieldMonthCode,
                                true, &partial));
    calendar_merge_fields(fields, partial);
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    IsoDate r = TRY(calendar_date_from_fields(ctx, fields, FieldsType::YearMonth, overflow));
    return create_plain_year_month(ctx, r);
}

// Temporal.PlainYearMonth.prototype.add / subtract: AddDurationToYearMonth
Value plain_year_month_add(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, args.magic ? "subtract" : "add");
    if (!o) return Exception{};
    // 1-2. Let duration be ? ToTemporalDuration(temporalDurationLike), negated for subtract.
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) f = negate_duration(f);
    // 3-4. Read the overflow option.
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    // 5. Units below months cannot be added to a year-month.
    for (int i = 2; i < 10; ++i)
        if (f[i] != 0) return ctx.throw_range_error("only years and months can be added to a PlainYearMonth");
    // 6-8. Start from the first day of the month (CalendarDateFromFields checks the date limits).
    IsoDate date{o->m_date.year, o->m_date.month, 1};
    if (!iso_date_within_limits(date.year, date.month, date.day))
        return ctx.throw_range_error("date out of range");
    // 9-10. Add the years and months.
    IsoDate added = TRY(calendar_date_add(ctx, date, DateDuration{f[0], f[1], 0, 0}, overflow));
    // 11-12. CalendarYearMonthFromFields.
    if (!year_month_within_limits(added.year, added.month))
        return ctx.throw_range_error("year-month out of range");
    return create_plain_year_month(ctx, IsoDate{added.year, added.month, 1});
}

// Temporal.PlainYearMonth.prototype.until / since: DifferenceTemporalPlainYearMonth
Value plain_year_month_until(Context& ctx, const CallArgs& args) {
    DifferenceOp op = args.magic ? DifferenceOp::Since : DifferenceOp::Until;
    PlainDateObject* o = this_year_month(ctx, args, args.magic ? "since" : "until");
    if (!o) return Exception{};
    IsoDate other = TRY(to_temporal_year_month(ctx, args.arg(0), Value()));
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    DifferenceSettings s =
        TRY(get_difference_settings(ctx, op, opts, UnitGroup::Date, Unit::Month, Unit::Month, Unit::Year));
    // 4. If the year-months are equal, return a zero duration.
    if (compare_iso_date(o->m_date, other) == 0) return create_duration(ctx, DurationFields{});
    // 5-9. The difference between the first days of both months, in years and months.
    IsoDate this_date{o->m_date.year, o->m_date.month, 1};
    IsoDate other_date{other.year, other.month, 1};
    if (!iso_date_within_limits(this_date.year, this_date.month, 1) ||
        !iso_date_within_limits(other_date.year, other_date.month, 1))
        return ctx.throw_range_error("date out of range");
    DateDuration dd = iso_date_until(this_date, other_date, s.largest_unit);
    InternalDuration duration{DateDuration{dd.years, dd.months, 0, 0}, 0};
    // 10. Round when needed.
    if (s.smallest_unit != Unit::Month || s.increment != 1) {
        IsoDateTime origin{this_date, TimeRecord{}};
        IsoDateTime dest{other_date, TimeRecord{}};
        if (!iso_date_time_within_limits(origin) || !iso_date_time_within_limits(dest))
            return ctx.throw_range_error("date out of range");
        duration = TRY(round_relative_duration(ctx, duration, utc_epoch_ns(dest), Origin{origin, Value()},
                                               s.largest_unit, s.increment, s.smallest_unit, s.mode));
    }
    DurationFields r = TRY(duration_from_internal(ctx, duration, Unit::Day));
    if (op == DifferenceOp::Since) r = negate_duration(r);
    return create_duration(ctx, r);
}

// Temporal.PlainYearMonth.prototype.equals ( other )
Value plain_year_month_equals(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "equals");
    if (!o) return Exception{};
    IsoDate other = TRY(to_temporal_year_month(ctx, args.arg(0), Value()));
    return Value::boolean(compare_iso_date(o->m_date, other) == 0);
}

// TemporalYearMonthToString ( yearMonth, showCalendar )
Value year_month_string(Context& ctx, const IsoDate& d, int show) {
    TextBuffer b;
    format_iso_year(b, d.year);
    b.add_char('-');
    b.add_padded(d.month, 2);
    // The reference day is shown with the calendar annotation (always or critical).
    if (show == 1 || show == 3) {
        b.add_char('-');
        b.add_padded(d.day, 2);
    }
    format_calendar_annotation(b, show);
    return b.to_value(ctx);
}

// Temporal.PlainYearMonth.prototype.toString ( [ options ] )
Value plain_year_month_to_string(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "toString");
    if (!o) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    int show = TRY(get_show_calendar_option(ctx, opts));
    return year_month_string(ctx, o->m_date, show);
}

Value plain_year_month_to_json(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "toJSON");
    if (!o) return Exception{};
    return year_month_string(ctx, o->m_date, 0);
}

// Temporal.PlainYearMonth.prototype.toPlainDate ( item )
Value plain_year_month_to_plain_date(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_year_month(ctx, args, "toPlainDate");
    if (!o) return Exception{};
    // 3. If item is not an Object, throw a TypeError exception.
    if (!args.arg(0).is_object()) return ctx.throw_type_error("toPlainDate requires an object");
    // 4-7. Merge the day into the year-month fields.
    CalendarFields fields = year_month_fields(o->m_date);
    CalendarFields input;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldDay, false, &input));
    calendar_merge_fields(fields, input);
    IsoDate r = TRY(calendar_date_from_fields(ctx, fields, FieldsType::Date, Overflow::Constrain));
    return create_plain_date(ctx, r);
}

const FunctionListEntry kPlainYearMonthStatics[] = {
    QJS_FUNC("from", 1, plain_year_month_from),
    QJS_FUNC("compare", 2, plain_year_month_compare),
};

#define QJS_YM_FIELD(name, field)                                                                            \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, static_cast<int16_t>(field),         \
            plain_year_month_field, nullptr, 0, nullptr                                                      \
    }

const FunctionListEntry kPlainYearMonthPrototype[] = {
    QJS_YM_FIELD("calendarId", CalendarField::CalendarId),
    QJS_YM_FIELD("era", CalendarField::Era),
    QJS_YM_FIELD("eraYear", CalendarField::EraYear),
    QJS_YM_FIELD("year", CalendarField::Year),
    QJS_YM_FIELD("month", CalendarField::Month),
    QJS_YM_FIELD("monthCode", CalendarField::MonthCode),
    QJS_YM_FIELD("daysInYear", CalendarField::DaysInYear),
    QJS_YM_FIELD("daysInMonth", CalendarField::DaysInMonth),
    QJS_YM_FIELD("monthsInYear", CalendarField::MonthsInYear),
    QJS_YM_FIELD("inLeapYear", CalendarField::InLeapYear),
    QJS_FUNC("with", 1, plain_year_month_with),
    QJS_FUNC_MAGIC("add", 1, plain_year_month_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, plain_year_month_add, 1),
    QJS_FUNC_MAGIC("until", 1, plain_year_month_until, 0),
    QJS_FUNC_MAGIC("since", 1, plain_year_month_until, 1),
    QJS_FUNC("equals", 1, plain_year_month_equals),
    QJS_FUNC("toString", 0, plain_year_month_to_string),
    QJS_FUNC("toJSON", 0, plain_year_month_to_json),
    QJS_FUNC("toLocaleString", 0, plain_year_month_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("toPlainDate", 1, plain_year_month_to_plain_date),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.PlainYearMonth", prop::Configurable),
};

} // namespace

bool install_temporal_plain_year_month(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "PlainYearMonth", plain_year_month_constructor, 2,
                                 Intrinsic::TemporalPlainYearMonthPrototype,
                                 Intrinsic::TemporalPlainYearMonth, kPlainYearMonthStatics,
                                 kPlainYearMonthPrototype) != nullptr;
}

} // namespace qjs
