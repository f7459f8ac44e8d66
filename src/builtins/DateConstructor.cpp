// 21.4 Date Objects: the time value arithmetic (21.4.1), the constructor (21.4.2, 21.4.3) and the
// prototype (21.4.4). A Date is a PrimitiveWrapperObject of ClassId::Date whose primitive is its
// time value (a Number, NaN when invalid).
#include "builtins/Builtins.h"
#include "runtime/Call.h"
#include "runtime/Context.h"
#include "runtime/Conversions.h"
#include "runtime/NativeFunction.h"
#include "runtime/PrimitiveWrapper.h"
#include "runtime/String.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <sys/time.h>

namespace qjs {

void register_wrapper_classes();

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr double kMaxTime = 8.64e15;

// ---- 21.4.1 time value arithmetic ----

double day(double t) {
    return std::floor(t / kMsPerDay);
}
double time_within_day(double t) {
    double r = std::fmod(t, kMsPerDay);
    return r < 0 ? r + kMsPerDay : r + 0.0; // 𝔽(ℝ(t) modulo msPerDay) is never -0
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), for any integer year; m is 0-based.
double days_from_civil(double y, double m, double d) {
    y -= m <= 1;
    double era = std::floor(y / 400);
    double yoe = y - era * 400;
    double mp = std::fmod(m + 10, 12); // March = 0
    double doy = std::floor((153 * mp + 2) / 5) + d - 1;
    double doe = yoe * 365 + std::floor(yoe / 4) - std::floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(double z, double* y, double* m, double* d) {
    z += 719468;
    double era = std::floor(z / 146097);
    double doe = z - era * 146097;
    double yoe =
        std::floor((doe - std::floor(doe / 1460) + std::floor(doe / 36524) - std::floor(doe / 146096)) / 365);
    double doy = doe - (365 * yoe + std::floor(yoe / 4) - std::floor(yoe / 100));
    double mp = std::floor((5 * doy + 2) / 153);
    *d = doy - std::floor((153 * mp + 2) / 5) + 1;
    *m = mp < 10 ? mp + 2 : mp - 10;
    *y = yoe + era * 400 + (*m <= 1);
}

// 21.4.1.28 MakeTime (#sec-maketime)
double make_time(double h, double m, double s, double ms) {
    if (!std::isfinite(h) || !std::isfinite(m) || !std::isfinite(s) || !std::isfinite(ms)) return NAN;
    return std::trunc(h) * 3600000.0 + std::trunc(m) * 60000.0 + std::trunc(s) * 1000.0 + std::trunc(ms);
}

// 21.4.1.29 MakeDay (#sec-makeday)
double make_day(double year, double month, double date) {
    if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
    double y = std::trunc(year), m = std::trunc(month), dt = std::trunc(date);
    double ym = y + std::floor(m / 12);
    if (std::fabs(ym) > 400000) return NAN;
    double mn = std::fmod(m, 12);
    if (mn < 0) mn += 12;
    return days_from_civil(ym, mn, 1) + dt - 1;
}

// 21.4.1.30 MakeDate (#sec-makedate)
double make_date(double day, double time) {
    if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
    double tv = day * kMsPerDay + time;
    return std::isfinite(tv) ? tv : NAN;
}

// 21.4.1.31 TimeClip (#sec-timeclip)
double time_clip(double t) {
    if (!std::isfinite(t) || std::fabs(t) > kMaxTime) return NAN;
    return std::trunc(t) + 0.0; // +0.0 turns -0 into +0
}

// Local time zone offset (ms) at UTC time t, from the C library (no tz data of our own).
double local_offset(double t, bool is_utc) {
    if (!std::isfinite(t)) return 0;
    time_t secs = static_cast<time_t>(std::floor(t / 1000));
    struct tm tm;
    if (!localtime_r(&secs, &tm)) return 0;
    double offset = static_cast<double>(tm.tm_gmtoff) * 1000;
    if (!is_utc) {
        // t is local: adjust once so DST transitions resolve the way the spec's LocalTime inverse expects.
        secs = static_cast<time_t>(std::floor((t - offset) / 1000));
        if (localtime_r(&secs, &tm)) offset = static_cast<double>(tm.tm_gmtoff) * 1000;
    }
    return offset;
}

double local_time(double t) {
    return t + local_offset(t, true);
}
double utc_from_local(double t) {
    return t - local_offset(t, false);
}

struct Fields {
    double year, month, date, hours, minutes, seconds, ms, weekday;
};

Fields split(double t) {
    Fields f;
    double d = day(t);
    civil_from_days(d, &f.year, &f.month, &f.date);
    double tw = time_within_day(t);
    f.hours = std::floor(tw / 3600000);
    f.minutes = std::fmod(std::floor(tw / 60000), 60);
    f.seconds = std::fmod(std::floor(tw / 1000), 60);
    f.ms = std::fmod(tw, 1000);
    f.weekday = std::fmod(d + 4, 7) + 0.0;
    if (f.weekday < 0) f.weekday += 7;
    return f;
}

double now_ms(Runtime& rt) {
    if (rt.m_deterministic) return rt.m_fixed_time_ms;
    struct timeval tv;
    gettimeofday(&tv, nullptr);
    return static_cast<double>(tv.tv_sec) * 1000 + static_cast<double>(tv.tv_usec / 1000);
}

const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// ---- parsing (21.4.3.2): the ISO format, plus the toString/toUTCString forms ----

struct Scanner {
    const char* p;
    const char* end;
    bool digits(int n, int* out) {
        int v = 0;
        for (int i = 0; i < n; ++i) {
            if (p >= end || *p < '0' || *p > '9') return false;
            v = v * 10 + (*p++ - '0');
        }
        *out = v;
        return true;
    }
    bool lit(char c) {
        if (p < end && *p == c) {
            ++p;
            return true;
        }
        return false;
    }
};

double parse_iso(const char* s, size_t n) {
    Scanner sc{s, s + n};
    int sign = 1, year;
    if (sc.lit('+')) {
        if (!sc.digits(6, &year)) return NAN;
    } else if (sc.lit('-')) {
        if (!sc.digits(6, &year) || year == 0) return NAN;
        sign = -1;
    } else if (!sc.digits(4, &year)) {
        return NAN;
    }
    int month = 1, dayv = 1, h = 0, mi = 0, sec = 0, ms = 0;
    bool has_time = false, has_tz = false;
    double tz = 0;
    if (sc.lit('-')) {
        if (!sc.digits(2, &month) || month < 1 || month > 12) return NAN;
        if (sc.lit('-') && (!sc.digits(2, &dayv) || dayv < 1 || dayv > 31)) return NAN;
    }
    if (sc.lit('T')) {
        has_time = true;
        if (!sc.digits(2, &h) || !sc.lit(':') || !sc.digits(2, &mi)) return NAN;
        if (sc.lit(':')) {
            if (!sc.digits(2, &sec)) return NAN;
            if (sc.lit('.')) {
                int digits = 0, frac = 0;
                while (sc.p < sc.end && *sc.p >= '0' && *sc.p <= '9') {
                    if (digits < 3) frac = frac * 10 + (*sc.p - '0');
                    ++digits;
                    ++sc.p;
                }
                if (!digits) return NAN;
                while (digits < 3)
                    frac *= 10, ++digits;
                ms = frac;
            }
        }
        if (h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi || sec || ms))) return NAN;
        if (sc.lit('Z')) {
            has_tz = true;
        } else if (sc.p < sc.end && (*sc.p == '+' || *sc.p == '-')) {
            int tsign = *sc.p++ == '-' ? -1 : 1, th, tm;
            if (!sc.digits(2, &th) || !sc.lit(':') || !sc.digits(2, &tm) || th > 23 || tm > 59) return NAN;
            tz = tsign * (th * 60 + tm) * 60000.0;
            has_tz = true;
        }
    }
    if (sc.p != sc.end) return NAN;
    // days beyond the month's length are invalid
    double dd = make_day(sign * year, month - 1, dayv);
    double check_y, check_m, check_d;
    civil_from_days(dd, &check_y, &check_m, &check_d);
    if (check_d != dayv) return NAN;
    double t = make_date(dd, make_time(h, mi, sec, ms));
    // Date-only forms are UTC; date-time forms without offset are local time.
    if (has_tz)
        t -= tz;
    else if (has_time)
        t = utc_from_local(t);
    return time_clip(t);
}

