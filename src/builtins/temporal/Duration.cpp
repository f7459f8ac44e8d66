// Duration.cpp: Temporal.Duration, its constructor and prototype (#sec-temporal-duration-objects).
#include "builtins/Options.h"
#include "builtins/temporal/Temporal.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"

#include <cmath>

namespace qjs {

namespace {

DurationObject* this_duration(Context& ctx, const CallArgs& args, const char* method) {
    return this_temporal<DurationObject>(ctx, args.this_value, ClassId::TemporalDuration, method);
}

// The end of a duration from midnight of a PlainDate relativeTo: the time part with 24-hour days is added
// to midnight, its whole days and the date part to the date (Duration.prototype.round / total, step 28).
Result<IsoDateTime> plain_relative_target(Context& ctx, const IsoDate& date, const DurationFields& duration) {
    InternalDuration internal = to_internal_duration_24h(duration);
    TimeRecord target_time = balance_time_ns(internal.time);
    DateDuration dd = internal.date;
    dd.days = static_cast<double>(target_time.days);
    IsoDate target_date = TRY(calendar_date_add(ctx, date, dd, Overflow::Constrain));
    target_time.days = 0;
    return IsoDateTime{target_date, target_time};
}

// Temporal.Duration ( [ years [ , months [ , weeks [ , days [ , hours [ , minutes [ , seconds [ ,
// milliseconds [ , microseconds [ , nanoseconds ] ] ] ] ] ] ] ] ] ] )
Value duration_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if (!args.is_construct()) return ctx.throw_type_error("Constructor Temporal.Duration requires 'new'");
    // 2-11. Each argument is ToIntegerIfIntegral, undefined is 0.
    DurationFields f;
    for (int i = 0; i < 10; ++i)
        f[i] = args.arg(i).is_undefined() ? 0 : TRY(to_integer_if_integral(ctx, args.arg(i)));
    // 12. Return ? CreateTemporalDuration(..., NewTarget).
    return create_duration(ctx, f, args.new_target);
}

// Temporal.Duration.from ( item )
Value duration_from(Context& ctx, const CallArgs& args) {
    DurationFields f = TRY(to_temporal_duration(ctx, args.arg(0)));
    return create_duration(ctx, f);
}

// Temporal.Duration.compare ( one, two [ , options ] )
Value duration_compare(Context& ctx, const CallArgs& args) {
    // 1-2. Convert both durations.
    DurationFields one = TRY(to_temporal_duration(ctx, args.arg(0)));
    DurationFields two = TRY(to_temporal_duration(ctx, args.arg(1)));
    // 3-4. Read relativeTo.
    Object* opts = TRY(get_options_object(ctx, args.arg(2)));
    RelativeTo rel = TRY(get_relative_to_option(ctx, opts));
    // 5. If all fields are equal, return +0.
    bool equal = true;
    for (int i = 0; i < 10; ++i)
        equal &= one[i] == two[i];
    if (equal) return Value::int32(0);
    // 7-10. Calendar units need a relativeTo date.
    Unit lu1 = default_largest_unit(one), lu2 = default_largest_unit(two);
    InternalDuration d1 = to_internal_duration(one), d2 = to_internal_duration(two);
    double days1 = one[3], days2 = two[3];
    // 11. With a ZonedDateTime relativeTo and date units, compare the exact times after adding.
    if (rel.zoned && (is_date_unit(lu1) || is_date_unit(lu2))) {
        i128 after1 = TRY(add_zoned_date_time(ctx, rel.epoch_ns, rel.time_zone, d1, Overflow::Constrain));
        i128 after2 = TRY(add_zoned_date_time(ctx, rel.epoch_ns, rel.time_zone, d2, Overflow::Constrain));
        return Value::int32(after1 < after2 ? -1 : after1 > after2 ? 1 : 0);
    }
    if (is_calendar_unit(lu1) || is_calendar_unit(lu2)) {
        if (!rel.has_date) return ctx.throw_range_error("relativeTo is required to compare calendar units");
        // DateDurationDays ( dateDuration, plainRelativeTo )
        for (int k = 0; k < 2; ++k) {
            InternalDuration& d = k ? d2 : d1;
            DateDuration ymw{d.date.years, d.date.months, d.date.weeks, 0};
            if (ymw.years == 0 && ymw.months == 0 && ymw.weeks == 0) continue;
            IsoDate later = TRY(calendar_date_add(ctx, rel.date, ymw, Overflow::Constrain));
            double extra =
                static_cast<double>(iso_date_to_epoch_days(later.year, later.month, later.day) -
                                    iso_date_to_epoch_days(rel.date.year, rel.date.month, rel.date.day));
            (k ? days2 : days1) += extra;
        }
    }
    // 12-14. Compare the time durations with the days as 24 hours.
    // Add24HourDaysToTimeDuration throws beyond maxTimeDuration.
    i128 t1 = d1.time + static_cast<i128>(days1) * kNsPerDay;
    i128 t2 = d2.time + static_cast<i128>(days2) * kNsPerDay;
    if (abs128(t1) > kMaxTimeDuration || abs128(t2) > kMaxTimeDuration)
        return ctx.throw_range_error("duration out of range");
    return Value::int32(t1 < t2 ? -1 : t1 > t2 ? 1 : 0);
}

// get Temporal.Duration.prototype.years .. nanoseconds (magic = field index)
Value duration_field(Context& ctx, const CallArgs& args) {
    static const char* const kNames[] = {"years",   "months",  "weeks",        "days",         "hours",
                                         "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds"};
    DurationObject* d = this_duration(ctx, args, kNames[args.magic]);
    if (!d) return Exception{};
    return Value::number(d->m_fields[args.magic]);
}

// get Temporal.Duration.prototype.sign
Value duration_sign_getter(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "sign");
    if (!d) return Exception{};
    return Value::int32(duration_sign(d->m_fields));
}

