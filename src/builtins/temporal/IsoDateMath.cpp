// IsoDateMath.cpp: ISO 8601 calendar arithmetic (#sec-temporal-iso-date-records and the iso8601 calendar
// of #sec-temporal-calendar-abstract-ops).
#include "builtins/temporal/TemporalMath.h"

#include <cmath>

namespace qjs {

namespace {

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

} // namespace

bool is_iso_leap_year(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int iso_days_in_month(int64_t year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_iso_leap_year(year)) return 29;
    return kDays[month - 1];
}

// IsValidISODate (#sec-temporal-isvalidisodate)
bool is_valid_iso_date(double year, double month, double day) {
    // 1. If month < 1 or month > 12, return false.
    if (!(month >= 1 && month <= 12)) return false;
    if (!(std::fabs(year) < 1e9)) return false; // far beyond the representable range
    // 2-4. daysInMonth; day in 1..daysInMonth.
    return day >= 1 && day <= iso_days_in_month(static_cast<int64_t>(year), static_cast<int>(month));
}

// Days from 1970-01-01 of a proleptic Gregorian date (the month may be any integer).
int64_t iso_date_to_epoch_days(int64_t year, int64_t month, int64_t day) {
    year += floor_div(month - 1, 12);
    month = month - 1 - floor_div(month - 1, 12) * 12 + 1;
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;
    int64_t mp = (month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + (day - 1);
}

IsoDate epoch_days_to_iso_date(int64_t z) {
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    IsoDate r;
    r.year = static_cast<int32_t>(m <= 2 ? y + 1 : y);
    r.month = static_cast<int32_t>(m);
    r.day = static_cast<int32_t>(d);
    return r;
}

// BalanceISOYearMonth (#sec-temporal-balanceisoyearmonth)
void balance_iso_year_month(int64_t year, int64_t month, int64_t* out_year, int* out_month) {
    // 1. Let year be year + floor((month - 1) / 12).
    *out_year = year + floor_div(month - 1, 12);
    // 2. Let month be ((month - 1) modulo 12) + 1.
    *out_month = static_cast<int>(month - 1 - floor_div(month - 1, 12) * 12 + 1);
}

// BalanceISODate (#sec-temporal-balanceisodate)
bool balance_iso_date(int64_t year, int64_t month, int64_t day, IsoDate* out) {
    if (year > 1000000 || year < -1000000 || day > (1LL << 40) || day < -(1LL << 40)) return false;
    int64_t days = iso_date_to_epoch_days(year, month, day);
    if (days > 400000000 || days < -400000000) return false;
    *out = epoch_days_to_iso_date(days);
    return true;
}

// ISODateWithinLimits: the date at noon is within ISODateTimeWithinLimits.
bool iso_date_within_limits(int64_t year, int month, int day) {
    if (year < -271821 || year > 275760) return false;
    int64_t days = iso_date_to_epoch_days(year, month, day);
    // -271821-04-19 .. +275760-09-13 (epoch days -100000001 .. 100000000 at noon).
    return days >= -100000001 && days <= 100000000;
}

// ISODateTimeWithinLimits (#sec-temporal-isodatetimewithinlimits)
bool iso_date_time_within_limits(const IsoDateTime& dt) {
    if (dt.date.year < -271821 || dt.date.year > 275760) return false;
    i128 ns = utc_epoch_ns(dt);
    // 1-3. Outside nsMinInstant - nsPerDay .. nsMaxInstant + nsPerDay (exclusive) is out of limits.
    return ns > -kNsMaxInstant - kNsPerDay && ns < kNsMaxInstant + kNsPerDay;
}

// ISOYearMonthWithinLimits (#sec-temporal-isoyearmonthwithinlimits)
bool year_month_within_limits(int64_t year, int month) {
    if (year < -271821 || year > 275760) return false;
    if (year == -271821 && month < 4) return false;
    if (year == 275760 && month > 9) return false;
    return true;
}

// CompareISODate (#sec-temporal-compareisodate)
int compare_iso_date(const IsoDate& a, const IsoDate& b) {
    if (a.year != b.year) return a.year > b.year ? 1 : -1;
    if (a.month != b.month) return a.month > b.month ? 1 : -1;
    if (a.day != b.day) return a.day > b.day ? 1 : -1;
    return 0;
}

int compare_iso_date_time(const IsoDateTime& a, const IsoDateTime& b) {
    if (int c = compare_iso_date(a.date, b.date)) return c;
    return compare_time(a.time, b.time);
}

int iso_day_of_week(const IsoDate& d) {
    int64_t days = iso_date_to_epoch_days(d.year, d.month, d.day);
    // 1970-01-01 was a Thursday (4).
    int64_t w = (days + 3) % 7;
    if (w < 0) w += 7;
    return static_cast<int>(w) + 1;
}

int iso_day_of_year(const IsoDate& d) {
    return static_cast<int>(iso_date_to_epoch_days(d.year, d.month, d.day) -
                            iso_date_to_epoch_days(d.year, 1, 1)) +
           1;
}

void iso_week_of_year(const IsoDate& d, int* week, int64_t* year) {
    // The ISO week containing the date's Thursday decides the week-numbering year.
    int dow = iso_day_of_week(d);
    int64_t thursday = iso_date_to_epoch_days(d.year, d.month, d.day) + (4 - dow);
    IsoDate t = epoch_days_to_iso_date(thursday);
    *year = t.year;
    *week = static_cast<int>((thursday - iso_date_to_epoch_days(t.year, 1, 1)) / 7) + 1;
}

namespace {

// ISODateSurpasses (#sec-temporal-isodatesurpasses): whether (y1, m1, d1), with the day constrained to
// the month, lies beyond two in the direction of sign.
bool iso_date_surpasses(int sign, int64_t y1, int m1, int d1, const IsoDate& two) {
    // The day is constrained to the month first (Jan 31 + 1 month is Feb 28/29).
    int dim = iso_days_in_month(y1, m1);
    if (d1 > dim) d1 = dim;
    if (y1 != two.year) return sign * (y1 - two.year) > 0;
    if (m1 != two.month) return sign * (m1 - two.month) > 0;
    if (d1 != two.day) return sign * (d1 - two.day) > 0;
    return false;
}

} // namespace

// CalendarDateUntil for the iso8601 calendar (#sec-temporal-calendardateuntil, NonISODateUntil's ISO case)
DateDuration iso_date_until(const IsoDate& one, const IsoDate& two, Unit largest_unit) {
    // 1. Let sign be -CompareISODate(one, two).
    int sign = -compare_iso_date(one, two);
    // 2. If sign = 0, return ZeroDateDuration().
    DateDuration r;
    if (sign == 0) return r;
    int64_t years = 0, months = 0;
    // 3. If largestUnit is year or month, then
    if (largest_unit == Unit::Year || largest_unit == Unit::Month) {
        // a. Let candidateYears be two.[[Year]] - one.[[Year]]; if it is not 0, subtract sign.
        int64_t candidate_years = static_cast<int64_t>(two.year) - one.year;
        if (candidate_years != 0) candidate_years -= sign;
        // b. Repeat, while ISODateSurpasses(sign, one.[[Year]] + candidateYears, one.[[Month]], one.[[Day]],
        //    two) is false.
        while (!iso_date_surpasses(sign, one.year + candidate_years, one.month, one.day, two)) {
            years = candidate_years;
            candidate_years += sign;
        }
        // c-e. The same for months.
        int64_t candidate_months = sign;
        int64_t iy;
        int im;
        balance_iso_year_month(one.year + years, one.month + candidate_months, &iy, &im);
        while (!iso_date_surpasses(sign, iy, im, one.day, two)) {
            months = candidate_months;
            candidate_months += sign;
            balance_iso_year_month(iy, im + sign, &iy, &im);
        }
        // f. If largestUnit is month, fold the years into months.
        if (largest_unit == Unit::Month) {
            months += years * 12;
            years = 0;
        }
    }
    // 4-5. Let intermediate be the constrained date one + years + months.
    int64_t iy;
    int im;
    balance_iso_year_month(one.year + years, one.month + months, &iy, &im);
    int iday = one.day;
    int dim = iso_days_in_month(iy, im);
    if (iday > dim) iday = dim;
    // 6-8. The remaining days, split into weeks for largestUnit week.
    int64_t days =
        iso_date_to_epoch_days(two.year, two.month, two.day) - iso_date_to_epoch_days(iy, im, iday);
    int64_t weeks = 0;
    if (largest_unit == Unit::Week) {
        weeks = days / 7;
        days = days % 7;
    }
    r.years = static_cast<double>(years);
    r.months = static_cast<double>(months);
    r.weeks = static_cast<double>(weeks);
    r.days = static_cast<double>(days);
    return r;
}

i128 utc_epoch_ns(const IsoDateTime& dt) {
    int64_t days = iso_date_to_epoch_days(dt.date.year, dt.date.month, dt.date.day);
    return static_cast<i128>(days) * kNsPerDay + time_to_ns(dt.time);
}

IsoDateTime iso_date_time_from_epoch_ns(i128 ns) {
    i128 days = ns / kNsPerDay;
    i128 rem = ns % kNsPerDay;
    if (rem < 0) {
        rem += kNsPerDay;
        --days;
    }
    IsoDateTime r;
    r.date = epoch_days_to_iso_date(static_cast<int64_t>(days));
    r.time = balance_time_ns(rem);
    r.time.days = 0;
    return r;
}

// IsValidEpochNanoseconds (#sec-temporal-isvalidepochnanoseconds)
bool is_valid_epoch_ns(i128 ns) {
    return ns >= -kNsMaxInstant && ns <= kNsMaxInstant;
}

} // namespace qjs