// Reads the legacy date forms the way sscanf's %3s / %d / literal directives would (without
// pulling the C library's scanf, and its floating-point scanner, into the wasm build).
struct LegacyScanner {
    const char* p;
    static bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
    static bool digit(char c) { return c >= '0' && c <= '9'; }
    void skip_space() {
        while (space(*p))
            ++p;
    }
    // %3s: up to three non-space characters after optional spaces.
    bool word(char* out) {
        skip_space();
        int n = 0;
        while (n < 3 && *p && !space(*p))
            out[n++] = *p++;
        out[n] = 0;
        return n > 0;
    }
    // %d (or %4d with width 4): optional spaces, a sign, digits.
    bool number(int& v, int width = 1 << 20) {
        skip_space();
        const char* q = p;
        bool neg = false;
        if (*q == '+' || *q == '-') neg = *q++ == '-', --width;
        if (width <= 0 || !digit(*q)) return false;
        long long x = 0;
        for (; width > 0 && digit(*q); --width, ++q)
            if (x < 100000000000LL) x = x * 10 + (*q - '0');
        p = q;
        if (x > 2147483647) x = 2147483647; // such values only make an invalid date
        v = int(neg ? -x : x);
        return true;
    }
    bool literal(char c) {
        if (*p != c) return false;
        ++p;
        return true;
    }
};

