// TemporalMath.h: exact ISO 8601 calendar and time arithmetic of the Temporal proposal (no JS values).
// Dates are proleptic Gregorian; epoch nanoseconds and time durations are 128-bit integers.
#pragma once

#include "builtins/temporal/TemporalTypes.h"

namespace qjs {

// ---- ISO dates (IsoDateMath.cpp) ----
bool is_iso_leap_year(int64_t year);
int iso_days_in_month(int64_t year, int month);
bool is_valid_iso_date(double year, double month, double day);            // IsValidISODate
int64_t iso_date_to_epoch_days(int64_t year, int64_t month, int64_t day); // month may be out of range
IsoDate epoch_days_to_iso_date(int64_t days);
// BalanceISOYearMonth: the year and month (1..12) of year + (month - 1) months.
void balance_iso_year_month(int64_t year, int64_t month, int64_t* out_year, int* out_month);
// BalanceISODate over an epoch-day computation; false when the result is far outside any valid range.
bool balance_iso_date(int64_t year, int64_t month, int64_t day, IsoDate* out);
// A date (with the year possibly beyond int32) within ISODateWithinLimits.
bool iso_date_within_limits(int64_t year, int month, int day);
bool iso_date_time_within_limits(const IsoDateTime&);
bool year_month_within_limits(int64_t year, int month); // ISOYearMonthWithinLimits
int compare_iso_date(const IsoDate&, const IsoDate&);
int compare_time(const TimeRecord&, const TimeRecord&);
int compare_iso_date_time(const IsoDateTime&, const IsoDateTime&);
int iso_day_of_week(const IsoDate&); // 1 = Monday .. 7 = Sunday
int iso_day_of_year(const IsoDate&);
// ISO week-of-year and its year (#sec-temporal-weekofyear).
void iso_week_of_year(const IsoDate&, int* week, int64_t* year);
// CalendarDateUntil for iso8601 (#sec-temporal-calendardateuntil).
DateDuration iso_date_until(const IsoDate& one, const IsoDate& two, Unit largest_unit);
// GetUTCEpochNanoseconds (#sec-temporal-getutcepochnanoseconds).
i128 utc_epoch_ns(const IsoDateTime&);
// The UTC date-time of an epoch-nanoseconds value (GetISODateTimeFor with offset 0).
IsoDateTime iso_date_time_from_epoch_ns(i128 ns);
bool is_valid_epoch_ns(i128 ns);

// ---- times and time durations (TimeMath.cpp) ----
bool is_valid_time(double h, double min, double s, double ms, double us, double ns); // IsValidTime
// BalanceTime with the total in nanoseconds since midnight (may be negative or beyond a day).
TimeRecord balance_time_ns(i128 ns);
i128 time_to_ns(const TimeRecord&); // nanoseconds since midnight
// TimeDurationFromComponents (#sec-temporal-timedurationfromcomponents).
i128 time_duration_from_components(double h, double min, double s, double ms, double us, double ns);
inline int sign_of(i128 v) {
    return v < 0 ? -1 : v > 0 ? 1 : 0;
}
inline i128 abs128(i128 v) {
    return v < 0 ? -v : v;
}
// RoundNumberToIncrement on integers (#sec-temporal-roundnumbertoincrement).
i128 round_to_increment(i128 x, i128 increment, RoundingMode);
i128 round_to_increment_as_if_positive(i128 x, i128 increment, RoundingMode);
// floor(ns / 10^6) as a Number value (epochMilliseconds).
double epoch_milliseconds(i128 ns);
// The quotient x / divisor as a double (TotalTimeDuration and friends).
double divide_to_double(i128 x, i128 divisor);
// NegateRoundingMode (#sec-temporal-negateroundingmode).
RoundingMode negate_rounding_mode(RoundingMode);
// ApplyUnsignedRoundingMode decision for a value between r1 and r2 = r1 + 1 step: whether to round up
// given the fraction num/den (0 <= num < den) and whether r1 is even.
bool round_up_for_fraction(i128 num, i128 den, RoundingMode, bool negative, bool r1_even);

// Formats an integer (up to 2^127) in decimal.
void append_decimal(char* buf, size_t* len, i128 v);

} // namespace qjs
