// TemporalParser.cpp: the ISO 8601 / RFC 9557 grammar of Temporal strings (#sec-temporal-iso8601grammar).
#include "builtins/temporal/TemporalParser.h"

#include "base/NumberConversion.h"
#include "builtins/temporal/TemporalMath.h"

#include <cstdlib>
#include <cstring>

namespace qjs {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct Cursor {
    const char* s;
    size_t n;
    size_t i = 0;

    bool at_end() const { return i >= n; }
    char peek(size_t k = 0) const { return i + k < n ? s[i + k] : 0; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    // Exactly k digits.
    bool digits(int k, int64_t* v) {
        int64_t r = 0;
        for (int j = 0; j < k; ++j) {
            char c = peek(j);
            if (!is_digit(c)) return false;
            r = r * 10 + (c - '0');
        }
        i += k;
        *v = r;
        return true;
    }
    bool two(int64_t* v) { return digits(2, v); }
};

// DateYear: four digits, or a sign and six digits (-000000 is not allowed).
bool parse_year(Cursor& c, int64_t* year) {
    char sc = c.peek();
    if (sc == '+' || sc == '-') {
        ++c.i;
        if (!c.digits(6, year)) return false;
        if (sc == '-') {
            if (*year == 0) return false;
            *year = -*year;
        }
        return true;
    }
    return c.digits(4, year);
}

bool valid_month(int64_t m) {
    return m >= 1 && m <= 12;
}
bool valid_day(int64_t d) {
    return d >= 1 && d <= 31;
}

// Date: DateYear - DateMonth - DateDay, or DateYear DateMonth DateDay.
bool parse_date(Cursor& c, ParsedIsoString* out) {
    size_t start = c.i;
    int64_t y, m, d;
    if (!parse_year(c, &y)) return (c.i = start, false);
    bool extended = c.eat('-');
    if (!c.two(&m) || !valid_month(m)) return (c.i = start, false);
    if (extended && !c.eat('-')) return (c.i = start, false);
    if (!c.two(&d) || !valid_day(d)) return (c.i = start, false);
    out->year = y;
    out->month = static_cast<int>(m);
    out->day = static_cast<int>(d);
    return true;
}

// TimeFraction: '.' or ',' and 1..9 digits, as nanoseconds.
bool parse_fraction(Cursor& c, int64_t* ns, bool* present) {
    *present = false;
    *ns = 0;
    if (c.peek() != '.' && c.peek() != ',') return true;
    ++c.i;
    int k = 0;
    int64_t v = 0;
    while (is_digit(c.peek())) {
        if (k == 9) return false;
        v = v * 10 + (c.peek() - '0');
        ++k;
        ++c.i;
    }
    if (k == 0) return false;
    for (int j = k; j < 9; ++j)
        v *= 10;
    *ns = v;
    *present = true;
    return true;
}

// Time: Hour [: Minute [: Second [Fraction]]] or the same without separators.
bool parse_time(Cursor& c, TimeRecord* t) {
    size_t start = c.i;
    int64_t h = 0, m = 0, s = 0, frac = 0;
    if (!c.two(&h) || h > 23) return (c.i = start, false);
    bool extended = c.peek() == ':';
    if (extended ? (c.peek(1) && is_digit(c.peek(1))) : is_digit(c.peek())) {
        if (extended) ++c.i;
        if (!c.two(&m) || m > 59) return (c.i = start, false);
        if (extended ? c.peek() == ':' : is_digit(c.peek())) {
            if (extended) ++c.i;
            if (!c.two(&s) || s > 60) return (c.i = start, false);
            bool present;
            if (!parse_fraction(c, &frac, &present)) return (c.i = start, false);
        }
    }
    if (s == 60) s = 59; // a leap second
    t->days = 0;
    t->hour = static_cast<int32_t>(h);
    t->minute = static_cast<int32_t>(m);
    t->second = static_cast<int32_t>(s);
    t->millisecond = static_cast<int32_t>(frac / 1000000);
    t->microsecond = static_cast<int32_t>(frac / 1000 % 1000);
    t->nanosecond = static_cast<int32_t>(frac % 1000);
    return true;
}

// UTCOffset: sign Hour [: Minute [: Second [Fraction]]] (or without separators).
bool parse_offset(Cursor& c, bool allow_subminute, int64_t* ns, bool* subminute) {
    size_t start = c.i;
    char sc = c.peek();
    if (sc != '+' && sc != '-') return false;
    ++c.i;
    int64_t h, m = 0, s = 0, frac = 0;
    *subminute = false;
    if (!c.two(&h) || h > 23) return (c.i = start, false);
    bool extended = c.peek() == ':';
    if (extended ? is_digit(c.peek(1)) : is_digit(c.peek())) {
        if (extended) ++c.i;
        if (!c.two(&m) || m > 59) return (c.i = start, false);
        if (extended ? c.peek() == ':' : is_digit(c.peek())) {
            if (!allow_subminute) return (c.i = start, false);
            if (extended) ++c.i;
            if (!c.two(&s) || s > 59) return (c.i = start, false);
            bool present;
            if (!parse_fraction(c, &frac, &present)) return (c.i = start, false);
            *subminute = true;
        }
    }
    int64_t v = ((h * 60 + m) * 60 + s) * 1000000000LL + frac;
    *ns = sc == '-' ? -v : v;
    return true;
}

bool is_tz_name_char(char c, bool first) {
    if (is_alpha(c) || c == '.' || c == '_') return true;
    return !first && (is_digit(c) || c == '-' || c == '+');
}

bool is_iana_name(const char* s, size_t n) {
    if (n == 0) return false;
    size_t seg = 0;
    for (size_t i = 0; i <= n; ++i) {
        if (i == n || s[i] == '/') {
            if (seg == 0) return false;
            const char* p = s + i - seg;
            if ((seg == 1 && p[0] == '.') || (seg == 2 && p[0] == '.' && p[1] == '.')) return false;
            seg = 0;
            continue;
        }
        if (!is_tz_name_char(s[i], seg == 0)) return false;
        ++seg;
    }
    return true;
}

bool is_annotation_key(const char* s, size_t n) {
    if (n == 0) return false;
    if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
    for (size_t i = 1; i < n; ++i) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-')) return false;
    }
    return true;
}

bool is_annotation_value(const char* s, size_t n) {
    size_t seg = 0;
    for (size_t i = 0; i <= n; ++i) {
        if (i == n || s[i] == '-') {
            if (seg == 0) return false;
            seg = 0;
            continue;
        }
        if (!is_alpha(s[i]) && !is_digit(s[i])) return false;
        ++seg;
    }
    return true;
}

// TimeZoneAnnotation? Annotations?: bracketed suffixes.
bool parse_annotations(Cursor& c, ParsedIsoString* out) {
    bool first = true;
    int calendars = 0;
    bool critical_calendar = false;
    while (c.peek() == '[') {
        ++c.i;
        bool critical = c.eat('!');
        const char* body = c.s + c.i;
        size_t len = 0;
        while (!c.at_end() && c.peek() != ']') {
            ++c.i;
            ++len;
        }
        if (!c.eat(']')) return false;
        const char* eq = static_cast<const char*>(std::memchr(body, '=', len));
        if (!eq) {
            // A time zone annotation comes first, at most once.
            if (!first) return false;
            if (!is_time_zone_identifier_syntax(body, len) || len >= sizeof out->time_zone) return false;
            std::memcpy(out->time_zone, body, len);
            out->time_zone[len] = 0;
            first = false;
            continue;
        }
        first = false;
        size_t klen = static_cast<size_t>(eq - body);
        if (!is_annotation_key(body, klen) || !is_annotation_value(eq + 1, len - klen - 1)) return false;
        if (klen == 4 && std::memcmp(body, "u-ca", 4) == 0) {
            ++calendars;
            critical_calendar |= critical;
            if (calendars == 1) {
                size_t vlen = len - klen - 1;
                if (vlen >= sizeof out->calendar) return false;
                std::memcpy(out->calendar, eq + 1, vlen);
                out->calendar[vlen] = 0;
            }
            if (calendars > 1 && critical_calendar) return false;
            continue;
        }
        if (critical) return false; // an unknown critical annotation
    }
    return true;
}

// The date-time forms shared by all goals: Date [sep Time [offset]] annotations.
bool parse_date_time_form(Cursor& c, ParseGoal goal, ParsedIsoString* out) {
    if (!parse_date(c, out)) return false;
    char sep = c.peek();
    if ((sep == 'T' || sep == 't' || sep == ' ') && is_digit(c.peek(1))) {
        ++c.i;
        if (!parse_time(c, &out->time)) return false;
        out->has_time = true;
        if (c.peek() == 'Z' || c.peek() == 'z') {
            ++c.i;
            out->utc_designator = true;
        } else if (c.peek() == '+' || c.peek() == '-') {
            if (!parse_offset(c, true, &out->offset_ns, &out->offset_has_subminute)) return false;
            out->has_offset = true;
        }
    }
    if (!parse_annotations(c, out) || !c.at_end()) return false;
    switch (goal) {
    case ParseGoal::Instant: return out->has_time && (out->utc_designator || out->has_offset);
    case ParseGoal::ZonedDateTime: return out->time_zone[0] != 0;
    case ParseGoal::Time: return out->has_time && !out->utc_designator;
    default: return !out->utc_designator;
    }
}

bool valid_month_day(int64_t m, int64_t d) {
    return valid_month(m) && d >= 1 && d <= iso_days_in_month(1972, static_cast<int>(m));
}

// DateSpecYearMonth: DateYear -? DateMonth (the whole of [s, s+n)).
bool is_year_month(const char* s, size_t n, int64_t* y, int64_t* m) {
    Cursor c{s, n};
    if (!parse_year(c, y)) return false;
    c.eat('-');
    return c.two(m) && valid_month(*m) && c.at_end();
}

// DateSpecMonthDay: --? DateMonth -? DateDay.
bool is_month_day(const char* s, size_t n, int64_t* m, int64_t* d, bool check_days) {
    Cursor c{s, n};
    if (c.peek() == '-' && c.peek(1) == '-') c.i += 2;
    if (!c.two(m)) return false;
    c.eat('-');
    if (!c.two(d) || !c.at_end()) return false;
    return check_days ? valid_month_day(*m, *d) : (valid_month(*m) && valid_day(*d));
}

size_t annotation_start(const char* s, size_t n) {
    const char* b = static_cast<const char*>(std::memchr(s, '[', n));
    return b ? static_cast<size_t>(b - s) : n;
}

} // namespace