// "Tue Feb 01 2022 00:00:00 GMT+0100 (...)" and "Tue, 01 Feb 2022 00:00:00 GMT"
double parse_legacy(const char* s, size_t n) {
    char buf[128];
    if (n >= sizeof buf) return NAN;
    std::memcpy(buf, s, n);
    buf[n] = 0;
    char wd[8], mon[8];
    int d, y, h = 0, mi = 0, sec = 0;
    size_t consumed = 0;
    double tz = 0;
    bool has_tz = false;
    int month = -1;
    // Each form counts its conversions like sscanf; the first four (weekday, month, day, year)
    // are required, the time is optional, and the offset is only looked at after a full time.
    auto time_part = [&](LegacyScanner& sc, int count) {
        if (!sc.number(h)) return count;
        if (!sc.literal(':') || !sc.number(mi)) return count + 1;
        if (!sc.literal(':') || !sc.number(sec)) return count + 2;
        consumed = size_t(sc.p - buf);
        return count + 3;
    };
    auto weekday_first = [&] {
        LegacyScanner sc{buf};
        if (!sc.word(wd)) return 0;
        if (!sc.word(mon)) return 1;
        if (!sc.number(d)) return 2;
        if (!sc.number(y)) return 3;
        return time_part(sc, 4);
    };
    auto day_first = [&] {
        LegacyScanner sc{buf};
        if (!sc.word(wd)) return 0;
        if (!sc.literal(',') || !sc.number(d)) return 1;
        if (!sc.word(mon)) return 2;
        if (!sc.number(y)) return 3;
        return time_part(sc, 4);
    };
    if (weekday_first() < 4 && day_first() < 4) return NAN;
    for (int i = 0; i < 12; ++i)
        if (!std::strcmp(mon, kMonths[i])) month = i;
    if (month < 0) return NAN;
    const char* rest = buf + consumed;
    while (*rest == ' ')
        ++rest;
    if (!std::strncmp(rest, "GMT", 3) || !std::strncmp(rest, "UTC", 3) || *rest == 'Z') {
        has_tz = true;
        rest += *rest == 'Z' ? 1 : 3;
        if (*rest == '+' || *rest == '-') {
            int sign = *rest == '-' ? -1 : 1, hhmm = 0;
            LegacyScanner sc{rest + 1};
            if (sc.number(hhmm, 4)) tz = sign * ((hhmm / 100) * 60 + hhmm % 100) * 60000.0;
        }
    }
    double t = make_date(make_day(y, month, d), make_time(h, mi, sec, 0));
    if (has_tz)
        t -= tz;
    else
        t = utc_from_local(t);
    return time_clip(t);
}

