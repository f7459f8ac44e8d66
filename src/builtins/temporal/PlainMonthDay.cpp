// PlainMonthDay.cpp: Temporal.PlainMonthDay, its constructor and prototype
// (#sec-temporal-plainmonthday-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"

#include <cmath>

namespace qjs {

namespace {

PlainDateObject* this_month_day(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<PlainDateObject>(ctx, args.this_value, ClassId::TemporalPlainMonthDay, method);
}

// ISODateToFields(calendar, isoDate, month-day): monthCode and day.
CalendarFields month_day_fields(const IsoDate& d) {
    CalendarFields f = fields_from_date(d);
    f.year = NAN;
    f.month = NAN;
    return f;
}

// Temporal.PlainMonthDay ( isoMonth, isoDay [ , calendar [ , referenceISOYear ] ] )
Value plain_month_day_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct())
        return ctx.throw_type_error("Constructor Temporal.PlainMonthDay requires 'new'");
    // 3-4. Let m, d be ? ToIntegerWithTruncation(isoMonth / isoDay).
    double m = TRY(to_integer_with_truncation(ctx, args.arg(0)));
    double d = TRY(to_integer_with_truncation(ctx, args.arg(1)));
    // 5-7. The calendar.
    TRY(constructor_calendar_argument(ctx, args.arg(2)));
    // 2, 8. Let y be ? ToIntegerWithTruncation(referenceISOYear), 1972 when undefined.
    double y = args.arg(3).is_undefined() ? 1972 : TRY(to_integer_with_truncation(ctx, args.arg(3)));
    // 9. If IsValidISODate(y, m, d) is false, throw a RangeError exception.
    if (!is_valid_iso_date(y, m, d)) return ctx.throw_range_error("invalid month-day");
    return create_plain_month_day(
        ctx, IsoDate{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(d)},
        args.new_target);
}

// Temporal.PlainMonthDay.from ( item [ , options ] )
Value plain_month_day_from(Context& ctx, const CallArgs& args) {
    IsoDate d = TRY(to_temporal_month_day(ctx, args.arg(0), args.arg(1)));
    return create_plain_month_day(ctx, d);
}

Value plain_month_day_field(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "field");
    if (!o) return Exception{};
    return calendar_field(ctx, o->m_date, static_cast<CalendarField>(args.magic));
}

// Temporal.PlainMonthDay.prototype.with ( temporalMonthDayLike [ , options ] )
Value plain_month_day_with(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "with");
    if (!o) return Exception{};
    if (!args.arg(0).is_object()) return ctx.throw_type_error("with requires an object");
    TRY(reject_temporal_like_object(ctx, args.arg(0).as_object()));
    CalendarFields fields = month_day_fields(o->m_date);
    CalendarFields partial;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldDate, true, &partial));
    calendar_merge_fields(fields, partial);
    Object* opts = TRY(get_options_object(ctx, args.arg(1)));
    Overflow overflow = TRY(get_overflow_option(ctx, opts));
    IsoDate r = TRY(calendar_date_from_fields(ctx, fields, FieldsType::MonthDay, overflow));
    return create_plain_month_day(ctx, r);
}

// Temporal.PlainMonthDay.prototype.equals ( other )
Value plain_month_day_equals(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "equals");
    if (!o) return Exception{};
    IsoDate other = TRY(to_temporal_month_day(ctx, args.arg(0), Value()));
    return Value::boolean(compare_iso_date(o->m_date, other) == 0);
}

// TemporalMonthDayToString ( monthDay, showCalendar )
Value month_day_string(Context& ctx, const IsoDate& d, int show) {
    TextBuffer b;
    // The reference year is shown with the calendar annotation (always or critical).
    if (show == 1 || show == 3) {
        format_iso_year(b, d.year);
        b.add_char('-');
    }
    b.add_padded(d.month, 2);
    b.add_char('-');
    b.add_padded(d.day, 2);
    format_calendar_annotation(b, show);
    return b.to_value(ctx);
}

// Temporal.PlainMonthDay.prototype.toString ( [ options ] )
Value plain_month_day_to_string(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "toString");
    if (!o) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    int show = TRY(get_show_calendar_option(ctx, opts));
    return month_day_string(ctx, o->m_date, show);
}

Value plain_month_day_to_json(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "toJSON");
    if (!o) return Exception{};
    return month_day_string(ctx, o->m_date, 0);
}

// Temporal.PlainMonthDay.prototype.toPlainDate ( item )
Value plain_month_day_to_plain_date(Context& ctx, const CallArgs& args) {
    PlainDateObject* o = this_month_day(ctx, args, "toPlainDate");
    if (!o) return Exception{};
    if (!args.arg(0).is_object()) return ctx.throw_type_error("toPlainDate requires an object");
    CalendarFields fields = month_day_fields(o->m_date);
    CalendarFields input;
    TRY(prepare_calendar_fields(ctx, args.arg(0).as_object(), kFieldYear, false, &input));
    calendar_merge_fields(fields, input);
    IsoDate r = TRY(calendar_date_from_fields(ctx, fields, FieldsType::Date, Overflow::Constrain));
    return create_plain_date(ctx, r);
}

const FunctionListEntry kPlainMonthDayStatics[] = {
    QJS_FUNC("from", 1, plain_month_day_from),
};

#define QJS_MD_FIELD(name, field)                                                                            \
    {                                                                                                        \
        name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, static_cast<int16_t>(field),         \
            plain_month_day_field, nullptr, 0, nullptr                                                       \
    }

const FunctionListEntry kPlainMonthDayPrototype[] = {
    QJS_MD_FIELD("calendarId", CalendarField::CalendarId),
    QJS_MD_FIELD("monthCode", CalendarField::MonthCode),
    QJS_MD_FIELD("day", CalendarField::Day),
    QJS_FUNC("with", 1, plain_month_day_with),
    QJS_FUNC("equals", 1, plain_month_day_equals),
    QJS_FUNC("toString", 0, plain_month_day_to_string),
    QJS_FUNC("toJSON", 0, plain_month_day_to_json),
    QJS_FUNC("toLocaleString", 0, plain_month_day_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of_function),
    QJS_FUNC("toPlainDate", 1, plain_month_day_to_plain_date),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.PlainMonthDay", prop::Configurable),
};

} // namespace

bool install_temporal_plain_month_day(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "PlainMonthDay", plain_month_day_constructor, 2,
                                 Intrinsic::TemporalPlainMonthDayPrototype, Intrinsic::TemporalPlainMonthDay,
                                 kPlainMonthDayStatics, kPlainMonthDayPrototype) != nullptr;
}

} // namespace qjs
