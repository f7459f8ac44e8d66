// TemporalOptions.cpp: option reading for Temporal (see TemporalOptions.h).
#include "builtins/temporal/TemporalOptions.h"

#include "builtins/temporal/TemporalMath.h"

#include "builtins/Options.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/String.h"

#include <cmath>
#include <cstring>

namespace qjs {

bool string_to_ascii(const String* s, char* buf, size_t cap) {
    if (s->length() >= cap) return false;
    for (uint32_t i = 0; i < s->length(); ++i) {
        char16_t c = s->at(i);
        if (c == 0 || c > 0x7f) return false;
        buf[i] = static_cast<char>(c);
    }
    buf[s->length()] = 0;
    return true;
}

Result<double> to_integer_with_truncation(Context& ctx, const Value& v) {
    // 1. Let number be ? ToNumber(argument).
    double n = TRY(to_number(ctx, v));
    // 2. If number is NaN, +∞𝔽 or -∞𝔽, throw a RangeError exception.
    if (!std::isfinite(n)) {
        ctx.throw_range_error("value must be a finite number");
        return Exception{};
    }
    // 3. Return truncate(ℝ(number)).
    return std::trunc(n) + 0.0;
}

Result<double> to_positive_integer_with_truncation(Context& ctx, const Value& v) {
    double n = TRY(to_integer_with_truncation(ctx, v));
    if (n <= 0) {
        ctx.throw_range_error("value must be a positive integer");
        return Exception{};
    }
    return n;
}

Result<double> to_integer_if_integral(Context& ctx, const Value& v) {
    double n = TRY(to_number(ctx, v));
    if (!std::isfinite(n) || std::trunc(n) != n) {
        ctx.throw_range_error("value must be an integer");
        return Exception{};
    }
    return n + 0.0;
}

// GetOption ( options, property, string, values, default ) (#sec-getoption)
Result<int> get_string_option(Context& ctx, Object* opts, const char* name, const char* const* values,
                              int fallback) {
    // 1. Let value be ? Get(options, property).
    Value v = get_option(ctx, opts, name);
    if (v.is_exception()) return Exception{};
    // 2. If value is undefined: if default is required, throw a RangeError exception; return default.
    if (v.is_undefined()) {
        if (fallback < 0) {
            ctx.throw_range_error("%s is required", name);
            return Exception{};
        }
        return fallback;
    }
    // 4. Else, set value to ? ToString(value).
    Value s = to_string(ctx, v);
    if (s.is_exception()) return Exception{};
    char buf[32];
    // 5. If values is not empty and values does not contain value, throw a RangeError exception.
    if (string_to_ascii(s.as_string(), buf, sizeof buf)) {
        for (int i = 0; values[i]; ++i)
            if (std::strcmp(values[i], buf) == 0) return i;
    }
    ctx.throw_range_error("invalid value for option %s", name);
    return Exception{};
}

Result<Overflow> get_overflow_option(Context& ctx, Object* opts) {
    static const char* const kValues[] = {"constrain", "reject", nullptr};
    int i = TRY(get_string_option(ctx, opts, "overflow", kValues, 0));
    return static_cast<Overflow>(i);
}

Result<Unit> get_unit_option(Context& ctx, Object* opts, const char* name) {
    static const char* const kValues[] = {
        "year",         "month",        "week",        "day",        "hour",    "minute",
        "second",       "millisecond",  "microsecond", "nanosecond", "auto",    "years",
        "months",       "weeks",        "days",        "hours",      "minutes", "seconds",
        "milliseconds", "microseconds", "nanoseconds", nullptr,
    };
    int i = TRY(get_string_option(ctx, opts, name, kValues, 100));
    if (i == 100) return Unit::Unset;
    if (i == 10) return Unit::Auto;
    return static_cast<Unit>(i > 10 ? i - 11 : i);
}

// ValidateTemporalUnitValue ( value, unitGroup [ , extraValues ] )
Result<void> validate_unit(Context& ctx, Unit u, UnitGroup group, bool allow_auto, const char* what) {
    // 1. If value is unset, return unused.
    if (u == Unit::Unset) return {};
    // 2. If extraValues is present and contains value, return unused.
    if (u == Unit::Auto && allow_auto) return {};
    bool ok = u != Unit::Auto;
    // 3-6. The unit's category must be allowed by unitGroup.
    if (group == UnitGroup::Date && !is_date_unit(u)) ok = false;
    if (group == UnitGroup::Time && is_date_unit(u)) ok = false;
    if (!ok) {
        ctx.throw_range_error("%s is not a valid unit for %s", unit_name(u), what);
        return Exception{};
    }
    return {};
}

// GetRoundingIncrementOption (#sec-temporal-getroundingincrementoption)
Result<double> get_rounding_increment(Context& ctx, Object* opts) {
    // 1. Let value be ? Get(options, "roundingIncrement").
    Value v = get_option(ctx, opts, "roundingIncrement");
    if (v.is_exception()) return Exception{};
    // 2. If value is undefined, return 1.
    if (v.is_undefined()) return 1.0;
    // 3. Let integerIncrement be ? ToIntegerWithTruncation(value).
    double n = TRY(to_integer_with_truncation(ctx, v));
    // 4. If integerIncrement < 1 or integerIncrement > 10^9, throw a RangeError exception.
    if (n < 1 || n > 1e9) {
        ctx.throw_range_error("roundingIncrement out of range");
        return Exception{};
    }
    return n;
}

Result<RoundingMode> get_rounding_mode(Context& ctx, Object* opts, RoundingMode fallback) {
    static const char* const kValues[] = {"ceil",      "floor",      "expand",    "trunc",    "halfCeil",
                                          "halfFloor", "halfExpand", "halfTrunc", "halfEven", nullptr};
    int i = TRY(get_string_option(ctx, opts, "roundingMode", kValues, static_cast<int>(fallback)));
    return static_cast<RoundingMode>(i);
}

Result<void> validate_rounding_increment(Context& ctx, double increment, double dividend, bool inclusive) {
    // 1-3. maximum is dividend (inclusive) or dividend - 1; increment must not exceed it.
    double maximum = inclusive ? dividend : dividend - 1;
    if (increment > maximum) {
        ctx.throw_range_error("roundingIncrement out of range");
        return Exception{};
    }
    // 4. If dividend modulo increment ≠ 0, throw a RangeError exception.
    if (std::fmod(dividend, increment) != 0) {
        ctx.throw_range_error("roundingIncrement must divide the next larger unit");
        return Exception{};
    }
    return {};
}

double maximum_rounding_increment(Unit u) {
    switch (u) {
    case Unit::Hour: return 24;
    case Unit::Minute:
    case Unit::Second: return 60;
    case Unit::Millisecond:
    case Unit::Microsecond:
    case Unit::Nanosecond: return 1000;
    default: return 0;
    }
}

// GetTemporalFractionalSecondDigitsOption (#sec-temporal-gettemporalfractionalseconddigitsoption)
Result<int> get_fractional_second_digits(Context& ctx, Object* opts) {
    // 1. Let digitsValue be ? Get(options, "fractionalSecondDigits").
    Value v = get_option(ctx, opts, "fractionalSecondDigits");
    if (v.is_exception()) return Exception{};
    // 2. If digitsValue is undefined, return auto.
    if (v.is_undefined()) return -1;
    // 3. If digitsValue is not a Number, then: if ? ToString(digitsValue) is not "auto", throw a RangeError.
    if (!v.is_number()) {
        Value s = to_string(ctx, v);
        if (s.is_exception()) return Exception{};
        if (!s.as_string()->equals_ascii("auto")) {
            ctx.throw_range_error("invalid fractionalSecondDigits");
            return Exception{};
        }
        return -1;
    }
    // 4-7. NaN and infinities throw; digitCount = floor(digitsValue) must be 0..9.
    double d = v.as_number();
    if (!std::isfinite(d) || std::floor(d) < 0 || std::floor(d) > 9) {
        ctx.throw_range_error("fractionalSecondDigits out of range");
        return Exception{};
    }
    return static_cast<int>(std::floor(d));
}

Precision to_seconds_string_precision(Unit smallest, int digits) {
    switch (smallest) {
    case Unit::Minute: return {-2, Unit::Minute, 1};
    case Unit::Second: return {0, Unit::Second, 1};
    case Unit::Millisecond: return {3, Unit::Millisecond, 1};
    case Unit::Microsecond: return {6, Unit::Microsecond, 1};
    case Unit::Nanosecond: return {9, Unit::Nanosecond, 1};
    default: break;
    }
    if (digits < 0) return {-1, Unit::Nanosecond, 1};
    if (digits == 0) return {0, Unit::Second, 1};
    static const int64_t kPow[] = {1, 10, 100};
    if (digits <= 3) return {digits, Unit::Millisecond, kPow[3 - digits]};
    if (digits <= 6) return {digits, Unit::Microsecond, kPow[6 - digits]};
    return {digits, Unit::Nanosecond, kPow[9 - digits]};
}

Result<ToStringOptions> read_to_string_rounding(Context& ctx, Object* opts) {
    int digits = TRY(get_fractional_second_digits(ctx, opts));
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::Trunc));
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    TRY(validate_unit(ctx, smallest, UnitGroup::Time, false, "smallestUnit"));
    if (smallest == Unit::Hour) {
        ctx.throw_range_error("smallestUnit must not be hour");
        return Exception{};
    }
    return ToStringOptions{to_seconds_string_precision(smallest, digits), mode};
}