bool parse_iso_string(const char* s, size_t n, ParseGoal goal, ParsedIsoString* out) {
    {
        Cursor c{s, n};
        ParsedIsoString r;
        if (parse_date_time_form(c, goal, &r)) {
            *out = r;
            return true;
        }
    }
    size_t head = annotation_start(s, n);
    switch (goal) {
    case ParseGoal::Time: {
        // TimeDesignator? Time DateTimeUTCOffset[~Z]? annotations.
        Cursor c{s, n};
        bool designator = c.eat('T') || c.eat('t');
        ParsedIsoString r;
        if (!parse_time(c, &r.time)) return false;
        r.has_time = true;
        if (c.peek() == '+' || c.peek() == '-') {
            if (!parse_offset(c, true, &r.offset_ns, &r.offset_has_subminute)) return false;
            r.has_offset = true;
        }
        if (!parse_annotations(c, &r) || !c.at_end()) return false;
        if (!designator) {
            // A time without designator must not also be a valid year-month or month-day.
            int64_t a, b;
            if (is_year_month(s, head, &a, &b) || is_month_day(s, head, &a, &b, true)) return false;
        }
        *out = r;
        return true;
    }
    case ParseGoal::YearMonth: {
        int64_t y, m;
        Cursor c{s, n};
        c.i = head;
        ParsedIsoString r;
        if (!is_year_month(s, head, &y, &m) || !parse_annotations(c, &r) || !c.at_end()) return false;
        r.year = y;
        r.month = static_cast<int>(m);
        r.day = 0;
        *out = r;
        return true;
    }
    case ParseGoal::MonthDay: {
        int64_t m, d;
        Cursor c{s, n};
        c.i = head;
        ParsedIsoString r;
        if (!is_month_day(s, head, &m, &d, false) || !parse_annotations(c, &r) || !c.at_end()) return false;
        r.has_year = false;
        r.month = static_cast<int>(m);
        r.day = static_cast<int>(d);
        *out = r;
        return true;
    }
    default: return false;
    }
}