double parse_date(const String* s) {
    std::string text = s->to_utf8();
    double t = parse_iso(text.data(), text.size());
    if (std::isnan(t)) t = parse_legacy(text.data(), text.size());
    return t;
}

// ---- formatting ----

// 21.4.4.41.2 DateString: the year is at least four digits, with a "-" sign when negative.
std::string format_year(double y) {
    char buf[16];
    if (y >= 0)
        std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(y));
    else
        std::snprintf(buf, sizeof buf, "-%04d", static_cast<int>(-y));
    return buf;
}

std::string tz_string(double t) {
    double offset = local_offset(t, true) / 60000;
    char buf[32];
    int o = static_cast<int>(std::fabs(offset));
    std::snprintf(buf, sizeof buf, "GMT%c%02d%02d", offset < 0 ? '-' : '+', o / 60, o % 60);
    return buf;
}

std::string date_part(const Fields& f) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s %02d %s", kDays[static_cast<int>(f.weekday)],
                  kMonths[static_cast<int>(f.month)], static_cast<int>(f.date), format_year(f.year).c_str());
    return buf;
}

std::string time_part(const Fields& f) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(f.hours), static_cast<int>(f.minutes),
                  static_cast<int>(f.seconds));
    return buf;
}

// ---- this value ----

Result<double> this_time_value(Context& ctx, const Value& v) {
    const Value* p = primitive_of(v, ClassId::Date);
    if (!p) return ctx.throw_type_error("this is not a Date object");
    return p->as_number();
}

void set_time_value(const Value& v, double t) {
    static_cast<PrimitiveWrapperObject*>(v.as_object())->m_primitive = Value::number(t);
}

// ---- constructor ----

Value date_constructor(Context& ctx, const CallArgs& args) {
    // 1. If NewTarget is undefined, return ToDateString(the current time).
    if (!args.is_construct()) {
        double t = now_ms(ctx.rt());
        Fields f = split(local_time(t));
        return ctx.new_string(date_part(f) + " " + time_part(f) + " " + tz_string(t));
    }
    double tv;
    size_t n = args.count();
    if (n == 0) {
        tv = now_ms(ctx.rt());
    } else if (n == 1) {
        const Value& value = args.arg(0);
        if (const Value* p = primitive_of(value, ClassId::Date)) {
            tv = p->as_number();
        } else {
            Value v = TRY(to_primitive(ctx, value));
            if (v.is_string()) {
                tv = parse_date(v.as_string());
            } else {
                tv = TRY(to_number(ctx, v));
            }
        }
        tv = time_clip(tv);
    } else {
        double nums[7] = {0, 0, 1, 0, 0, 0, 0};
        for (size_t i = 0; i < n && i < 7; ++i)
            nums[i] = TRY(to_number(ctx, args.arg(i)));
        double y = nums[0];
        if (!std::isnan(y)) {
            double yi = std::trunc(y);
            if (yi >= 0 && yi <= 99) y = 1900 + yi;
        }
        double final_date =
            make_date(make_day(y, nums[1], nums[2]), make_time(nums[3], nums[4], nums[5], nums[6]));
        tv = time_clip(utc_from_local(final_date));
    }
    Object* proto =
        TRY(get_prototype_from_constructor(ctx, args.new_target, ctx.intrinsic(Intrinsic::DatePrototype)));
    Value hold = proto ? Value::adopt(Tag::Object, proto) : Value();
    return new_primitive_wrapper(ctx, proto, ClassId::Date, Value::number(tv));
}

Value date_now(Context& ctx, const CallArgs&) {
    return Value::number(now_ms(ctx.rt()));
}

Value date_parse(Context& ctx, const CallArgs& args) {
    Value s = TRY(to_string(ctx, args.arg(0)));
    return Value::number(parse_date(s.as_string()));
}