// get Temporal.Duration.prototype.blank
Value duration_blank(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "blank");
    if (!d) return Exception{};
    return Value::boolean(duration_sign(d->m_fields) == 0);
}

// Temporal.Duration.prototype.with ( temporalDurationLike )
Value duration_with(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "with");
    if (!d) return Exception{};
    // 3. Let temporalDurationLike be ? ToTemporalPartialDurationRecord(temporalDurationLike).
    DurationFields partial = TRY(to_temporal_partial_duration(ctx, args.arg(0)));
    // 4-23. Absent fields keep the receiver's values.
    for (int i = 0; i < 10; ++i)
        if (std::isnan(partial[i])) partial[i] = d->m_fields[i];
    return create_duration(ctx, partial);
}

// Temporal.Duration.prototype.negated ( ) / abs ( ) (magic 0 / 1)
Value duration_negated_abs(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, args.magic ? "abs" : "negated");
    if (!d) return Exception{};
    DurationFields f = d->m_fields;
    for (int i = 0; i < 10; ++i)
        f[i] = args.magic ? std::fabs(f[i]) : -f[i] + 0.0;
    return create_duration(ctx, f);
}

// Temporal.Duration.prototype.add / subtract ( other ): AddDurations (#sec-temporal-adddurations)
Value duration_add(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, args.magic ? "subtract" : "add");
    if (!d) return Exception{};
    // 1-2. Let other be ? ToTemporalDuration(other); negate it for subtract.
    DurationFields other = TRY(to_temporal_duration(ctx, args.arg(0)));
    if (args.magic) other = negate_duration(other);
    // 3-5. largestUnit is the larger default largest unit; calendar units are a RangeError.
    Unit largest = larger_unit(default_largest_unit(d->m_fields), default_largest_unit(other));
    if (is_calendar_unit(largest)) return ctx.throw_range_error("cannot add durations with calendar units");
    // 6-9. Add the 24-hour-day time durations.
    InternalDuration d1 = to_internal_duration_24h(d->m_fields);
    InternalDuration d2 = to_internal_duration_24h(other);
    i128 time = TRY(add_time_duration(ctx, d1.time, d2.time));
    DurationFields r = TRY(duration_from_internal(ctx, InternalDuration{{}, time}, largest));
    return create_duration(ctx, r);
}

