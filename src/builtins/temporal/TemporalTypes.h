// TemporalTypes.h: the records of the Temporal proposal (ISO date, time, date-time, durations) and the
// objects that carry them. Every Temporal object is an Object subclass with a flat payload of fixed-width
// fields plus Values (calendar and time-zone identifiers), visited through the class hooks.
#pragma once

#include "runtime/Object.h"

#include <cstdint>

namespace qjs {

using i128 = __int128;

constexpr int64_t kNsPerDay = 86400LL * 1000000000LL;
// nsMaxInstant (#sec-temporal-instant-objects): 10^8 days.
constexpr i128 kNsMaxInstant = static_cast<i128>(100000000) * kNsPerDay;
// maxTimeDuration: 2^53 × 10^9 - 1 (#sec-temporal-time-duration-records).
constexpr i128 kMaxTimeDuration = (static_cast<i128>(1) << 53) * 1000000000 - 1;

// An ISO Date Record (#sec-temporal-iso-date-records).
struct IsoDate {
    int32_t year = 1970;
    int32_t month = 1;
    int32_t day = 1;
};

// A Time Record (#sec-temporal-time-records); `days` is set by the balancing operations.
struct TimeRecord {
    int64_t days = 0;
    int32_t hour = 0;
    int32_t minute = 0;
    int32_t second = 0;
    int32_t millisecond = 0;
    int32_t microsecond = 0;
    int32_t nanosecond = 0;
};

// An ISO Date-Time Record (#sec-temporal-iso-date-time-records).
struct IsoDateTime {
    IsoDate date;
    TimeRecord time;
};

// A Date Duration Record (#sec-temporal-date-duration-records).
struct DateDuration {
    double years = 0;
    double months = 0;
    double weeks = 0;
    double days = 0;
};

// An Internal Duration Record (#sec-temporal-internal-duration-records): the time part is a time duration
// in nanoseconds.
struct InternalDuration {
    DateDuration date;
    i128 time = 0;
};

// The ten fields of a Temporal.Duration, years first.
struct DurationFields {
    double f[10] = {};
    double& operator[](int i) { return f[i]; }
    double operator[](int i) const { return f[i]; }
};

// Temporal units in the order of the Temporal units table (#table-temporal-units), largest first.
enum class Unit : uint8_t {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
    Microsecond,
    Nanosecond,
    Auto,
    Unset,
};
inline bool is_calendar_unit(Unit u) {
    return u <= Unit::Week;
}
inline bool is_date_unit(Unit u) {
    return u <= Unit::Day;
} // TemporalUnitCategory is date
inline Unit larger_unit(Unit a, Unit b) {
    return a < b ? a : b;
}
int64_t ns_per_unit(Unit); // for Day and smaller
const char* unit_name(Unit);

enum class RoundingMode : uint8_t {
    Ceil,
    Floor,
    Expand,
    Trunc,
    HalfCeil,
    HalfFloor,
    HalfExpand,
    HalfTrunc,
    HalfEven
};
enum class Overflow : uint8_t { Constrain, Reject };

class DurationObject : public Object {
  public:
    DurationFields m_fields; // [[Years]] .. [[Nanoseconds]]
};

class PlainTimeObject : public Object {
  public:
    TimeRecord m_time; // [[Time]]
};

// PlainDate, PlainYearMonth and PlainMonthDay share this payload.
class PlainDateObject : public Object {
  public:
    IsoDate m_date;   // [[ISODate]]
    Value m_calendar; // [[Calendar]] (a String)
};

class PlainDateTimeObject : public Object {
  public:
    IsoDateTime m_dt; // [[ISODateTime]]
    Value m_calendar; // [[Calendar]]
};

// [[EpochNanoseconds]] as two 64-bit halves: the payload needs no 16-byte alignment and stays a flat
// record of fixed-width fields.
struct EpochNs {
    int64_t hi = 0;
    uint64_t lo = 0;
    i128 get() const {
        return static_cast<i128>((static_cast<unsigned __int128>(static_cast<uint64_t>(hi)) << 64) | lo);
    }
    void set(i128 v) {
        hi = static_cast<int64_t>(v >> 64);
        lo = static_cast<uint64_t>(v);
    }
};

class InstantObject : public Object {
  public:
    EpochNs m_epoch; // [[EpochNanoseconds]]
    i128 epoch_ns() const { return m_epoch.get(); }
};

class ZonedDateTimeObject : public Object {
  public:
    EpochNs m_epoch;   // [[EpochNanoseconds]]
    Value m_time_zone; // [[TimeZone]] (a String)
    Value m_calendar;  // [[Calendar]]
    i128 epoch_ns() const { return m_epoch.get(); }
};

} // namespace qjs