// 21.4.3.4 Date.UTC
Value date_utc(Context& ctx, const CallArgs& args) {
    double nums[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (size_t i = 0; i < args.count() && i < 7; ++i)
        nums[i] = TRY(to_number(ctx, args.arg(i)));
    double y = nums[0];
    if (!std::isnan(y)) {
        double yi = std::trunc(y);
        if (yi >= 0 && yi <= 99) y = 1900 + yi;
    }
    return Value::number(
        time_clip(make_date(make_day(y, nums[1], nums[2]), make_time(nums[3], nums[4], nums[5], nums[6]))));
}

// ---- getters: magic = field index | 16 for UTC ----

enum Field : int16_t {
    FYear,
    FMonth,
    FDate,
    FHours,
    FMinutes,
    FSeconds,
    FMs,
    FDay,
    FTimezoneOffset,
    FTime,
    FYear2
};

Value date_get(Context& ctx, const CallArgs& args) {
    double t = TRY(this_time_value(ctx, args.this_value));
    int field = args.magic & 15;
    bool utc = args.magic & 16;
    if (std::isnan(t)) return Value::float64(NAN);
    if (field == FTime) return Value::number(t);
    if (field == FTimezoneOffset) return Value::number((t - local_time(t)) / 60000);
    Fields f = split(utc ? t : local_time(t));
    switch (field) {
    case FYear: return Value::number(f.year);
    case FYear2: return Value::number(f.year - 1900);
    case FMonth: return Value::number(f.month);
    case FDate: return Value::number(f.date);
    case FHours: return Value::number(f.hours);
    case FMinutes: return Value::number(f.minutes);
    case FSeconds: return Value::number(f.seconds);
    case FMs: return Value::number(f.ms);
    case FDay: return Value::number(f.weekday);
    default: return Value();
    }
}

// ---- setters: magic = first field | (max args << 4) | 256 for UTC ----

Value date_set(Context& ctx, const CallArgs& args) {
    double t = TRY(this_time_value(ctx, args.this_value));
    int first = args.magic & 15;
    int max_args = (args.magic >> 4) & 15;
    bool utc = args.magic & 256;
    // Convert every argument first (observable order), as the spec's steps do.
    double values[4];
    size_t n = std::min<size_t>(std::max<size_t>(args.count(), 1), static_cast<size_t>(max_args));
    for (size_t i = 0; i < n; ++i)
        values[i] = TRY(to_number(ctx, args.arg(i)));
    if (std::isnan(t)) {
        // Only setFullYear/setUTCFullYear revive an invalid date (from +0).
        if (first != FYear) return Value::float64(NAN);
        t = 0;
    } else if (!utc) {
        t = local_time(t);
    }
    if (first == FYear && std::isnan(TRY(this_time_value(ctx, args.this_value))) && !utc) t = 0;
    Fields f = split(t);
    double fields[7] = {f.year, f.month, f.date, f.hours, f.minutes, f.seconds, f.ms};
    for (size_t i = 0; i < n; ++i)
        fields[first + i] = values[i];
    double date = make_date(make_day(fields[0], fields[1], fields[2]),
                            make_time(fields[3], fields[4], fields[5], fields[6]));
    double u = time_clip(utc ? date : utc_from_local(date));
    set_time_value(args.this_value, u);
    return Value::number(u);
}

Value date_set_time(Context& ctx, const CallArgs& args) {
    TRY(this_time_value(ctx, args.this_value));
    double t = TRY(to_number(ctx, args.arg(0)));
    double v = time_clip(t);
    set_time_value(args.this_value, v);
    return Value::number(v);
}

// B.2.3.2 Date.prototype.setYear
Value date_set_year(Context& ctx, const CallArgs& args) {
    double t = TRY(this_time_value(ctx, args.this_value));
    double y = TRY(to_number(ctx, args.arg(0)));
    if (std::isnan(y)) {
        set_time_value(args.this_value, NAN);
        return Value::float64(NAN);
    }
    double yi = std::trunc(y);
    double yyyy = (yi >= 0 && yi <= 99) ? 1900 + yi : y;
    double lt = std::isnan(t) ? 0 : local_time(t);
    Fields f = split(lt);
    double d = make_day(yyyy, f.month, f.date);
    double u = time_clip(utc_from_local(make_date(d, time_within_day(lt))));
    set_time_value(args.this_value, u);
    return Value::number(u);
}

// ---- string forms: magic selects ----

enum StringForm : int16_t { SFull, SDate, STime, SISO, SUTC };

Value date_to_string_form(Context& ctx, const CallArgs& args) {
    double t = TRY(this_time_value(ctx, args.this_value));
    if (std::isnan(t)) {
        if (args.magic == SISO) return ctx.throw_range_error("Invalid time value");
        return ctx.new_string("Invalid Date");
    }
    switch (args.magic) {
    case SISO: {
        Fields f = split(t);
        char buf[64];
        char y[16];
        if (f.year >= 0 && f.year <= 9999)
            std::snprintf(y, sizeof y, "%04d", static_cast<int>(f.year));
        else
            std::snprintf(y, sizeof y, "%c%06d", f.year < 0 ? '-' : '+', static_cast<int>(std::fabs(f.year)));
        std::snprintf(buf, sizeof buf, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, static_cast<int>(f.month) + 1,
                      static_cast<int>(f.date), static_cast<int>(f.hours), static_cast<int>(f.minutes),
                      static_cast<int>(f.seconds), static_cast<int>(f.ms));
        return ctx.new_string(buf);
    }
    case SUTC: {
        Fields f = split(t);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s, %02d %s %s %s GMT", kDays[static_cast<int>(f.weekday)],
                      static_cast<int>(f.date), kMonths[static_cast<int>(f.month)],
                      format_year(f.year).c_str(), time_part(f).c_str());
        return ctx.new_string(buf);
    }
    default: {
        Fields f = split(local_time(t));
        if (args.magic == SDate) return ctx.new_string(date_part(f));
        if (args.magic == STime) return ctx.new_string(time_part(f) + " " + tz_string(t));
        return ctx.new_string(date_part(f) + " " + time_part(f) + " " + tz_string(t));
    }
    }
}

