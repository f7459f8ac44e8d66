// TimeZones.cpp: time zone operations for the zones available without a tz database: UTC (and its IANA
// aliases) and fixed UTC offsets (#sec-temporal-time-zone-abstract-ops), and ToTemporalZonedDateTime.
#include "builtins/temporal/Temporal.h"

#include "builtins/Options.h"
#include "builtins/temporal/TemporalParser.h"
#include "runtime/Context.h"
#include "runtime/String.h"

#include <cmath>
#include <cstring>

namespace qjs {

namespace {

// A comparable key of a time zone: its offset for offset zones, a marker for UTC names.
bool time_zone_key(const Value& tz, int64_t* offset_ns) {
    char buf[32];
    if (!tz.is_string() || !string_to_ascii(tz.as_string(), buf, sizeof buf)) return false;
    if (buf[0] == '+' || buf[0] == '-') {
        parse_utc_offset(buf, std::strlen(buf), false, offset_ns);
        return true;
    }
    return false;
}

} // namespace

// TimeZoneEquals ( one, two ) (#sec-temporal-timezoneequals)
bool time_zone_equals(const Value& a, const Value& b) {
    int64_t oa = 0, ob = 0;
    bool offset_a = time_zone_key(a, &oa), offset_b = time_zone_key(b, &ob);
    if (offset_a != offset_b) return false;
    if (offset_a) return oa == ob;
    return true; // every available named zone is an alias of UTC
}

// ParseTimeZoneIdentifier + the constructor's checks: an identifier (not an ISO string).
Value time_zone_identifier_argument(Context& ctx, const Value& v) {
    if (!v.is_string()) return ctx.throw_type_error("time zone must be a string");
    AsciiArg arg;
    if (string_argument(ctx, v, &arg).is_exception()) return Exception{};
    if (!is_time_zone_identifier_syntax(arg.buf, arg.len)) return ctx.throw_range_error("invalid time zone");
    return to_temporal_time_zone_identifier(ctx, v);
}

// GetEpochNanosecondsFor ( timeZone, isoDateTime, disambiguation ) for zones with one offset.
Result<i128> epoch_ns_for(Context& ctx, const Value& tz, const IsoDateTime& dt) {
    if (!iso_date_time_within_limits(dt)) {
        ctx.throw_range_error("date-time out of range");
        return Exception{};
    }
    i128 utc = utc_epoch_ns(dt);
    i128 ns = utc - offset_ns_for(tz, utc);
    if (!is_valid_epoch_ns(ns)) {
        ctx.throw_range_error("date-time out of range");
        return Exception{};
    }
    return ns;
}

// InterpretISODateTimeOffset (#sec-temporal-interpretisodatetimeoffset) for zones with one offset.
Result<i128> interpret_date_time_offset(Context& ctx, const IsoDateTime& dt, OffsetBehaviour behaviour,
                                        int64_t offset_ns, const Value& tz, OffsetOption option,
                                        bool match_minutes) {
    // 2. Wall time, or an ignored offset: the time zone decides.
    if (behaviour == OffsetBehaviour::Wall ||
        (behaviour == OffsetBehaviour::Option && option == OffsetOption::Ignore))
        return epoch_ns_for(ctx, tz, dt);
    // 3. An exact offset (Z, or the use option).
    if (behaviour == OffsetBehaviour::Exact || option == OffsetOption::Use) {
        if (!iso_date_time_within_limits(dt)) {
            ctx.throw_range_error("date-time out of range");
            return Exception{};
        }
        i128 ns = utc_epoch_ns(dt) - offset_ns;
        if (!is_valid_epoch_ns(ns)) {
            ctx.throw_range_error("date-time out of range");
            return Exception{};
        }
        return ns;
    }
    // 5. Perform ? CheckISODaysRange(isoDate).
    if (std::abs(iso_date_to_epoch_days(dt.date.year, dt.date.month, dt.date.day)) > 100000000) {
        ctx.throw_range_error("date out of range");
        return Exception{};
    }
    // 6-8. prefer / reject: the candidate whose offset matches.
    i128 candidate = TRY(epoch_ns_for(ctx, tz, dt));
    i128 candidate_offset = utc_epoch_ns(dt) - candidate;
    if (candidate_offset == offset_ns) return candidate;
    if (match_minutes &&
        round_to_increment(candidate_offset, 60000000000LL, RoundingMode::HalfExpand) == offset_ns)
        return candidate;
    // 9. If offsetOption is reject, throw a RangeError exception.
    if (option == OffsetOption::Reject) {
        ctx.throw_range_error("offset does not match the time zone");
        return Exception{};
    }
    // 10. DisambiguatePossibleEpochNanoseconds.
    return candidate;
}

// GetTemporalDisambiguationOption / GetTemporalOffsetOption.
Result<void> get_disambiguation_option(Context& ctx, Object* opts) {
    static const char* const kValues[] = {"compatible", "earlier", "later", "reject", nullptr};
    TRY(get_string_option(ctx, opts, "disambiguation", kValues, 0));
    return {};
}
Result<OffsetOption> get_offset_option(Context& ctx, Object* opts, OffsetOption fallback) {
    static const char* const kValues[] = {"prefer", "use", "ignore", "reject", nullptr};
    int i = TRY(get_string_option(ctx, opts, "offset", kValues, static_cast<int>(fallback)));
    return static_cast<OffsetOption>(i);
}

// ToTemporalZonedDateTime ( item [ , options ] )
Result<ZonedValue> to_temporal_zoned_date_time(Context& ctx, const Value& item, const Value& options) {
    ZonedValue r;
    OffsetBehaviour behaviour = OffsetBehaviour::Option;
    bool match_minutes = false;
    int64_t offset_ns = 0;
    IsoDateTime dt;
    Object* opts;
    OffsetOption option;
    if (item.is_object()) {
        // 2.a. A ZonedDateTime: read the options, return a copy.
        if (auto* z = as_temporal<ZonedDateTimeObject>(item, ClassId::TemporalZonedDateTime)) {
            opts = TRY(get_options_object(ctx, options));
            TRY(get_disambiguation_option(ctx, opts));
            TRY(get_offset_option(ctx, opts, OffsetOption::Reject));
            TRY(get_overflow_option(ctx, opts));
            r.epoch_ns = z->m_epoch_ns;
            r.time_zone = z->m_time_zone;
            return r;
        }
        // b-e. A property bag with a required timeZone.
        Object* o = item.as_object();
        TRY(get_calendar_with_iso_default(ctx, o));
        CalendarFields f;
        TRY(prepare_calendar_fields(ctx, o, kFieldDate | kFieldTime | kFieldOffset | kFieldTimeZone, false,
                                    &f));
        if (f.time_zone.is_undefined()) {
            ctx.throw_type_error("timeZone is required");
            return Exception{};
        }
        r.time_zone = f.time_zone;
        if (f.has_offset)
            offset_ns = f.offset_ns;
        else
            behaviour = OffsetBehaviour::Wall;
        // f-j. Read the options.
        opts = TRY(get_options_object(ctx, options));
        TRY(get_disambiguation_option(ctx, opts));
        option = TRY(get_offset_option(ctx, opts, OffsetOption::Reject));
        Overflow overflow = TRY(get_overflow_option(ctx, opts));
        // k. InterpretTemporalDateTimeFields.
        dt.date = TRY(calendar_date_from_fields(ctx, f, FieldsType::Date, overflow));
        dt.time = TRY(regulate_time(ctx, f, overflow));
    } else {
        // 3. A string with a time zone annotation.
        if (!item.is_string()) {
            ctx.throw_type_error("zoned date-time must be a string or an object");
            return Exception{};
        }
        AsciiArg arg;
        TRY(string_argument(ctx, item, &arg));
        ParsedIsoString p;
        if (!parse_iso_string(arg.buf, arg.len, ParseGoal::ZonedDateTime, &p)) {
            ctx.throw_range_error("invalid zoned date-time string");
            return Exception{};
        }
        if (!is_valid_iso_date(static_cast<double>(p.year), p.month, p.day)) {
            ctx.throw_range_error("invalid date");
            return Exception{};
        }
        Value annotation = ctx.new_string(p.time_zone);
        if (annotation.is_exception()) return Exception{};
        r.time_zone = to_temporal_time_zone_identifier(ctx, annotation);
        if (r.time_zone.is_exception()) return Exception{};
        if (p.utc_designator)
            behaviour = OffsetBehaviour::Exact;
        else if (p.has_offset)
            offset_ns = p.offset_ns;
        else
            behaviour = OffsetBehaviour::Wall;
        TRY(check_calendar_name(ctx, p.calendar));
        match_minutes = !p.offset_has_subminute;
        opts = TRY(get_options_object(ctx, options));
        TRY(get_disambiguation_option(ctx, opts));
        option = TRY(get_offset_option(ctx, opts, OffsetOption::Reject));
        TRY(get_overflow_option(ctx, opts));
        dt.date = IsoDate{static_cast<int32_t>(p.year), p.month, p.day};
        dt.time = p.time;
    }
    // 8. Let epochNanoseconds be ? InterpretISODateTimeOffset(...).
    r.epoch_ns =
        TRY(interpret_date_time_offset(ctx, dt, behaviour, offset_ns, r.time_zone, option, match_minutes));
    return r;
}

// FormatUTCOffsetNanoseconds (#sec-temporal-formatutcoffsetnanoseconds)
void format_offset_ns(TextBuffer& b, int64_t offset_ns) {
    int64_t a = offset_ns < 0 ? -offset_ns : offset_ns;
    b.add_char(offset_ns < 0 ? '-' : '+');
    int64_t seconds = a / 1000000000;
    int64_t sub = a % 1000000000;
    b.add_padded(seconds / 3600, 2);
    b.add_char(':');
    b.add_padded(seconds / 60 % 60, 2);
    if (seconds % 60 || sub) {
        b.add_char(':');
        b.add_padded(seconds % 60, 2);
        format_fractional_seconds(b, sub, -1);
    }
}

} // namespace qjs
