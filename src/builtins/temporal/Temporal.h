// Temporal.h: operations shared by the Temporal types (creation, conversion of arguments, formatting,
// duration arithmetic). The per-type constructors and prototypes live in their own files.
#pragma once

#include "builtins/temporal/TemporalMath.h"
#include "builtins/temporal/TemporalOptions.h"
#include "runtime/NativeFunction.h"

namespace qjs {

enum class Intrinsic : uint16_t;

// ---- creation (TemporalObjects.cpp) ----
// The Create* operations; `new_target` undefined uses the intrinsic prototype. They check the spec's
// validity conditions (RangeError) before allocating.
Value create_duration(Context&, const DurationFields&, const Value& new_target = Value());
Value create_plain_time(Context&, const TimeRecord&, const Value& new_target = Value());
Value create_plain_date(Context&, const IsoDate&, const Value& new_target = Value());
Value create_plain_date_time(Context&, const IsoDateTime&, const Value& new_target = Value());
Value create_plain_year_month(Context&, const IsoDate&, const Value& new_target = Value());
Value create_plain_month_day(Context&, const IsoDate&, const Value& new_target = Value());
Value create_instant(Context&, i128 epoch_ns, const Value& new_target = Value());
Value create_zoned_date_time(Context&, i128 epoch_ns, const Value& time_zone,
                             const Value& new_target = Value());

Value iso8601_calendar_id(Context&); // the interned "iso8601"
void register_temporal_hooks();      // the gc hooks of the payloads with Values

// The receiver check of every prototype method (RequireInternalSlot): nullptr with a TypeError pending.
template <typename T> T* this_temporal(Context&, const Value& v, ClassId, const char* method);
Object* require_temporal(Context&, const Value& v, ClassId, const char* method);
template <typename T> T* this_temporal(Context& ctx, const Value& v, ClassId id, const char* method) {
    return static_cast<T*>(require_temporal(ctx, v, id, method));
}
inline bool is_temporal(const Value& v, ClassId id) {
    return v.is_object() && v.as_object()->class_id() == id;
}
// Temporal objects of any of the given class (for ToTemporal* argument checks).
template <typename T> T* as_temporal(const Value& v, ClassId id) {
    return is_temporal(v, id) ? static_cast<T*>(v.as_object()) : nullptr;
}

Value i128_to_bigint(Context&, i128);
// A BigInt's value when it fits in 128 bits.
bool bigint_to_i128(const Value& big, i128* out);

// Installs Temporal.X: the constructor on the namespace, its prototype and the two function lists.
Object* install_temporal_type(Context&, Object* ns, const char* name, NativeFn ctor, uint32_t length,
                              Intrinsic proto_id, Intrinsic ctor_id,
                              std::span<const FunctionListEntry> statics,
                              std::span<const FunctionListEntry> proto_methods);

// ---- conversions of arguments (TemporalConvert.cpp) ----
// The calendar id of every object is "iso8601" (the only calendar without Intl).
// ToTemporalCalendarIdentifier (#sec-temporal-totemporalcalendaridentifier): validates and returns nothing.
Result<void> to_temporal_calendar_identifier(Context&, const Value&);
// GetTemporalCalendarIdentifierWithISODefault: reads item.calendar for property bags.
Result<void> get_calendar_with_iso_default(Context&, Object* item);
// The calendar argument of the Plain* constructors (PlainDate.cpp).
Result<void> constructor_calendar_argument(Context&, const Value&);
// Validates a parsed calendar annotation (CanonicalizeCalendar).
Result<void> check_calendar_name(Context&, const char* calendar);
// The ASCII text of a string argument (a RangeError for strings that cannot be Temporal strings).
struct AsciiArg {
    char buf[512];
    size_t len;
};
Result<void> string_argument(Context&, const Value& v, AsciiArg*);

// The fields of a property bag (PrepareCalendarFields / ToTemporalTimeRecord results). NaN = absent.
struct CalendarFields {
    double year, month, day;
    int month_code; // 0 absent
    double hour, minute, second, millisecond, microsecond, nanosecond;
    bool has_offset;
    int64_t offset_ns;
    Value time_zone;
};
enum FieldBits : uint32_t {
    kFieldYear = 1,
    kFieldMonth = 2,
    kFieldMonthCode = 4,
    kFieldDay = 8,
    kFieldTime = 16,
    kFieldOffset = 32,
    kFieldTimeZone = 64,
    kFieldDate = kFieldYear | kFieldMonth | kFieldMonthCode | kFieldDay,
};
// PrepareCalendarFields in the iso8601 calendar: reads the fields in `wanted` in alphabetical order,
// converting each right after its Get. partial: TypeError when none is present.
Result<void> prepare_calendar_fields(Context&, Object* item, uint32_t wanted, bool partial, CalendarFields*);
// RejectTemporalLikeObject (#sec-temporal-rejecttemporallikeobject).
Result<void> reject_temporal_like_object(Context&, Object*);
// CalendarResolveFields + CalendarDateFromFields / YearMonthFromFields / MonthDayFromFields (iso8601).
enum class FieldsType : uint8_t { Date, YearMonth, MonthDay };
Result<IsoDate> calendar_date_from_fields(Context&, CalendarFields&, FieldsType, Overflow);
// RegulateTime (#sec-temporal-regulatetime) over fields (absent = 0).
Result<TimeRecord> regulate_time(Context&, const CalendarFields&, Overflow);

Result<DurationFields> to_temporal_duration(Context&, const Value&);
// ToTemporalPartialDurationRecord: NaN for absent fields.
Result<DurationFields> to_temporal_partial_duration(Context&, const Value&);
Result<TimeRecord> to_temporal_time(Context&, const Value&, const Value& options);
Result<IsoDate> to_temporal_date(Context&, const Value&, const Value& options);
Result<IsoDateTime> to_temporal_date_time(Context&, const Value&, const Value& options);
Result<IsoDate> to_temporal_year_month(Context&, const Value&, const Value& options);
Result<IsoDate> to_temporal_month_day(Context&, const Value&, const Value& options);
Result<i128> to_temporal_instant(Context&, const Value&);
// ToTemporalTimeZoneIdentifier: a canonical String value (offsets as ±HH:MM, "UTC").
Value to_temporal_time_zone_identifier(Context&, const Value&);
// GetOffsetNanosecondsFor for the supported time zones (UTC and fixed offsets).
int64_t offset_ns_for(const Value& time_zone, i128 epoch_ns);
// The relativeTo option (#sec-temporal-gettemporalrelativetooption): has_date false when undefined.
struct RelativeTo {
    bool has_date = false;
    IsoDate date;       // the plain date, or the wall-clock date of a zoned relativeTo
    bool zoned = false; // a ZonedDateTime: the fields below are set
    TimeRecord time;    // the wall-clock time (midnight for a plain date)
    i128 epoch_ns = 0;
    Value time_zone;
};
Result<RelativeTo> get_relative_to_option(Context&, Object* opts);

// ---- formatting (TemporalFormat.cpp) ----
// A bounded output buffer (the longest Temporal string, a ZonedDateTime with a long zone name and
// annotations, is about 200 characters; anything beyond the capacity is dropped, never overrun).
struct TextBuffer {
    char buf[320];
    size_t len = 0;
    void add(const char* s);
    void add_char(char c) {
        if (len < sizeof buf) buf[len++] = c;
    }
    void add_padded(int64_t v, int width);
    Value to_value(Context&) const;
};
void format_iso_year(TextBuffer&, int64_t year); // PadISOYear
void format_date(TextBuffer&, const IsoDate&);
// FormatTimeString with a Precision digits value (-2 minute, -1 auto, 0..9).
void format_time(TextBuffer&, const TimeRecord&, int digits);
void format_fractional_seconds(TextBuffer&, int64_t sub_second_ns, int digits);
void format_offset_rounded(TextBuffer&, int64_t offset_ns); // FormatDateTimeUTCOffsetRounded
void format_calendar_annotation(TextBuffer&, int show);     // FormatCalendarAnnotation for iso8601
void format_offset_minutes(TextBuffer&, int64_t offset_ns); // FormatOffsetTimeZoneIdentifier
// TemporalDurationToString (#sec-temporal-temporaldurationtostring).
void format_duration(TextBuffer&, const DurationFields&, int digits);

// ---- durations (DurationOps.cpp) ----
bool is_valid_duration(const DurationFields&);
int duration_sign(const DurationFields&);
Unit default_largest_unit(const DurationFields&);
InternalDuration to_internal_duration(const DurationFields&);
InternalDuration to_internal_duration_24h(const DurationFields&);
int internal_duration_sign(const InternalDuration&);
// TemporalDurationFromInternal (#sec-temporal-temporaldurationfrominternal): RangeError when invalid.
Result<DurationFields> duration_from_internal(Context&, const InternalDuration&, Unit largest);
DurationFields negate_duration(const DurationFields&);
// CalendarDateAdd for iso8601 (#sec-temporal-calendardateadd).
Result<IsoDate> calendar_date_add(Context&, const IsoDate&, const DateDuration&, Overflow);
// AddTimeDuration / RoundTimeDuration with the maxTimeDuration check.
Result<i128> round_time_duration(Context&, i128 d, double increment, Unit, RoundingMode);
Result<i128> add_time_duration(Context&, i128 a, i128 b);
// DifferenceISODateTime (#sec-temporal-differenceisodatetime).
InternalDuration difference_iso_date_time(const IsoDateTime& a, const IsoDateTime& b, Unit largest);
// The starting point of relative rounding: a wall-clock date-time and a time zone (undefined: none).
struct Origin {
    IsoDateTime dt;
    Value tz;
};
// RoundRelativeDuration (#sec-temporal-roundrelativeduration).
Result<InternalDuration> round_relative_duration(Context&, const InternalDuration&, i128 dest_epoch_ns,
                                                 const Origin&, Unit largest, double increment, Unit smallest,
                                                 RoundingMode);
// TotalRelativeDuration (#sec-temporal-totalrelativeduration).
Result<double> total_relative_duration(Context&, const InternalDuration&, i128 dest_epoch_ns, const Origin&,
                                       Unit unit);
// DifferencePlainDateTimeWithRounding / WithTotal.
Result<InternalDuration> difference_date_time_with_rounding(Context&, const IsoDateTime& a,
                                                            const IsoDateTime& b, Unit largest,
                                                            double increment, Unit smallest, RoundingMode);
Result<double> difference_date_time_with_total(Context&, const IsoDateTime& a, const IsoDateTime& b,
                                               Unit unit);
// DifferenceZonedDateTimeWithRounding / WithTotal for zones with one offset.
Result<InternalDuration> difference_zoned_with_rounding(Context&, i128 ns1, i128 ns2, const Value& tz,
                                                        Unit largest, double increment, Unit smallest,
                                                        RoundingMode);
Result<double> difference_zoned_with_total(Context&, i128 ns1, i128 ns2, const Value& tz, Unit unit);
// AddDurationToDate (#sec-temporal-adddurationtodate) on the ISO date.
Result<IsoDate> add_duration_to_date(Context&, const IsoDate&, const DurationFields&, Overflow);

// ---- calendar getters (CalendarFields.cpp) ----
enum class CalendarField : uint8_t {
    Year,
    Month,
    MonthCode,
    Day,
    DayOfWeek,
    DayOfYear,
    WeekOfYear,
    YearOfWeek,
    DaysInWeek,
    DaysInMonth,
    DaysInYear,
    MonthsInYear,
    InLeapYear,
    CalendarId,
    Era,
    EraYear,
};
Value calendar_field(Context&, const IsoDate&, CalendarField);
void calendar_merge_fields(CalendarFields& fields, const CalendarFields& additional);
CalendarFields fields_from_date(const IsoDate&);

// RoundISODateTime and ISODateTimeToString without annotation (PlainDateTime.cpp).
IsoDateTime round_iso_date_time(const IsoDateTime&, double increment, Unit, RoundingMode);
void format_date_time(TextBuffer&, const IsoDateTime&, int digits);

// ---- time zones (TimeZones.cpp): UTC and fixed offsets ----
enum class OffsetBehaviour : uint8_t { Option, Exact, Wall };
enum class OffsetOption : uint8_t { Prefer, Use, Ignore, Reject };
enum class Disambiguation : uint8_t { Compatible, Earlier, Later, Reject };
bool is_utc_time_zone_name(const char*); // UTC or one of its IANA aliases (TemporalConvert.cpp)
bool time_zone_equals(const Value& a, const Value& b);
Value time_zone_identifier_argument(Context&, const Value&); // the ZonedDateTime constructor's check
// GetEpochNanosecondsFor ( timeZone, isoDateTime, disambiguation )
Result<i128> epoch_ns_for(Context&, const Value& tz, const IsoDateTime&,
                          Disambiguation = Disambiguation::Compatible);
Result<i128> start_of_day(Context&, const Value& tz, const IsoDate&); // GetStartOfDay
// The next / previous offset change of a named zone; kNoTransition when there is none.
constexpr i128 kNoTransition = static_cast<i128>(1) << 100;
Result<i128> time_zone_transition(Context&, const Value& tz, i128 epoch_ns, bool next);
Result<i128> interpret_date_time_offset(Context&, const IsoDateTime&, OffsetBehaviour, int64_t offset_ns,
                                        const Value& tz, Disambiguation, OffsetOption, bool match_minutes);
Result<Disambiguation> get_disambiguation_option(Context&, Object* opts);
Result<OffsetOption> get_offset_option(Context&, Object* opts, OffsetOption fallback);
struct ZonedValue {
    i128 epoch_ns = 0;
    Value time_zone;
};
Result<ZonedValue> to_temporal_zoned_date_time(Context&, const Value& item, const Value& options);
void format_offset_ns(TextBuffer&, int64_t offset_ns); // FormatUTCOffsetNanoseconds
// AddZonedDateTime (#sec-temporal-addzoneddatetime) (ZonedDateTime.cpp).
Result<i128> add_zoned_date_time(Context&, i128 ns, const Value& tz, const InternalDuration&, Overflow);
// The wall-clock date-time of an epoch time in a time zone (GetISODateTimeFor).
inline IsoDateTime iso_date_time_for(const Value& tz, i128 ns) {
    return iso_date_time_from_epoch_ns(ns + offset_ns_for(tz, ns));
}

// Temporal.X.prototype.valueOf: always a TypeError (Duration.cpp).
Value temporal_value_of_function(Context&, const CallArgs&);

// The per-type installers (one file each), called by install_temporal with the namespace object.
bool install_temporal_duration(Context&, Object* ns);
bool install_temporal_plain_time(Context&, Object* ns);
bool install_temporal_plain_date(Context&, Object* ns);
bool install_temporal_plain_date_time(Context&, Object* ns);
bool install_temporal_plain_year_month(Context&, Object* ns);
bool install_temporal_plain_month_day(Context&, Object* ns);
bool install_temporal_instant(Context&, Object* ns);
bool install_temporal_now(Context&, Object* ns);
bool install_temporal_zoned_date_time(Context&, Object* ns);

} // namespace qjs
