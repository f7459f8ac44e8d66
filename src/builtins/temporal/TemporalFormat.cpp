// TemporalFormat.cpp: the string forms of Temporal values (#sec-temporal-temporaldatetostring,
// #sec-temporal-formattimestring, #sec-temporal-temporaldurationtostring, ...).
#include "builtins/temporal/Temporal.h"

#include "runtime/Context.h"

#include <cmath>
#include <cstring>
#include <string_view>

namespace qjs {

void TextBuffer::add(const char* s) {
    size_t n = std::strlen(s);
    if (len + n > sizeof buf) n = sizeof buf - len;
    std::memcpy(buf + len, s, n);
    len += n;
}

void TextBuffer::add_padded(int64_t v, int width) {
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? static_cast<uint64_t>(-v) : static_cast<uint64_t>(v);
    do {
        tmp[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        add_char(tmp[--n]);
}

Value TextBuffer::to_value(Context& ctx) const {
    return ctx.new_string(std::string_view(buf, len));
}

// PadISOYear (#sec-temporal-padisoyear)
void format_iso_year(TextBuffer& b, int64_t y) {
    // 1. If y ≥ 0 and y ≤ 9999, return ToZeroPaddedDecimalString(y, 4).
    if (y >= 0 && y <= 9999) return b.add_padded(y, 4);
    // 2-4. The sign and six digits.
    b.add_char(y < 0 ? '-' : '+');
    b.add_padded(y < 0 ? -y : y, 6);
}

// TemporalDateToString's date part: year-month-day.
void format_date(TextBuffer& b, const IsoDate& d) {
    format_iso_year(b, d.year);
    b.add_char('-');
    b.add_padded(d.month, 2);
    b.add_char('-');
    b.add_padded(d.day, 2);
}

// FormatFractionalSeconds (#sec-temporal-formatfractionalseconds)
void format_fractional_seconds(TextBuffer& b, int64_t sub, int digits) {
    if (digits == -1) {
        // 1.a. If subSecondNanoseconds = 0, return the empty String.
        if (sub == 0) return;
        char tmp[10];
        for (int i = 8; i >= 0; --i) {
            tmp[i] = static_cast<char>('0' + sub % 10);
            sub /= 10;
        }
        int n = 9;
        while (n > 0 && tmp[n - 1] == '0')
            --n;
        b.add_char('.');
        for (int i = 0; i < n; ++i)
            b.add_char(tmp[i]);
        return;
    }
    // 2. If precision = 0, return the empty String.
    if (digits <= 0) return;
    if (digits > 9) digits = 9;
    char tmp[10] = {};
    for (int i = 8; i >= 0; --i) {
        tmp[i] = static_cast<char>('0' + sub % 10);
        sub /= 10;
    }
    b.add_char('.');
    for (int i = 0; i < digits; ++i)
        b.add_char(tmp[i]);
}

// FormatTimeString (#sec-temporal-formattimestring)
void format_time(TextBuffer& b, const TimeRecord& t, int digits) {
    b.add_padded(t.hour, 2);
    b.add_char(':');
    b.add_padded(t.minute, 2);
    if (digits == -2) return;
    b.add_char(':');
    b.add_padded(t.second, 2);
    format_fractional_seconds(
        b, (static_cast<int64_t>(t.millisecond) * 1000 + t.microsecond) * 1000 + t.nanosecond, digits);
}

// FormatOffsetTimeZoneIdentifier (#sec-temporal-formatoffsettimezoneidentifier) for whole minutes.
void format_offset_minutes(TextBuffer& b, int64_t offset_ns) {
    int64_t minutes = offset_ns / 60000000000LL;
    b.add_char(minutes < 0 ? '-' : '+');
    if (minutes < 0) minutes = -minutes;
    b.add_padded(minutes / 60, 2);
    b.add_char(':');
    b.add_padded(minutes % 60, 2);
}

// FormatDateTimeUTCOffsetRounded (#sec-temporal-formatdatetimeutcoffsetrounded)
void format_offset_rounded(TextBuffer& b, int64_t offset_ns) {
    // 1. Set offsetNanoseconds to RoundNumberToIncrement(offsetNanoseconds, 60 × 10^9, halfExpand).
    i128 r = round_to_increment(offset_ns, 60000000000LL, RoundingMode::HalfExpand);
    format_offset_minutes(b, static_cast<int64_t>(r));
}

// FormatCalendarAnnotation (#sec-temporal-formatcalendarannotation) for the iso8601 calendar:
// show is 0 auto, 1 always, 2 never, 3 critical.
void format_calendar_annotation(TextBuffer& b, int show) {
    if (show == 0 || show == 2) return;
    b.add(show == 3 ? "[!u-ca=iso8601]" : "[u-ca=iso8601]");
}

// TemporalDurationToString ( duration, precision )
void format_duration(TextBuffer& b, const DurationFields& f, int digits) {
    // 1. Let sign be DurationSign(duration).
    int sign = duration_sign(f);
    char tmp[64];
    auto add_int = [&](double v, char unit) {
        size_t n = 0;
        append_decimal(tmp, &n, static_cast<i128>(std::fabs(v)));
        tmp[n] = 0;
        b.add(tmp);
        b.add_char(unit);
    };
    if (sign < 0) b.add_char('-');
    b.add_char('P');
    // 2-7. The date part.
    if (f[0] != 0) add_int(f[0], 'Y');
    if (f[1] != 0) add_int(f[1], 'M');
    if (f[2] != 0) add_int(f[2], 'W');
    if (f[3] != 0) add_int(f[3], 'D');
    // 8-12. The time part.
    TextBuffer t;
    if (f[4] != 0) {
        size_t n = 0;
        append_decimal(tmp, &n, static_cast<i128>(std::fabs(f[4])));
        tmp[n] = 0;
        t.add(tmp);
        t.add_char('H');
    }
    if (f[5] != 0) {
        size_t n = 0;
        append_decimal(tmp, &n, static_cast<i128>(std::fabs(f[5])));
        tmp[n] = 0;
        t.add(tmp);
        t.add_char('M');
    }
    bool zero_minutes_and_higher = f[0] == 0 && f[1] == 0 && f[2] == 0 && f[3] == 0 && f[4] == 0 && f[5] == 0;
    // 13. Let secondsDuration be TimeDurationFromComponents(0, 0, seconds, ms, µs, ns).
    i128 seconds = abs128(time_duration_from_components(0, 0, f[6], f[7], f[8], f[9]));
    // 14. If secondsDuration ≠ 0, or zeroMinutesAndHigher is true, or precision is not auto, then
    if (seconds != 0 || zero_minutes_and_higher || digits != -1) {
        size_t n = 0;
        append_decimal(tmp, &n, seconds / 1000000000);
        tmp[n] = 0;
        t.add(tmp);
        format_fractional_seconds(t, static_cast<int64_t>(seconds % 1000000000), digits);
        t.add_char('S');
    }
    if (t.len) {
        b.add_char('T');
        for (size_t i = 0; i < t.len; ++i)
            b.add_char(t.buf[i]);
    }
}

} // namespace qjs