// Temporal.Duration.prototype.round ( roundTo )
Value duration_round(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "round");
    if (!d) return Exception{};
    const DurationFields& duration = d->m_fields;
    // 3. If roundTo is undefined, throw a TypeError exception.
    const Value& round_to = args.arg(0);
    if (round_to.is_undefined()) return ctx.throw_type_error("round requires an options argument");
    Unit smallest;
    Unit largest;
    RelativeTo rel;
    double increment;
    RoundingMode mode;
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, round_to, "smallestUnit", &holder));
    // 7-13. Read the options in alphabetical order.
    largest = TRY(get_unit_option(ctx, opts, "largestUnit"));
    rel = TRY(get_relative_to_option(ctx, opts));
    increment = TRY(get_rounding_increment(ctx, opts));
    mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::HalfExpand));
    smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    // 14-16. Validate smallestUnit; it defaults to nanosecond.
    TRY(validate_unit(ctx, smallest, UnitGroup::DateTime, false, "smallestUnit"));
    bool smallest_present = smallest != Unit::Unset;
    if (!smallest_present) smallest = Unit::Nanosecond;
    // 17-21. The default largestUnit.
    Unit existing_largest = default_largest_unit(duration);
    Unit default_largest = larger_unit(existing_largest, smallest);
    bool largest_present = largest != Unit::Unset;
    TRY(validate_unit(ctx, largest, UnitGroup::DateTime, true, "largestUnit"));
    if (!largest_present || largest == Unit::Auto) largest = default_largest;
    // 22. If smallestUnitPresent is false and largestUnitPresent is false, throw a RangeError exception.
    if (!smallest_present && !largest_present)
        return ctx.throw_range_error("smallestUnit or largestUnit is required");
    // 23. largestUnit must not be smaller than smallestUnit.
    if (larger_unit(largest, smallest) != largest)
        return ctx.throw_range_error("largestUnit is smaller than smallestUnit");
    // 24-25. Validate the increment.
    double maximum = maximum_rounding_increment(smallest);
    if (maximum != 0) TRY(validate_rounding_increment(ctx, increment, maximum, false));
    // 26. An increment above 1 with calendar-unit rounding needs smallestUnit = largestUnit.
    if (increment > 1 && largest != smallest && is_date_unit(smallest))
        return ctx.throw_range_error("roundingIncrement > 1 needs smallestUnit equal to largestUnit");
    // 27. With a ZonedDateTime relativeTo: round the difference between two exact times.
    if (rel.zoned) {
        i128 target = TRY(add_zoned_date_time(ctx, rel.epoch_ns, rel.time_zone,
                                              to_internal_duration(duration), Overflow::Constrain));
        InternalDuration r = TRY(difference_zoned_with_rounding(ctx, rel.epoch_ns, target, rel.time_zone,
                                                                largest, increment, smallest, mode));
        DurationFields out =
            TRY(duration_from_internal(ctx, r, is_date_unit(largest) ? Unit::Hour : largest));
        return create_duration(ctx, out);
    }
    // 28. With a PlainDate relativeTo: round the difference between two date-times.
    if (rel.has_date) {
        IsoDateTime start{rel.date, TimeRecord{}};
        IsoDateTime end = TRY(plain_relative_target(ctx, rel.date, duration));
        InternalDuration r =
            TRY(difference_date_time_with_rounding(ctx, start, end, largest, increment, smallest, mode));
        DurationFields out = TRY(duration_from_internal(ctx, r, largest));
        return create_duration(ctx, out);
    }
    // 29. Without relativeTo, calendar units cannot be rounded.
    if (is_calendar_unit(existing_largest) || is_calendar_unit(largest))
        return ctx.throw_range_error("relativeTo is required to round calendar units");
    // 31-33. Round the 24-hour-day time duration.
    InternalDuration internal = to_internal_duration_24h(duration);
    InternalDuration r;
    if (smallest == Unit::Day) {
        i128 days =
            round_to_increment(internal.time, static_cast<i128>(increment) * kNsPerDay, mode) / kNsPerDay;
        r.date.days = static_cast<double>(days);
    } else {
        r.time = TRY(round_time_duration(ctx, internal.time, increment, smallest, mode));
    }
    DurationFields out = TRY(duration_from_internal(ctx, r, largest));
    return create_duration(ctx, out);
}

// Temporal.Duration.prototype.total ( totalOf )
Value duration_total(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "total");
    if (!d) return Exception{};
    const DurationFields& duration = d->m_fields;
    const Value& total_of = args.arg(0);
    // 3. If totalOf is undefined, throw a TypeError exception.
    if (total_of.is_undefined()) return ctx.throw_type_error("total requires an options argument");
    Value holder;
    Object* opts = TRY(options_or_shorthand(ctx, total_of, "unit", &holder));
    // 6-10. relativeTo, then unit (required).
    RelativeTo rel = TRY(get_relative_to_option(ctx, opts));
    Unit unit = TRY(get_unit_option(ctx, opts, "unit"));
    if (unit == Unit::Unset) return ctx.throw_range_error("unit is required");
    TRY(validate_unit(ctx, unit, UnitGroup::DateTime, false, "unit"));
    double total;
    if (rel.zoned) {
        i128 target = TRY(add_zoned_date_time(ctx, rel.epoch_ns, rel.time_zone,
                                              to_internal_duration(duration), Overflow::Constrain));
        total = TRY(difference_zoned_with_total(ctx, rel.epoch_ns, target, rel.time_zone, unit));
    } else if (rel.has_date) {
        IsoDateTime end = TRY(plain_relative_target(ctx, rel.date, duration));
        total = TRY(difference_date_time_with_total(ctx, IsoDateTime{rel.date, TimeRecord{}}, end, unit));
    } else {
        if (is_calendar_unit(default_largest_unit(duration)) || is_calendar_unit(unit))
            return ctx.throw_range_error("relativeTo is required for calendar units");
        InternalDuration internal = to_internal_duration_24h(duration);
        total = divide_to_double(internal.time, ns_per_unit(unit));
    }
    return Value::number(total);
}