// GetDifferenceSettings ( operation, options, unitGroup, disallowedUnits, fallbackSmallestUnit,
// smallestLargestDefaultUnit )
Result<DifferenceSettings> get_difference_settings(Context& ctx, DifferenceOp op, Object* opts,
                                                   UnitGroup group, Unit smallest_allowed,
                                                   Unit fallback_smallest, Unit smallest_largest_default) {
    // 2-3. Let largestUnit be ? GetTemporalUnitValuedOption(options, "largestUnit", unset).
    Unit largest = TRY(get_unit_option(ctx, opts, "largestUnit"));
    // 4. Let roundingIncrement be ? GetRoundingIncrementOption(options).
    double increment = TRY(get_rounding_increment(ctx, opts));
    // 5. Let roundingMode be ? GetRoundingModeOption(options, trunc).
    RoundingMode mode = TRY(get_rounding_mode(ctx, opts, RoundingMode::Trunc));
    // 6. Let smallestUnit be ? GetTemporalUnitValuedOption(options, "smallestUnit", unset).
    Unit smallest = TRY(get_unit_option(ctx, opts, "smallestUnit"));
    // 7. Perform ? ValidateTemporalUnitValue(largestUnit, unitGroup, « auto »).
    TRY(validate_unit(ctx, largest, group, true, "largestUnit"));
    // 8. If largestUnit is unset, set largestUnit to auto.
    if (largest == Unit::Unset) largest = Unit::Auto;
    // 9. If disallowedUnits contains largestUnit, throw a RangeError exception.
    if (largest != Unit::Auto && largest > smallest_allowed) {
        ctx.throw_range_error("largestUnit %s is not allowed", unit_name(largest));
        return Exception{};
    }
    // 10. If operation is since, set roundingMode to NegateRoundingMode(roundingMode).
    if (op == DifferenceOp::Since) mode = negate_rounding_mode(mode);
    // 11. Perform ? ValidateTemporalUnitValue(smallestUnit, unitGroup).
    TRY(validate_unit(ctx, smallest, group, false, "smallestUnit"));
    // 12. If smallestUnit is unset, set smallestUnit to fallbackSmallestUnit.
    if (smallest == Unit::Unset) smallest = fallback_smallest;
    // 13. If disallowedUnits contains smallestUnit, throw a RangeError exception.
    if (smallest > smallest_allowed) {
        ctx.throw_range_error("smallestUnit %s is not allowed", unit_name(smallest));
        return Exception{};
    }
    // 14-15. The default largestUnit is the larger of smallestLargestDefaultUnit and smallestUnit.
    if (largest == Unit::Auto) largest = larger_unit(smallest_largest_default, smallest);
    // 16. If LargerOfTwoTemporalUnits(largestUnit, smallestUnit) is not largestUnit, throw a RangeError.
    if (larger_unit(largest, smallest) != largest) {
        ctx.throw_range_error("smallestUnit must not be larger than largestUnit");
        return Exception{};
    }
    // 17-18. Validate the increment against the next larger unit.
    double maximum = maximum_rounding_increment(smallest);
    if (maximum != 0) TRY(validate_rounding_increment(ctx, increment, maximum, false));
    return DifferenceSettings{smallest, largest, mode, increment};
}

Result<Object*> options_or_shorthand(Context& ctx, const Value& arg, const char* key, Value* holder) {
    if (!arg.is_string()) return get_options_object(ctx, arg);
    // OrdinaryObjectCreate(null) with the one property.
    *holder = new_object_with_proto(ctx, nullptr);
    if (holder->is_exception()) return Exception{};
    Atom a = ctx.rt().intern_ascii(key);
    if (!a) {
        ctx.throw_out_of_memory();
        return Exception{};
    }
    TRY(create_data_property_or_throw(ctx, holder->as_object(), a, arg));
    return holder->as_object();
}

Result<int> get_show_calendar_option(Context& ctx, Object* opts) {
    static const char* const kValues[] = {"auto", "always", "never", "critical", nullptr};
    return get_string_option(ctx, opts, "calendarName", kValues, 0);
}

} // namespace qjs
