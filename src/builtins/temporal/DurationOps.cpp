// DurationOps.cpp: duration validity, balancing and rounding relative to a date-time
// (#sec-temporal-duration-abstract-ops, without time zones).
#include "builtins/temporal/Temporal.h"

#include "runtime/Context.h"

#include <cmath>

namespace qjs {

// IsValidDuration (#sec-temporal-isvalidduration)
bool is_valid_duration(const DurationFields& f) {
    // 1-2. Every field is finite and has the sign of the duration.
    int sign = 0;
    for (int i = 0; i < 10; ++i) {
        if (!std::isfinite(f[i])) return false;
        int s = f[i] < 0 ? -1 : f[i] > 0 ? 1 : 0;
        if (s && sign && s != sign) return false;
        if (s) sign = s;
    }
    // 3-5. abs(years), abs(months), abs(weeks) < 2^32.
    for (int i = 0; i < 3; ++i)
        if (std::fabs(f[i]) >= 4294967296.0) return false;
    // 6-8. The normalized seconds of days .. nanoseconds are below 2^53 (each term alone first, so the sum
    // below fits in 128 bits).
    static const double kLimits[] = {
        9007199254740992.0 / 86400, 9007199254740992.0 / 3600, 9007199254740992.0 / 60, 9007199254740992.0,
        9007199254740992.0e3,       9007199254740992.0e6,      9007199254740992.0e9};
    for (int i = 3; i < 10; ++i)
        if (std::fabs(f[i]) > kLimits[i - 3]) return false;
    i128 total = time_duration_from_components(f[4], f[5], f[6], f[7], f[8], f[9]) +
                 static_cast<i128>(f[3]) * kNsPerDay;
    return abs128(total) <= kMaxTimeDuration;
}

// DurationSign (#sec-temporal-durationsign)
int duration_sign(const DurationFields& f) {
    for (int i = 0; i < 10; ++i) {
        if (f[i] < 0) return -1;
        if (f[i] > 0) return 1;
    }
    return 0;
}

// DefaultTemporalLargestUnit (#sec-temporal-defaulttemporallargestunit)
Unit default_largest_unit(const DurationFields& f) {
    for (int i = 0; i < 10; ++i)
        if (f[i] != 0) return static_cast<Unit>(i);
    return Unit::Nanosecond;
}

// ToInternalDurationRecord (#sec-temporal-tointernaldurationrecord)
InternalDuration to_internal_duration(const DurationFields& f) {
    InternalDuration r;
    r.date = {f[0], f[1], f[2], f[3]};
    r.time = time_duration_from_components(f[4], f[5], f[6], f[7], f[8], f[9]);
    return r;
}

// ToInternalDurationRecordWith24HourDays (#sec-temporal-tointernaldurationrecordwith24hourdays)
InternalDuration to_internal_duration_24h(const DurationFields& f) {
    InternalDuration r;
    r.date = {f[0], f[1], f[2], 0};
    r.time = time_duration_from_components(f[4], f[5], f[6], f[7], f[8], f[9]) +
             static_cast<i128>(f[3]) * kNsPerDay;
    return r;
}

// InternalDurationSign (#sec-temporal-internaldurationsign)
int internal_duration_sign(const InternalDuration& d) {
    const double* p = &d.date.years;
    for (int i = 0; i < 4; ++i) {
        if (p[i] < 0) return -1;
        if (p[i] > 0) return 1;
    }
    return sign_of(d.time);
}

DurationFields negate_duration(const DurationFields& f) {
    DurationFields r;
    for (int i = 0; i < 10; ++i)
        r[i] = -f[i] + 0.0;
    return r;
}

// TemporalDurationFromInternal ( internalDuration, largestUnit )
Result<DurationFields> duration_from_internal(Context& ctx, const InternalDuration& d, Unit largest) {
    DurationFields r;
    r[0] = d.date.years;
    r[1] = d.date.months;
    r[2] = d.date.weeks;
    r[3] = d.date.days;
    // 1-2. Balance the time duration into units no larger than largestUnit.
    i128 ns = d.time;
    int sign = sign_of(ns);
    i128 a = abs128(ns);
    i128 days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0, us = 0;
    i128 rest = a;
    if (is_date_unit(largest)) {
        days = rest / kNsPerDay;
        rest %= kNsPerDay;
    }
    if (largest <= Unit::Hour) {
        hours = rest / 3600000000000LL;
        rest %= 3600000000000LL;
    }
    if (largest <= Unit::Minute) {
        minutes = rest / 60000000000LL;
        rest %= 60000000000LL;
    }
    if (largest <= Unit::Second) {
        seconds = rest / 1000000000;
        rest %= 1000000000;
    }
    if (largest <= Unit::Millisecond) {
        ms = rest / 1000000;
        rest %= 1000000;
    }
    if (largest <= Unit::Microsecond) {
        us = rest / 1000;
        rest %= 1000;
    }
    r[3] += static_cast<double>(days * sign);
    r[4] = static_cast<double>(hours * sign);
    r[5] = static_cast<double>(minutes * sign);
    r[6] = static_cast<double>(seconds * sign);
    r[7] = static_cast<double>(ms * sign);
    r[8] = static_cast<double>(us * sign);
    r[9] = static_cast<double>(rest * sign);
    for (int i = 0; i < 10; ++i)
        r[i] += 0.0;
    // 11. Return ? CreateTemporalDuration(...): the caller creates it; validate here.
    if (!is_valid_duration(r)) {
        ctx.throw_range_error("duration out of range");
        return Exception{};
    }
    return r;
}

// CalendarDateAdd ( calendar, isoDate, duration, overflow ) for iso8601
Result<IsoDate> calendar_date_add(Context& ctx, const IsoDate& date, const DateDuration& d,
                                  Overflow overflow) {
    // 1.a. Let intermediate be BalanceISOYearMonth(year + years, month + months).
    int64_t y;
    int m;
    balance_iso_year_month(date.year + static_cast<int64_t>(d.years),
                           date.month + static_cast<int64_t>(d.months), &y, &m);
    if (y < -1000000 || y > 1000000) {
        ctx.throw_range_error("date out of range");
        return Exception{};
    }
    // 1.b. Set intermediate to ? RegulateISODate(intermediate.year, intermediate.month, day, overflow).
    int day = date.day;
    int dim = iso_days_in_month(y, m);
    if (day > dim) {
        if (overflow == Overflow::Reject) {
            ctx.throw_range_error("day out of range");
            return Exception{};
        }
        day = dim;
    }
    // 1.c-d. Let days be days + 7 × weeks; result = AddDaysToISODate(intermediate, days).
    double days = d.days + 7 * d.weeks;
    IsoDate r;
    if (std::fabs(days) > 1e12 || !balance_iso_date(y, m, day + static_cast<int64_t>(days), &r) ||
        !iso_date_within_limits(r.year, r.month, r.day)) {
        // 2. If ISODateWithinLimits(result) is false, throw a RangeError exception.
        ctx.throw_range_error("date out of range");
        return Exception{};
    }
    return r;
}

Result<i128> add_time_duration(Context& ctx, i128 a, i128 b) {
    i128 r = a + b;
    if (abs128(r) > kMaxTimeDuration) {
        ctx.throw_range_error("time duration out of range");
        return Exception{};
    }
    return r;
}

// RoundTimeDuration (#sec-temporal-roundtimeduration)
Result<i128> round_time_duration(Context& ctx, i128 d, double increment, Unit unit, RoundingMode mode) {
    i128 r = round_to_increment(d, static_cast<i128>(increment) * ns_per_unit(unit), mode);
    if (abs128(r) > kMaxTimeDuration) {
        ctx.throw_range_error("time duration out of range");
        return Exception{};
    }
    return r;
}

// DifferenceISODateTime ( isoDateTime1, isoDateTime2, calendar, largestUnit )
InternalDuration difference_iso_date_time(const IsoDateTime& a, const IsoDateTime& b, Unit largest) {
    // 1. Let timeDuration be DifferenceTime(isoDateTime1.[[Time]], isoDateTime2.[[Time]]).
    i128 time = time_to_ns(b.time) - time_to_ns(a.time);
    // 2-3. timeSign and dateSign.
    int time_sign = sign_of(time);
    int date_sign = compare_iso_date(b.date, a.date);
    // 4-5. If timeSign = -dateSign, move one day from the date difference into the time.
    IsoDate adjusted = b.date;
    if (time_sign != 0 && time_sign == -date_sign) {
        balance_iso_date(adjusted.year, adjusted.month, adjusted.day + time_sign, &adjusted);
        time -= static_cast<i128>(time_sign) * kNsPerDay;
    }
    // 6-7. dateLargestUnit = LargerOfTwoTemporalUnits(day, largestUnit); CalendarDateUntil.
    Unit date_largest = larger_unit(Unit::Day, largest);
    DateDuration dd = iso_date_until(a.date, adjusted, date_largest);
    // 8. If largestUnit is not dateLargestUnit, fold the days into the time duration.
    if (largest != date_largest) {
        time += static_cast<i128>(dd.days) * kNsPerDay;
        dd.days = 0;
    }
    return InternalDuration{dd, time};
}

namespace {

struct Nudge {
    InternalDuration duration;
    double total;
    i128 nudged_epoch_ns;
    bool did_expand;
};

DateDuration adjust(const DateDuration& d, double days, double weeks, double months) {
    return DateDuration{d.years, months, weeks, days};
}

// The epoch nanoseconds of a wall-clock date-time: GetUTCEpochNanoseconds without a time zone, else
// GetEpochNanosecondsFor (compatible).
Result<i128> epoch_of(Context& ctx, const Origin& origin, const IsoDateTime& dt) {
    if (origin.tz.is_undefined()) return utc_epoch_ns(dt);
    return epoch_ns_for(ctx, origin.tz, dt);
}

// The epoch nanoseconds of origin + dateDuration.
Result<i128> epoch_ns_after(Context& ctx, const Origin& origin, const DateDuration& d) {
    IsoDate end = TRY(calendar_date_add(ctx, origin.dt.date, d, Overflow::Constrain));
    return epoch_of(ctx, origin, IsoDateTime{end, origin.dt.time});
}

// NudgeToZonedTime (#sec-temporal-nudgetozonedtime): rounds the time part within its day.
Result<Nudge> nudge_to_zoned_time(Context& ctx, int sign, const InternalDuration& duration,
                                  const Origin& origin, double increment, Unit unit, RoundingMode mode) {
    // 1-6. The exact times of the start of the day of the duration's end and of the next day.
    IsoDate start = TRY(calendar_date_add(ctx, origin.dt.date, duration.date, Overflow::Constrain));
    IsoDate end;
    if (!balance_iso_date(start.year, start.month, start.day + sign, &end)) {
        ctx.throw_range_error("date out of range");
        return Exception{};
    }
    i128 start_ns = TRY(epoch_of(ctx, origin, IsoDateTime{start, origin.dt.time}));
    i128 end_ns = TRY(epoch_of(ctx, origin, IsoDateTime{end, origin.dt.time}));
    // 7-10. Round the time part.
    i128 day_span = end_ns - start_ns;
    i128 step = static_cast<i128>(increment) * ns_per_unit(unit);
    i128 rounded = round_to_increment(duration.time, step, mode);
    // 11-13. Rounding beyond the day moves into the next day.
    i128 beyond = rounded - day_span;
    Nudge n;
    double day_delta = 0;
    if (sign_of(beyond) != -sign) {
        n.did_expand = true;
        day_delta = sign;
        rounded = round_to_increment(beyond, step, mode);
        n.nudged_epoch_ns = end_ns + rounded;
    } else {
        n.did_expand = false;
        n.nudged_epoch_ns = start_ns + rounded;
    }
    // 14-16. The result.
    n.duration = InternalDuration{
        adjust(duration.date, duration.date.days + day_delta, duration.date.weeks, duration.date.months),
        rounded};
    n.total = 0;
    return n;
}

// NudgeToCalendarUnit (#sec-temporal-nudgetocalendarunit) without a time zone.
Result<Nudge> nudge_to_calendar_unit(Context& ctx, int sign, const InternalDuration& duration,
                                     i128 dest_epoch_ns, const Origin& origin, double increment, Unit unit,
                                     RoundingMode mode) {
    const DateDuration& dd = duration.date;
    double r1, r2;
    DateDuration start, end;
    // 1-5. The bounds r1 and r2 of the unit containing the duration.
    if (unit == Unit::Year) {
        double years = std::trunc(dd.years / increment) * increment;
        r1 = years;
        r2 = years + increment * sign;
        start = {r1, 0, 0, 0};
        end = {r2, 0, 0, 0};
    } else if (unit == Unit::Month) {
        double months = std::trunc(dd.months / increment) * increment;
        r1 = months;
        r2 = months + increment * sign;
        start = adjust(dd, 0, 0, r1);
        end = adjust(dd, 0, 0, r2);
    } else if (unit == Unit::Week) {
        DateDuration years_months = adjust(dd, 0, 0, dd.months);
        IsoDate weeks_start = TRY(calendar_date_add(ctx, origin.dt.date, years_months, Overflow::Constrain));
        IsoDate weeks_end;
        if (!balance_iso_date(weeks_start.year, weeks_start.month,
                              weeks_start.day + static_cast<int64_t>(dd.days), &weeks_end)) {
            ctx.throw_range_error("date out of range");
            return Exception{};
        }
        DateDuration until = iso_date_until(weeks_start, weeks_end, Unit::Week);
        double weeks = std::trunc((dd.weeks + until.weeks) / increment) * increment;
        r1 = weeks;
        r2 = weeks + increment * sign;
        start = adjust(dd, 0, r1, dd.months);
        end = adjust(dd, 0, r2, dd.months);
    } else {
        double days = std::trunc(dd.days / increment) * increment;
        r1 = days;
        r2 = days + increment * sign;
        start = adjust(dd, r1, dd.weeks, dd.months);
        end = adjust(dd, r2, dd.weeks, dd.months);
    }
    // 7-10. The epoch nanoseconds of both bounds.
    i128 start_ns = TRY(epoch_ns_after(ctx, origin, start));
    i128 end_ns = TRY(epoch_ns_after(ctx, origin, end));
    // 12. If endEpochNs = startEpochNs, throw a RangeError exception.
    if (start_ns == end_ns) {
        ctx.throw_range_error("cannot round the duration relative to this date");
        return Exception{};
    }
    // 13-15. progress = (destEpochNs - startEpochNs) / (endEpochNs - startEpochNs).
    i128 num = dest_epoch_ns - start_ns;
    i128 den = end_ns - start_ns;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    // 14. total = r1 + progress × increment × sign, as one exact quotient.
    double total =
        divide_to_double(static_cast<i128>(r1) * den + num * static_cast<i128>(increment) * sign, den);
    // 16-18. Round |total| between |r1| and |r2|.
    bool expand;
    if (num == den)
        expand = true;
    else {
        bool r1_even = std::fmod(std::fabs(r1) / increment, 2) == 0;
        expand = round_up_for_fraction(num, den, mode, sign < 0, r1_even);
    }
    Nudge n;
    n.total = total;
    n.did_expand = expand;
    n.duration = InternalDuration{expand ? end : start, 0};
    n.nudged_epoch_ns = expand ? end_ns : start_ns;
    return n;
}

// NudgeToDayOrTime (#sec-temporal-nudgetodayortime)
Result<Nudge> nudge_to_day_or_time(Context& ctx, const InternalDuration& duration, i128 dest_epoch_ns,
                                   Unit largest, double increment, Unit smallest, RoundingMode mode) {
    // 1. Let timeDuration be ! Add24HourDaysToTimeDuration(duration.[[Time]], duration.[[Date]].[[Days]]).
    i128 time = duration.time + static_cast<i128>(duration.date.days) * kNsPerDay;
    // 2-3. Round it to the increment of the unit.
    i128 unit_length = ns_per_unit(smallest);
    i128 rounded = round_to_increment(time, unit_length * static_cast<i128>(increment), mode);
    // 4. Let diffTime be rounded - timeDuration.
    i128 diff = rounded - time;
    // 5-9. Whole days before and after rounding.
    i128 whole_days = time / kNsPerDay;
    i128 rounded_whole_days = rounded / kNsPerDay;
    i128 day_delta = rounded_whole_days - whole_days;
    bool did_expand = sign_of(day_delta) == sign_of(time);
    // 10. nudgedEpochNs = diffTime + destEpochNs.
    Nudge n;
    n.nudged_epoch_ns = dest_epoch_ns + diff;
    // 11-12. Keep whole days in the date part when largestUnit is a date unit.
    i128 days = 0, remainder = rounded;
    if (is_date_unit(largest)) {
        days = rounded_whole_days;
        remainder = rounded - days * kNsPerDay;
    }
    if (abs128(remainder) > kMaxTimeDuration) {
        ctx.throw_range_error("time duration out of range");
        return Exception{};
    }
    n.duration = InternalDuration{
        adjust(duration.date, static_cast<double>(days), duration.date.weeks, duration.date.months),
        remainder};
    n.total = divide_to_double(time, unit_length);
    n.did_expand = did_expand && day_delta != 0;
    return n;
}

// BubbleRelativeDuration (#sec-temporal-bubblerelativeduration) without a time zone.
Result<InternalDuration> bubble_relative_duration(Context& ctx, int sign, InternalDuration duration,
                                                  i128 nudged_epoch_ns, const Origin& origin, Unit largest,
                                                  Unit smallest) {
    // 1. If smallestUnit is largestUnit, return duration.
    if (smallest == largest) return duration;
    // 2-5. Walk the units from the one above smallestUnit up to largestUnit.
    for (int u = static_cast<int>(smallest) - 1; u >= static_cast<int>(largest); --u) {
        Unit unit = static_cast<Unit>(u);
        // a. Skip weeks unless largestUnit is week.
        if (unit == Unit::Week && largest != Unit::Week) continue;
        const DateDuration& dd = duration.date;
        DateDuration end;
        if (unit == Unit::Year)
            end = {dd.years + sign, 0, 0, 0};
        else if (unit == Unit::Month)
            end = adjust(dd, 0, 0, dd.months + sign);
        else if (unit == Unit::Week)
            end = adjust(dd, 0, dd.weeks + sign, dd.months);
        else
            end = adjust(dd, dd.days + sign, dd.weeks, dd.months);
        i128 end_ns = TRY(epoch_ns_after(ctx, origin, end));
        // vii-ix. If the nudged point is not before the end of the next unit, take it.
        i128 beyond = nudged_epoch_ns - end_ns;
        if (sign_of(beyond) != -sign)
            duration = InternalDuration{end, 0};
        else
            break;
    }
    return duration;
}

} // namespace

// RoundRelativeDuration (#sec-temporal-roundrelativeduration) without a time zone.
Result<InternalDuration> round_relative_duration(Context& ctx, const InternalDuration& duration,
                                                 i128 dest_epoch_ns, const Origin& origin, Unit largest,
                                                 double increment, Unit smallest, RoundingMode mode) {
    // 1. irregularLengthUnit: a calendar unit, or days with a time zone.
    bool zoned = !origin.tz.is_undefined();
    bool irregular = is_calendar_unit(smallest) || (zoned && smallest == Unit::Day);
    // 3. Let sign be -1 if InternalDurationSign(duration) < 0, else 1.
    int sign = internal_duration_sign(duration) < 0 ? -1 : 1;
    Nudge n;
    if (irregular)
        n = TRY(
            nudge_to_calendar_unit(ctx, sign, duration, dest_epoch_ns, origin, increment, smallest, mode));
    else if (zoned)
        n = TRY(nudge_to_zoned_time(ctx, sign, duration, origin, increment, smallest, mode));
    else
        n = TRY(nudge_to_day_or_time(ctx, duration, dest_epoch_ns, largest, increment, smallest, mode));
    // 6-7. Bubble an expanded unit up to largestUnit.
    InternalDuration r = n.duration;
    if (n.did_expand && smallest != Unit::Week)
        r = TRY(bubble_relative_duration(ctx, sign, r, n.nudged_epoch_ns, origin, largest,
                                         larger_unit(smallest, Unit::Day)));
    return r;
}

// TotalRelativeDuration (#sec-temporal-totalrelativeduration) without a time zone.
Result<double> total_relative_duration(Context& ctx, const InternalDuration& duration, i128 dest_epoch_ns,
                                       const Origin& origin, Unit unit) {
    if (is_calendar_unit(unit) || (!origin.tz.is_undefined() && unit == Unit::Day)) {
        int sign = internal_duration_sign(duration) < 0 ? -1 : 1;
        Nudge n = TRY(
            nudge_to_calendar_unit(ctx, sign, duration, dest_epoch_ns, origin, 1, unit, RoundingMode::Trunc));
        return n.total;
    }
    i128 time = duration.time + static_cast<i128>(duration.date.days) * kNsPerDay;
    return divide_to_double(time, ns_per_unit(unit));
}

// DifferencePlainDateTimeWithRounding (#sec-temporal-differenceplaindatetimewithrounding)
Result<InternalDuration> difference_date_time_with_rounding(Context& ctx, const IsoDateTime& a,
                                                            const IsoDateTime& b, Unit largest,
                                                            double increment, Unit smallest,
                                                            RoundingMode mode) {
    // 1. If CompareISODateTime(isoDateTime1, isoDateTime2) = 0, return a zero duration.
    if (compare_iso_date_time(a, b) == 0) return InternalDuration{};
    // 2. If either is outside the limits, throw a RangeError exception.
    if (!iso_date_time_within_limits(a) || !iso_date_time_within_limits(b)) {
        ctx.throw_range_error("date-time out of range");
        return Exception{};
    }
    // 3. Let diff be DifferenceISODateTime(isoDateTime1, isoDateTime2, calendar, largestUnit).
    InternalDuration diff = difference_iso_date_time(a, b, largest);
    // 4. If smallestUnit is nanosecond and roundingIncrement = 1, return diff.
    if (smallest == Unit::Nanosecond && increment == 1) return diff;
    // 5-6. Round relative to the first date-time.
    return round_relative_duration(ctx, diff, utc_epoch_ns(b), Origin{a, Value()}, largest, increment,
                                   smallest, mode);
}

// DifferencePlainDateTimeWithTotal (#sec-temporal-differenceplaindatetimewithtotal)
Result<double> difference_date_time_with_total(Context& ctx, const IsoDateTime& a, const IsoDateTime& b,
                                               Unit unit) {
    if (compare_iso_date_time(a, b) == 0) return 0.0;
    if (!iso_date_time_within_limits(a) || !iso_date_time_within_limits(b)) {
        ctx.throw_range_error("date-time out of range");
        return Exception{};
    }
    InternalDuration diff = difference_iso_date_time(a, b, unit);
    if (unit == Unit::Nanosecond) return static_cast<double>(diff.time);
    return total_relative_duration(ctx, diff, utc_epoch_ns(b), Origin{a, Value()}, unit);
}

// DifferenceZonedDateTime ( ns1, ns2, timeZone, calendar, largestUnit )
// (#sec-temporal-differencezoneddatetime)
Result<InternalDuration> difference_zoned_date_time(Context& ctx, i128 ns1, i128 ns2, const Value& tz,
                                                    Unit largest) {
    // 1. If ns1 = ns2, return ! CombineDateAndTimeDuration(ZeroDateDuration(), 0).
    if (ns1 == ns2) return InternalDuration{};
    // 2-3. The wall-clock date-times.
    IsoDateTime start = iso_date_time_for(tz, ns1);
    IsoDateTime end = iso_date_time_for(tz, ns2);
    // 4. The same calendar day: the exact time difference.
    if (compare_iso_date(start.date, end.date) == 0) return InternalDuration{{}, ns2 - ns1};
    // 5-8. sign, maxDayCorrection and the first day correction.
    int sign = ns2 - ns1 < 0 ? -1 : 1;
    int max_day_correction = sign == 1 ? 2 : 1;
    int day_correction = 0;
    i128 time = time_to_ns(end.time) - time_to_ns(start.time);
    if (sign_of(time) == -sign) ++day_correction;
    // 9-10. Find the intermediate date whose wall-clock start time is not beyond ns2.
    IsoDate intermediate;
    bool success = false;
    while (day_correction <= max_day_correction && !success) {
        if (!balance_iso_date(end.date.year, end.date.month, end.date.day - day_correction * sign,
                              &intermediate)) {
            ctx.throw_range_error("date out of range");
            return Exception{};
        }
        i128 intermediate_ns = TRY(epoch_ns_for(ctx, tz, IsoDateTime{intermediate, start.time}));
        time = ns2 - intermediate_ns;
        if (sign != -sign_of(time)) success = true;
        ++day_correction;
    }
    // 12-14. The date difference up to the intermediate date, then the time.
    DateDuration dd = iso_date_until(start.date, intermediate, larger_unit(largest, Unit::Day));
    return InternalDuration{dd, time};
}

// DifferenceZonedDateTimeWithRounding (#sec-temporal-differencezoneddatetimewithrounding)
Result<InternalDuration> difference_zoned_with_rounding(Context& ctx, i128 ns1, i128 ns2, const Value& tz,
                                                        Unit largest, double increment, Unit smallest,
                                                        RoundingMode mode) {
    // 1. Time units: DifferenceInstant.
    if (!is_date_unit(largest)) {
        i128 d = TRY(round_time_duration(ctx, ns2 - ns1, increment, smallest, mode));
        return InternalDuration{{}, d};
    }
    // 2. Let difference be ? DifferenceZonedDateTime(ns1, ns2, timeZone, calendar, largestUnit).
    IsoDateTime a = iso_date_time_for(tz, ns1);
    InternalDuration diff = TRY(difference_zoned_date_time(ctx, ns1, ns2, tz, largest));
    // 3. If smallestUnit is nanosecond and roundingIncrement = 1, return difference.
    if (smallest == Unit::Nanosecond && increment == 1) return diff;
    // 4-5. RoundRelativeDuration with the time zone.
    return round_relative_duration(ctx, diff, ns2, Origin{a, tz}, largest, increment, smallest, mode);
}

// DifferenceZonedDateTimeWithTotal (#sec-temporal-differencezoneddatetimewithtotal)
Result<double> difference_zoned_with_total(Context& ctx, i128 ns1, i128 ns2, const Value& tz, Unit unit) {
    if (!is_date_unit(unit)) return divide_to_double(ns2 - ns1, ns_per_unit(unit));
    IsoDateTime a = iso_date_time_for(tz, ns1);
    InternalDuration diff = TRY(difference_zoned_date_time(ctx, ns1, ns2, tz, unit));
    return total_relative_duration(ctx, diff, ns2, Origin{a, tz}, unit);
}

// AddDurationToDate's date arithmetic (#sec-temporal-adddurationtodate).
Result<IsoDate> add_duration_to_date(Context& ctx, const IsoDate& date, const DurationFields& f,
                                     Overflow overflow) {
    // 4. Let internalDuration be ToInternalDurationRecordWith24HourDays(duration).
    InternalDuration d = to_internal_duration_24h(f);
    // 5. Let dateDuration be ? AdjustDateDurationRecord(internalDuration.[[Date]], days of the time part).
    DateDuration dd = d.date;
    dd.days = static_cast<double>(d.time / kNsPerDay);
    // 6. Return ? CalendarDateAdd(calendar, isoDate, dateDuration, overflow).
    return calendar_date_add(ctx, date, dd, overflow);
}

} // namespace qjs