// Temporal.Duration.prototype.toString ( [ options ] )
Value duration_to_string(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "toString");
    if (!d) return Exception{};
    Object* opts = TRY(get_options_object(ctx, args.arg(0)));
    int digits = TRY(get_fractional_second_digits(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::Trunc));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    // 8. If smallestUnit is hour or minute, throw a RangeError exception.
    if (smallest == Unit::Hour || smallest == Unit::Minute)
        return ctx.throw_range_error("smallestUnit must be second or smaller");
    Precision precision = to_seconds_string_precision(smallest, digits);
    DurationFields rounded = d->m_fields;
    // 10-11. Round when the precision is coarser than nanoseconds.
    if (precision.unit != Unit::Nanosecond || precision.increment != 1) {
        InternalDuration internal = to_internal_duration(d->m_fields);
        internal.time = TRY(round_time_duration(ctx, internal.time, static_cast<double>(precision.increment),
                                                precision.unit, mode));
        Unit largest = larger_unit(default_largest_unit(d->m_fields), Unit::Second);
        rounded = TRY(duration_from_internal(ctx, internal, largest));
    }
    TextBuffer b;
    format_duration(b, rounded, precision.digits);
    return b.to_value(ctx);
}

// Temporal.Duration.prototype.toJSON ( ) / toLocaleString ( )
Value duration_to_json(Context& ctx, const CallArgs& args) {
    DurationObject* d = this_duration(ctx, args, "toJSON");
    if (!d) return Exception{};
    TextBuffer b;
    format_duration(b, d->m_fields, -1);
    return b.to_value(ctx);
}

Value temporal_value_of(Context& ctx, const CallArgs&) {
    return ctx.throw_type_error(
        "Temporal objects cannot be converted to primitives; use compare() or equals()");
}

const FunctionListEntry kDurationStatics[] = {
    QJS_FUNC("from", 1, duration_from),
    QJS_FUNC("compare", 2, duration_compare),
};

#define QJS_DURATION_FIELD(name, i)                                                                          \
    { name, FunctionListEntry::Kind::Accessor, prop::Configurable, 0, i, duration_field, nullptr, 0, nullptr }

const FunctionListEntry kDurationPrototype[] = {
    QJS_DURATION_FIELD("years", 0),
    QJS_DURATION_FIELD("months", 1),
    QJS_DURATION_FIELD("weeks", 2),
    QJS_DURATION_FIELD("days", 3),
    QJS_DURATION_FIELD("hours", 4),
    QJS_DURATION_FIELD("minutes", 5),
    QJS_DURATION_FIELD("seconds", 6),
    QJS_DURATION_FIELD("milliseconds", 7),
    QJS_DURATION_FIELD("microseconds", 8),
    QJS_DURATION_FIELD("nanoseconds", 9),
    QJS_GETTER("sign", duration_sign_getter),
    QJS_GETTER("blank", duration_blank),
    QJS_FUNC("with", 1, duration_with),
    QJS_FUNC_MAGIC("negated", 0, duration_negated_abs, 0),
    QJS_FUNC_MAGIC("abs", 0, duration_negated_abs, 1),
    QJS_FUNC_MAGIC("add", 1, duration_add, 0),
    QJS_FUNC_MAGIC("subtract", 1, duration_add, 1),
    QJS_FUNC("round", 1, duration_round),
    QJS_FUNC("total", 1, duration_total),
    QJS_FUNC("toString", 0, duration_to_string),
    QJS_FUNC("toJSON", 0, duration_to_json),
    QJS_FUNC("toLocaleString", 0, duration_to_json),
    QJS_FUNC("valueOf", 0, temporal_value_of),
    QJS_PROP_STRING("[Symbol.toStringTag]", "Temporal.Duration", prop::Configurable),
};

} // namespace

Value temporal_value_of_function(Context& ctx, const CallArgs& args) {
    return temporal_value_of(ctx, args);
}

bool install_temporal_duration(Context& ctx, Object* ns) {
    return install_temporal_type(ctx, ns, "Duration", duration_constructor, 0,
                                 Intrinsic::TemporalDurationPrototype, Intrinsic::TemporalDuration,
                                 kDurationStatics, kDurationPrototype) != nullptr;
}

} // namespace qjs