bool parse_utc_offset(const char* s, size_t n, bool allow_subminute, int64_t* out_ns) {
    Cursor c{s, n};
    bool sub;
    return parse_offset(c, allow_subminute, out_ns, &sub) && c.at_end();
}

bool is_time_zone_identifier_syntax(const char* s, size_t n) {
    int64_t ns;
    if (n && (s[0] == '+' || s[0] == '-')) return parse_utc_offset(s, n, false, &ns);
    return is_iana_name(s, n);
}

bool is_calendar_identifier_syntax(const char* s, size_t n) {
    size_t seg = 0;
    for (size_t i = 0; i <= n; ++i) {
        if (i == n || s[i] == '-') {
            if (seg < 3 || seg > 8) return false;
            seg = 0;
            continue;
        }
        if (!is_alpha(s[i]) && !is_digit(s[i])) return false;
        ++seg;
    }
    return true;
}

// ParseTemporalDurationString (#sec-temporal-parsetemporaldurationstring)
bool parse_duration_string(const char* s, size_t n, DurationFields* out) {
    Cursor c{s, n};
    int sign = 1;
    if (c.eat('-'))
        sign = -1;
    else
        c.eat('+');
    if (!c.eat('P') && !c.eat('p')) return false;
    DurationFields f;
    static const char kDateDesignators[] = {'Y', 'M', 'W', 'D'};
    static const char kTimeDesignators[] = {'H', 'M', 'S'};
    bool any = false;
    bool in_time = false;
    int next_date = 0, next_time = 0;
    bool fraction_seen = false;
    int64_t frac_ns = 0;
    int frac_unit = -1; // 4 hours, 5 minutes, 6 seconds
    while (!c.at_end()) {
        if (!in_time && (c.peek() == 'T' || c.peek() == 't')) {
            ++c.i;
            in_time = true;
            if (c.at_end()) return false;
            continue;
        }
        if (fraction_seen) return false; // a fraction only on the last component
        // Digits.
        char buf[64];
        size_t len = 0;
        while (is_digit(c.peek())) {
            if (len < sizeof buf - 1) buf[len] = c.peek();
            ++len;
            ++c.i;
        }
        if (len == 0) return false;
        double value;
        if (len >= sizeof buf - 1)
            value = 1e300; // far beyond any valid duration
        else {
            value = parse_decimal_literal(buf, len);
        }
        int64_t frac = 0;
        bool has_frac = false;
        if (in_time && !parse_fraction(c, &frac, &has_frac)) return false;
        char d = c.peek();
        if (d >= 'a' && d <= 'z') d = static_cast<char>(d - 32);
        ++c.i;
        int unit = -1;
        if (!in_time) {
            while (next_date < 4 && kDateDesignators[next_date] != d)
                ++next_date;
            if (next_date == 4) return false;
            unit = next_date++;
        } else {
            while (next_time < 3 && kTimeDesignators[next_time] != d)
                ++next_time;
            if (next_time == 3) return false;
            unit = 4 + next_time++;
        }
        f[unit] = value;
        any = true;
        if (has_frac) {
            fraction_seen = true;
            frac_ns = frac;
            frac_unit = unit;
        }
        if (in_time && unit == 4 + 2) {
            if (!c.at_end()) return false;
        }
    }
    if (!any) return false;
    if (in_time && next_time == 0) return false;
    if (frac_unit >= 4) {
        // The fraction of hours, minutes or seconds, in nanoseconds, spread over the smaller units.
        i128 ns = static_cast<i128>(frac_ns) * (frac_unit == 4 ? 3600 : frac_unit == 5 ? 60 : 1);
        if (frac_unit == 4) {
            f[5] = static_cast<double>(ns / 60000000000LL);
            ns %= 60000000000LL;
        }
        if (frac_unit <= 5) {
            f[6] = static_cast<double>(ns / 1000000000);
            ns %= 1000000000;
        }
        f[7] = static_cast<double>(ns / 1000000);
        f[8] = static_cast<double>(ns / 1000 % 1000);
        f[9] = static_cast<double>(ns % 1000);
    }
    for (int i = 0; i < 10; ++i)
        (*out)[i] = sign * f[i] + 0.0;
    return true;
}

} // namespace qjs
