// TimeZones.cpp: time zone operations (#sec-temporal-time-zone-abstract-ops) for UTC, fixed UTC offsets and
// the named zones of the system's tz database (TzDatabase.h), and ToTemporalZonedDateTime.
#include "builtins/temporal/Temporal.h"

#include "builtins/Options.h"
#include "builtins/temporal/TemporalParser.h"
#include "builtins/temporal/TzDatabase.h"
#include "runtime/Context.h"
#include "runtime/String.h"

#include <cmath>
#include <cstring>
#include <strings.h>

namespace qjs {

namespace {

enum class ZoneKind : uint8_t { Offset, Utc, Named };

ZoneKind zone_kind(const Value& tz, char* buf, size_t cap, int64_t* offset_ns) {
    if (!tz.is_string() || !string_to_ascii(tz.as_string(), buf, cap)) return ZoneKind::Utc;
    if (buf[0] == '+' || buf[0] == '-') {
        parse_utc_offset(buf, std::strlen(buf), false, offset_ns);
        return ZoneKind::Offset;
    }
    return is_utc_time_zone_name(buf) ? ZoneKind::Utc : ZoneKind::Named;
}

Exception out_of_range(Context& ctx) {
    return ctx.throw_range_error("date-time out of range");
}

// GetPossibleEpochNanoseconds ( timeZone, isoDateTime ) (#sec-temporal-getpossibleepochnanoseconds):
// 0, 1 or 2 exact times, ascending. The offsets a day before and after bound those in effect.
Result<int> possible_epoch_ns(Context& ctx, const Value& tz, const IsoDateTime& dt, i128 out[2]) {
    if (!iso_date_time_within_limits(dt)) return out_of_range(ctx);
    i128 local = utc_epoch_ns(dt);
    int64_t before = offset_ns_for(tz, local - kNsPerDay);
    int64_t after = offset_ns_for(tz, local + kNsPerDay);
    int n = 0;
    // A larger offset gives an earlier exact time.
    int64_t offsets[2] = {before > after ? before : after, before > after ? after : before};
    for (int k = 0; k < (before == after ? 1 : 2); ++k) {
        i128 candidate = local - offsets[k];
        if (offset_ns_for(tz, candidate) == offsets[k]) out[n++] = candidate;
    }
    for (int k = 0; k < n; ++k)
        if (!is_valid_epoch_ns(out[k])) return out_of_range(ctx);
    return n;
}

IsoDateTime add_ns_to_date_time(const IsoDateTime& dt, i128 ns) {
    return iso_date_time_from_epoch_ns(utc_epoch_ns(dt) + ns);
}

} // namespace

// TimeZoneEquals ( one, two ) (#sec-temporal-timezoneequals)
bool time_zone_equals(const Value& a, const Value& b) {
    char ba[128], bb[128];
    int64_t oa = 0, ob = 0;
    ZoneKind ka = zone_kind(a, ba, sizeof ba, &oa), kb = zone_kind(b, bb, sizeof bb, &ob);
    if (ka != kb) return false;
    if (ka == ZoneKind::Offset) return oa == ob;
    if (ka == ZoneKind::Utc) return true; // the aliases of UTC share one primary identifier
    return strcasecmp(ba, bb) == 0;
}

// ParseTimeZoneIdentifier + the constructor's checks: an identifier (not an ISO string).
Value time_zone_identifier_argument(Context& ctx, const Value& v) {
    if (!v.is_string()) return ctx.throw_type_error("time zone must be a string");
    AsciiArg arg;
    if (string_argument(ctx, v, &arg).is_exception()) return Exception{};
    if (!is_time_zone_identifier_syntax(arg.buf, arg.len)) return ctx.throw_range_error("invalid time zone");
    return to_temporal_time_zone_identifier(ctx, v);
}

// GetEpochNanosecondsFor ( timeZone, isoDateTime, disambiguation ) with
// DisambiguatePossibleEpochNanoseconds (#sec-temporal-disambiguatepossibleepochnanoseconds).
Result<i128> epoch_ns_for(Context& ctx, const Value& tz, const IsoDateTime& dt,
                          Disambiguation disambiguation) {
    i128 possible[2];
    int n = TRY(possible_epoch_ns(ctx, tz, dt, possible));
    // 1-2. One candidate: return it.
    if (n == 1) return possible[0];
    // 3-4. Two candidates (an overlap).
    if (n == 2) {
        if (disambiguation == Disambiguation::Reject)
            return ctx.throw_range_error("ambiguous wall-clock time");
        return disambiguation == Disambiguation::Later ? possible[1] : possible[0];
    }
    // 5-6. None (a gap): reject throws; else shift by the offset change.
    if (disambiguation == Disambiguation::Reject)
        return ctx.throw_range_error("wall-clock time in a time zone gap");
    i128 local = utc_epoch_ns(dt);
    i128 day_before = local - kNsPerDay, day_after = local + kNsPerDay;
    if (!is_valid_epoch_ns(day_before) || !is_valid_epoch_ns(day_after)) return out_of_range(ctx);
    int64_t shift = offset_ns_for(tz, day_after) - offset_ns_for(tz, day_before);
    if (disambiguation == Disambiguation::Earlier) {
        // 14-18. The earlier time: the wall-clock time minus the shift, first candidate.
        n = TRY(possible_epoch_ns(ctx, tz, add_ns_to_date_time(dt, -shift), possible));
        if (n == 0) return out_of_range(ctx);
        return possible[0];
    }
    // 19-23. compatible / later: the wall-clock time plus the shift, last candidate.
    n = TRY(possible_epoch_ns(ctx, tz, add_ns_to_date_time(dt, shift), possible));
    if (n == 0) return out_of_range(ctx);
    return possible[n - 1];
}

// GetStartOfDay ( timeZone, isoDate ) (#sec-temporal-getstartofday)
Result<i128> start_of_day(Context& ctx, const Value& tz, const IsoDate& date) {
    IsoDateTime midnight{date, TimeRecord{}};
    i128 possible[2];
    int n = TRY(possible_epoch_ns(ctx, tz, midnight, possible));
    // 3. If possibleEpochNs is not empty, return its first element.
    if (n) return possible[0];
    // 4-6. Midnight is in a gap: the day starts at the transition after the previous day.
    i128 t = TRY(time_zone_transition(ctx, tz, utc_epoch_ns(midnight) - kNsPerDay, true));
    if (t == kNoTransition) return out_of_range(ctx);
    return t;
}

// GetNamedTimeZoneNextTransition / PreviousTransition: kNoTransition for none.
Result<i128> time_zone_transition(Context& ctx, const Value& tz, i128 epoch_ns, bool next) {
    char buf[128];
    int64_t offset;
    if (zone_kind(tz, buf, sizeof buf, &offset) != ZoneKind::Named) return kNoTransition;
    TzFile file(ctx.rt());
    if (!file.load(buf)) return kNoTransition;
    // Transitions are whole seconds: the next one is after floor(ns), the previous one before ceil(ns).
    i128 seconds = epoch_ns / 1000000000;
    i128 rem = epoch_ns % 1000000000;
    if (rem < 0) --seconds;
    int64_t t;
    bool found = next ? file.next_transition(static_cast<int64_t>(seconds), &t)
                      : file.previous_transition(static_cast<int64_t>(rem > 0 ? seconds + 1 : seconds), &t);
    if (!found) return kNoTransition;
    i128 r = static_cast<i128>(t) * 1000000000;
    return is_valid_epoch_ns(r) ? r : kNoTransition;
}

// InterpretISODateTimeOffset (#sec-temporal-interpretisodatetimeoffset)
Result<i128> interpret_date_time_offset(Context& ctx, const IsoDateTime& dt, OffsetBehaviour behaviour,
                                        int64_t offset_ns, const Value& tz, Disambiguation disambiguation,
                                        OffsetOption option, bool match_minutes) {
    // 2. Wall time, or an ignored offset: the time zone decides.
    if (behaviour == OffsetBehaviour::Wall ||
        (behaviour == OffsetBehaviour::Option && option == OffsetOption::Ignore))
        return epoch_ns_for(ctx, tz, dt, disambiguation);
    // 3. An exact offset (Z, or the use option).
    if (behaviour == OffsetBehaviour::Exact || option == OffsetOption::Use) {
        if (!iso_date_time_within_limits(dt)) return out_of_range(ctx);
        i128 ns = utc_epoch_ns(dt) - offset_ns;
        if (!is_valid_epoch_ns(ns)) return out_of_range(ctx);
        return ns;
    }
    // 5. Perform ? CheckISODaysRange(isoDate).
    if (std::abs(iso_date_to_epoch_days(dt.date.year, dt.date.month, dt.date.day)) > 100000000)
        return out_of_range(ctx);
    // 6-8. prefer / reject: the candidate whose offset matches.
    i128 utc = utc_epoch_ns(dt);
    i128 possible[2];
    int n = TRY(possible_epoch_ns(ctx, tz, dt, possible));
    for (int k = 0; k < n; ++k) {
        i128 candidate_offset = utc - possible[k];
        if (candidate_offset == offset_ns) return possible[k];
        if (match_minutes &&
            round_to_increment(candidate_offset, 60000000000LL, RoundingMode::HalfExpand) == offset_ns)
            return possible[k];
    }
    // 9. If offsetOption is reject, throw a RangeError exception.
    if (option == OffsetOption::Reject) return ctx.throw_range_error("offset does not match the time zone");
    // 10. Return ? DisambiguatePossibleEpochNanoseconds(...).
    return epoch_ns_for(ctx, tz, dt, disambiguation);
}

// GetTemporalDisambiguationOption / GetTemporalOffsetOption.
Result<Disambiguation> get_disambiguation_option(Context& ctx, Object* opts) {
    static const char* const kValues[] = {"compatible", "earlier", "later", "reject", nullptr};
    int i = TRY(get_string_option(ctx, opts, "disambiguation", kValues, 0));
    return static_cast<Disambiguation>(i);
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
    Disambiguation disambiguation = Disambiguation::Compatible;
    if (item.is_object()) {
        // 2.a. A ZonedDateTime: read the options, return a copy.
        if (auto* z = as_temporal<ZonedDateTimeObject>(item, ClassId::TemporalZonedDateTime)) {
            opts = TRY(get_options_object(ctx, options));
            TRY(get_disambiguation_option(ctx, opts));
            TRY(get_offset_option(ctx, opts, OffsetOption::Reject));
            TRY(get_overflow_option(ctx, opts));
            r.epoch_ns = z->epoch_ns();
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
        disambiguation = TRY(get_disambiguation_option(ctx, opts));
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
        disambiguation = TRY(get_disambiguation_option(ctx, opts));
        option = TRY(get_offset_option(ctx, opts, OffsetOption::Reject));
        TRY(get_overflow_option(ctx, opts));
        dt.date = IsoDate{static_cast<int32_t>(p.year), p.month, p.day};
        dt.time = p.time;
    }
    // 8. Let epochNanoseconds be ? InterpretISODateTimeOffset(...).
    r.epoch_ns = TRY(interpret_date_time_offset(ctx, dt, behaviour, offset_ns, r.time_zone, disambiguation,
                                                option, match_minutes));
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