// 21.4.4.37 Date.prototype.toJSON
Value date_to_json(Context& ctx, const CallArgs& args) {
    Value o = TRY(to_object(ctx, args.this_value));
    Value tv = TRY(to_primitive(ctx, o, PreferredType::Number));
    if (tv.is_number() && !std::isfinite(tv.as_number())) return Value::null();
    return invoke(ctx, o, ctx.rt().intern_ascii("toISOString"), {});
}

// 21.4.4.45 Date.prototype [ @@toPrimitive ] ( hint )
Value date_to_primitive(Context& ctx, const CallArgs& args) {
    if (!args.this_value.is_object())
        return ctx.throw_type_error("Date.prototype[Symbol.toPrimitive] called on non-object");
    const Value& hint = args.arg(0);
    PreferredType try_first;
    if (hint.is_string() &&
        (hint.as_string()->equals_ascii("string") || hint.as_string()->equals_ascii("default")))
        try_first = PreferredType::String;
    else if (hint.is_string() && hint.as_string()->equals_ascii("number"))
        try_first = PreferredType::Number;
    else
        return ctx.throw_type_error("Invalid hint");
    return ordinary_to_primitive(ctx, args.this_value.as_object(), try_first);
}

#define GETTER(name, field) QJS_FUNC_MAGIC(name, 0, date_get, field)
#define UTC_GETTER(name, field) QJS_FUNC_MAGIC(name, 0, date_get, (field) | 16)
#define SETTER(name, len, field, max) QJS_FUNC_MAGIC(name, len, date_set, (field) | ((max) << 4))
#define UTC_SETTER(name, len, field, max) QJS_FUNC_MAGIC(name, len, date_set, (field) | ((max) << 4) | 256)

const FunctionListEntry kDateFunctions[] = {
    QJS_FUNC("now", 0, date_now),
    QJS_FUNC("parse", 1, date_parse),
    QJS_FUNC("UTC", 7, date_utc),
};

