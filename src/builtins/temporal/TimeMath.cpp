// TimeMath.cpp: time records, time durations and rounding (#sec-temporal-time-records,
// #sec-temporal-time-duration-records, #sec-temporal-roundnumbertoincrement).
#include "builtins/temporal/TemporalMath.h"

#include <cmath>

namespace qjs {

int64_t ns_per_unit(Unit u) {
    switch (u) {
    case Unit::Day: return kNsPerDay;
    case Unit::Hour: return 3600000000000LL;
    case Unit::Minute: return 60000000000LL;
    case Unit::Second: return 1000000000LL;
    case Unit::Millisecond: return 1000000LL;
    case Unit::Microsecond: return 1000LL;
    default: return 1;
    }
}

const char* unit_name(Unit u) {
    static const char* const kNames[] = {"year",        "month",      "week",   "day",
                                         "hour",        "minute",     "second", "millisecond",
                                         "microsecond", "nanosecond", "auto",   "unset"};
    return kNames[static_cast<int>(u)];
}

// IsValidTime (#sec-temporal-isvalidtime)
bool is_valid_time(double h, double min, double s, double ms, double us, double ns) {
    return h >= 0 && h <= 23 && min >= 0 && min <= 59 && s >= 0 && s <= 59 && ms >= 0 && ms <= 999 &&
           us >= 0 && us <= 999 && ns >= 0 && ns <= 999;
}

// BalanceTime (#sec-temporal-balancetime) for a total of nanoseconds since midnight.
TimeRecord balance_time_ns(i128 ns) {
    i128 days = ns / kNsPerDay;
    i128 rem = ns % kNsPerDay;
    if (rem < 0) {
        rem += kNsPerDay;
        --days;
    }
    int64_t r = static_cast<int64_t>(rem);
    TimeRecord t;
    t.days = static_cast<int64_t>(days);
    t.nanosecond = static_cast<int32_t>(r % 1000);
    r /= 1000;
    t.microsecond = static_cast<int32_t>(r % 1000);
    r /= 1000;
    t.millisecond = static_cast<int32_t>(r % 1000);
    r /= 1000;
    t.second = static_cast<int32_t>(r % 60);
    r /= 60;
    t.minute = static_cast<int32_t>(r % 60);
    t.hour = static_cast<int32_t>(r / 60);
    return t;
}

i128 time_to_ns(const TimeRecord& t) {
    return ((((static_cast<i128>(t.hour) * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond) * 1000 +
            t.microsecond) *
               1000 +
           t.nanosecond;
}

int compare_time(const TimeRecord& a, const TimeRecord& b) {
    i128 x = time_to_ns(a), y = time_to_ns(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

// TimeDurationFromComponents (#sec-temporal-timedurationfromcomponents). The components are integral
// doubles whose magnitudes IsValidDuration has bounded (so every product fits in 128 bits).
i128 time_duration_from_components(double h, double min, double s, double ms, double us, double ns) {
    auto i = [](double d) { return static_cast<i128>(d); };
    return i(h) * 3600000000000LL + i(min) * 60000000000LL + i(s) * 1000000000LL + i(ms) * 1000000 +
           i(us) * 1000 + i(ns);
}

RoundingMode negate_rounding_mode(RoundingMode m) {
    switch (m) {
    case RoundingMode::Ceil: return RoundingMode::Floor;
    case RoundingMode::Floor: return RoundingMode::Ceil;
    case RoundingMode::HalfCeil: return RoundingMode::HalfFloor;
    case RoundingMode::HalfFloor: return RoundingMode::HalfCeil;
    default: return m;
    }
}

// GetUnsignedRoundingMode + ApplyUnsignedRoundingMode (#sec-temporal-applyunsignedroundingmode) for
// x = r1 + num/den with 0 < num < den.
bool round_up_for_fraction(i128 num, i128 den, RoundingMode mode, bool negative, bool r1_even) {
    if (num == 0) return false;
    enum { Zero, Infinity, HalfZero, HalfInfinity, HalfEven } u;
    switch (mode) {
    case RoundingMode::Ceil: u = negative ? Zero : Infinity; break;
    case RoundingMode::Floor: u = negative ? Infinity : Zero; break;
    case RoundingMode::Expand: u = Infinity; break;
    case RoundingMode::Trunc: u = Zero; break;
    case RoundingMode::HalfCeil: u = negative ? HalfZero : HalfInfinity; break;
    case RoundingMode::HalfFloor: u = negative ? HalfInfinity : HalfZero; break;
    case RoundingMode::HalfExpand: u = HalfInfinity; break;
    case RoundingMode::HalfTrunc: u = HalfZero; break;
    default: u = HalfEven; break;
    }
    if (u == Zero) return false;
    if (u == Infinity) return true;
    i128 d1 = num, d2 = den - num;
    if (d1 < d2) return false;
    if (d1 > d2) return true;
    if (u == HalfZero) return false;
    if (u == HalfInfinity) return true;
    return !r1_even;
}

// RoundNumberToIncrement (#sec-temporal-roundnumbertoincrement)
i128 round_to_increment(i128 x, i128 increment, RoundingMode mode) {
    // 1-3. quotient = x / increment; work on its magnitude.
    bool negative = x < 0;
    i128 ax = negative ? -x : x;
    // 4-6. r1 = floor(quotient), r2 = r1 + 1.
    i128 r1 = ax / increment;
    i128 num = ax % increment;
    // 7. rounded = ApplyUnsignedRoundingMode(quotient, r1, r2, unsignedRoundingMode).
    i128 rounded = r1 + (round_up_for_fraction(num, increment, mode, negative, r1 % 2 == 0) ? 1 : 0);
    // 8-9. Restore the sign and multiply by the increment.
    return (negative ? -rounded : rounded) * increment;
}

// The quotient x / divisor correctly rounded to a double (round half to even): long division to 56
// significant bits plus a sticky bit, then rounding to 53 bits.
// RoundNumberToIncrementAsIfPositive (#sec-temporal-roundnumbertoincrementasifpositive)
i128 round_to_increment_as_if_positive(i128 x, i128 increment, RoundingMode mode) {
    i128 r1 = x / increment;
    i128 rem = x % increment;
    if (rem < 0) {
        rem += increment;
        --r1;
    }
    return (r1 + (round_up_for_fraction(rem, increment, mode, false, r1 % 2 == 0) ? 1 : 0)) * increment;
}

double epoch_milliseconds(i128 ns) {
    i128 ms = ns / 1000000;
    if (ns % 1000000 < 0) --ms;
    return static_cast<double>(ms);
}

double divide_to_double(i128 x, i128 divisor) {
    using u128 = unsigned __int128;
    bool negative = (x < 0) != (divisor < 0);
    u128 a = x < 0 ? static_cast<u128>(-(x + 1)) + 1 : static_cast<u128>(x);
    u128 b = divisor < 0 ? static_cast<u128>(-(divisor + 1)) + 1 : static_cast<u128>(divisor);
    if (a == 0) return 0.0;
    u128 q = a / b, r = a % b;
    int exponent = 0; // value = q × 2^-exponent
    auto bits = [](u128 v) {
        int n = 0;
        while (v) {
            ++n;
            v >>= 1;
        }
        return n;
    };
    while (bits(q) < 56) {
        r <<= 1; // r < b < 2^127, so no overflow
        q <<= 1;
        if (r >= b) {
            r -= b;
            q |= 1;
        }
        ++exponent;
    }
    bool sticky = r != 0;
    while (bits(q) > 56) {
        sticky |= (q & 1) != 0;
        q >>= 1;
        --exponent;
    }
    // Round the 56-bit q to 53 bits.
    u128 low = q & 7;
    q >>= 3;
    exponent -= 3;
    if (low > 4 || (low == 4 && (sticky || (q & 1)))) ++q;
    double d = std::ldexp(static_cast<double>(static_cast<uint64_t>(q)), -exponent);
    return negative ? -d : d;
}

void append_decimal(char* buf, size_t* len, i128 v) {
    char tmp[48];
    int n = 0;
    bool neg = v < 0;
    unsigned __int128 u =
        neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    do {
        tmp[n++] = static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    } while (u);
    if (neg) buf[(*len)++] = '-';
    while (n)
        buf[(*len)++] = tmp[--n];
}

} // namespace qjs
