// TemporalOptions.h: reading Temporal options and integer arguments (#sec-temporal-abstract-ops: GetOption,
// GetTemporalUnitValuedOption, GetRoundingModeOption, ToIntegerWithTruncation, ...).
#pragma once

#include "builtins/temporal/TemporalTypes.h"

namespace qjs {

class String;

// Copies a short ASCII string into buf (NUL-terminated); false when it is longer than cap - 1 or has a
// character outside Latin-1.
bool string_to_ascii(const String*, char* buf, size_t cap);

// ToIntegerWithTruncation (#sec-tointegerwithtruncation): RangeError for NaN and infinities.
Result<double> to_integer_with_truncation(Context&, const Value&);
// ToPositiveIntegerWithTruncation: RangeError unless the result is >= 1.
Result<double> to_positive_integer_with_truncation(Context&, const Value&);
// ToIntegerIfIntegral (#sec-tointegerifintegral): RangeError unless integral.
Result<double> to_integer_if_integral(Context&, const Value&);

// GetOption(options, name, string, values, fallback) (#sec-getoption): the index of the value in `values`
// (nullptr-terminated), `fallback` when undefined (-1 = required: RangeError).
Result<int> get_string_option(Context&, Object* opts, const char* name, const char* const* values,
                              int fallback);
Result<Overflow> get_overflow_option(Context&, Object* opts); // GetTemporalOverflowOption
// GetTemporalUnitValuedOption (#sec-temporal-gettemporalunitvaluedoption): Unit::Unset when undefined,
// Unit::Auto for "auto".
Result<Unit> get_unit_option(Context&, Object* opts, const char* name);
enum class UnitGroup : uint8_t { Date, Time, DateTime };
// ValidateTemporalUnitValue (#sec-temporal-validatetemporalunitvalue).
Result<void> validate_unit(Context&, Unit, UnitGroup, bool allow_auto = false, const char* what = "unit");
Result<double> get_rounding_increment(Context&, Object* opts); // GetRoundingIncrementOption
Result<RoundingMode> get_rounding_mode(Context&, Object* opts, RoundingMode fallback);
// ValidateTemporalRoundingIncrement (#sec-validatetemporalroundingincrement).
Result<void> validate_rounding_increment(Context&, double increment, double dividend, bool inclusive);
// MaximumTemporalDurationRoundingIncrement: 0 when unset (calendar units and days).
double maximum_rounding_increment(Unit);
// GetTemporalFractionalSecondDigitsOption: -1 for auto.
Result<int> get_fractional_second_digits(Context&, Object* opts);

// ToSecondsStringPrecisionRecord (#sec-temporal-tosecondsstringprecisionrecord).
struct Precision {
    int digits; // -1 auto, -2 minute, else 0..9
    Unit unit;
    int64_t increment;
};
Precision to_seconds_string_precision(Unit smallest, int digits);
// The usual toString options: fractionalSecondDigits, roundingMode, smallestUnit (validated as a time unit,
// not hour).
struct ToStringOptions {
    Precision precision;
    RoundingMode mode;
};
Result<ToStringOptions> read_to_string_rounding(Context&, Object* opts);

// GetDifferenceSettings (#sec-temporal-getdifferencesettings); disallowedUnits are the units smaller than
// smallest_allowed.
struct DifferenceSettings {
    Unit smallest_unit;
    Unit largest_unit;
    RoundingMode mode;
    double increment;
};
enum class DifferenceOp : uint8_t { Until, Since };
Result<DifferenceSettings> get_difference_settings(Context&, DifferenceOp, Object* opts, UnitGroup,
                                                   Unit smallest_allowed, Unit fallback_smallest,
                                                   Unit smallest_largest_default);

// The options argument of round() / total() / getTimeZoneTransition(): a String is shorthand for
// { key: string } (an object without prototype, kept alive by *holder); else GetOptionsObject.
Result<Object*> options_or_shorthand(Context&, const Value& arg, const char* key, Value* holder);

// The calendarName option: 0 auto, 1 always, 2 never, 3 critical.
Result<int> get_show_calendar_option(Context&, Object* opts);

} // namespace qjs