const FunctionListEntry kDatePrototype[] = {
    GETTER("getFullYear", FYear),
    UTC_GETTER("getUTCFullYear", FYear),
    GETTER("getYear", FYear2),
    GETTER("getMonth", FMonth),
    UTC_GETTER("getUTCMonth", FMonth),
    GETTER("getDate", FDate),
    UTC_GETTER("getUTCDate", FDate),
    GETTER("getDay", FDay),
    UTC_GETTER("getUTCDay", FDay),
    GETTER("getHours", FHours),
    UTC_GETTER("getUTCHours", FHours),
    GETTER("getMinutes", FMinutes),
    UTC_GETTER("getUTCMinutes", FMinutes),
    GETTER("getSeconds", FSeconds),
    UTC_GETTER("getUTCSeconds", FSeconds),
    GETTER("getMilliseconds", FMs),
    UTC_GETTER("getUTCMilliseconds", FMs),
    GETTER("getTime", FTime),
    GETTER("valueOf", FTime),
    GETTER("getTimezoneOffset", FTimezoneOffset),
    SETTER("setFullYear", 3, FYear, 3),
    UTC_SETTER("setUTCFullYear", 3, FYear, 3),
    SETTER("setMonth", 2, FMonth, 2),
    UTC_SETTER("setUTCMonth", 2, FMonth, 2),
    SETTER("setDate", 1, FDate, 1),
    UTC_SETTER("setUTCDate", 1, FDate, 1),
    SETTER("setHours", 4, FHours, 4),
    UTC_SETTER("setUTCHours", 4, FHours, 4),
    SETTER("setMinutes", 3, FMinutes, 3),
    UTC_SETTER("setUTCMinutes", 3, FMinutes, 3),
    SETTER("setSeconds", 2, FSeconds, 2),
    UTC_SETTER("setUTCSeconds", 2, FSeconds, 2),
    SETTER("setMilliseconds", 1, FMs, 1),
    UTC_SETTER("setUTCMilliseconds", 1, FMs, 1),
    QJS_FUNC("setTime", 1, date_set_time),
    QJS_FUNC("setYear", 1, date_set_year),
    QJS_FUNC_MAGIC("toString", 0, date_to_string_form, SFull),
    QJS_FUNC_MAGIC("toDateString", 0, date_to_string_form, SDate),
    QJS_FUNC_MAGIC("toTimeString", 0, date_to_string_form, STime),
    QJS_FUNC_MAGIC("toISOString", 0, date_to_string_form, SISO),
    QJS_FUNC_MAGIC("toUTCString", 0, date_to_string_form, SUTC),
    QJS_FUNC_MAGIC("toLocaleString", 0, date_to_string_form, SFull),
    QJS_FUNC_MAGIC("toLocaleDateString", 0, date_to_string_form, SDate),
    QJS_FUNC_MAGIC("toLocaleTimeString", 0, date_to_string_form, STime),
    QJS_FUNC("toJSON", 1, date_to_json),
    {"[Symbol.toPrimitive]", FunctionListEntry::Kind::Method, prop::Configurable, 1, 0, date_to_primitive,
     nullptr, 0, nullptr},
};

} // namespace

bool install_date(Context& ctx) {
    register_wrapper_classes();
    Object* proto = Object::create(ctx, ctx.intrinsic(Intrinsic::ObjectPrototype), ClassId::Object);
    if (!proto) return false;
    ctx.set_intrinsic(Intrinsic::DatePrototype, proto);
    proto->unref();
    Object* ctor = define_builtin_constructor(ctx, date_constructor, "Date", 7, proto);
    if (!ctor) return false;
    ctx.set_intrinsic(Intrinsic::Date, ctor);
    if (!define_function_list(ctx, ctor, kDateFunctions) || !define_function_list(ctx, proto, kDatePrototype))
        return false;
    // B.2.3.3 toGMTString is the same function object as toUTCString.
    Atom utc_name = ctx.rt().intern_ascii("toUTCString"), gmt_name = ctx.rt().intern_ascii("toGMTString");
    if (!utc_name || !gmt_name) return ctx.throw_out_of_memory(), false;
    Value utc = get(ctx, proto, utc_name);
    if (utc.is_exception()) return false;
    return !put_own_data(ctx, proto, gmt_name, utc, prop::Writable | prop::Configurable).is_exception();
}

} // namespace qjs
