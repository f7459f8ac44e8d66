// TemporalParser.h: the ISO 8601 / RFC 9557 string grammar of Temporal (#sec-temporal-iso8601grammar) and
// ISO 8601 durations. Parsers work on ASCII copies of the argument; every failure is `false` (the caller
// throws the RangeError).
#pragma once

#include "builtins/temporal/TemporalTypes.h"

#include <cstddef>

namespace qjs {

enum class ParseGoal : uint8_t {
    DateTime,      // TemporalDateTimeString[~Zoned] (PlainDate, PlainDateTime, relativeTo)
    Time,          // TemporalTimeString
    YearMonth,     // TemporalYearMonthString
    MonthDay,      // TemporalMonthDayString
    Instant,       // TemporalInstantString
    ZonedDateTime, // TemporalDateTimeString[+Zoned]
};

// The result of ParseISODateTime (#sec-temporal-parseisodatetime).
struct ParsedIsoString {
    int64_t year = 0;
    int month = 0;
    int day = 0;          // 0 when absent (year-month strings)
    bool has_year = true; // false for month-day strings without a year
    bool has_time = false;
    TimeRecord time;
    bool utc_designator = false; // Z
    bool has_offset = false;
    bool offset_has_subminute = false; // seconds or a fraction in the offset
    int64_t offset_ns = 0;
    char time_zone[128] = {}; // the time zone annotation, if any
    char calendar[64] = {};   // the first calendar annotation, if any
};

bool parse_iso_string(const char* s, size_t n, ParseGoal, ParsedIsoString* out);
// A UTC offset ±HH[:MM[:SS[.fff]]] (also without separators): nanoseconds. allow_subminute = false accepts
// only ±HH[:MM] (time zone identifiers).
bool parse_utc_offset(const char* s, size_t n, bool allow_subminute, int64_t* out_ns);
// ISO 8601 durations (#sec-temporal-parsetemporaldurationstring). The fields are the spec's integers.
bool parse_duration_string(const char* s, size_t n, DurationFields* out);
// A time zone identifier: an offset (±HH[:MM]) or a named zone in the IANA syntax.
bool is_time_zone_identifier_syntax(const char* s, size_t n);
// A calendar identifier (alphanumeric segments of 3..8 characters separated by '-').
bool is_calendar_identifier_syntax(const char* s, size_t n);

} // namespace qjs
