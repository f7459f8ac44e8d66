// TzDatabase.h: named time zones from the system's tz database (TZif files, RFC 8536, under
// /usr/share/zoneinfo), including the POSIX TZ rule of the footer for times after the last transition.
// A zone is read from its file for each query (no cache): every read is bounds-checked, and a missing or
// malformed file is an unavailable zone.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qjs {

class Runtime;

// A POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0"): offsets in seconds east of UTC.
struct PosixTzRule {
    bool valid = false;
    int32_t std_offset = 0;
    bool has_dst = false;
    int32_t dst_offset = 0;
    struct Date {
        char kind = 'M'; // 'J' (1..365, no Feb 29), 'N' (0..365), 'M' (month.week.day)
        int a = 0, w = 0, d = 0;
        int32_t time = 7200; // seconds after local midnight
    } start, end;
};

class TzFile {
  public:
    explicit TzFile(Runtime& rt) : m_rt(rt) {}
    ~TzFile();
    TzFile(const TzFile&) = delete;
    TzFile& operator=(const TzFile&) = delete;

    // Reads and validates the zone `name` (a name already checked for the IANA syntax).
    bool load(const char* name);
    // Parses TZif bytes (copied); for tests of the parser on crafted data.
    bool load_bytes(const uint8_t* bytes, size_t size);
    // The UTC offset in seconds at an epoch second.
    int64_t offset_at(int64_t epoch_seconds) const;
    // The first offset change strictly after / the last one strictly before an epoch second (as the
    // epoch second of the change); false when there is none.
    bool next_transition(int64_t after, int64_t* out) const;
    bool previous_transition(int64_t before, int64_t* out) const;

  private:
    bool parse();
    int64_t transition_time(uint32_t i) const;
    int32_t type_offset(uint32_t type) const;
    int32_t offset_after_transition(uint32_t i) const;

    Runtime& m_rt;
    uint8_t* m_data = nullptr;
    size_t m_size = 0;
    // The 64-bit data block (version 2+) or the 32-bit one.
    size_t m_times = 0, m_indexes = 0, m_types = 0;
    uint32_t m_time_count = 0, m_type_count = 0;
    int m_time_size = 8;
    PosixTzRule m_rule;
};

// The properly cased name of an available zone matching `requested` case-insensitively; false when none.
bool find_time_zone_name(const char* requested, char* out, size_t cap);
// The host's time zone name (from TZ or /etc/localtime), or false.
bool system_time_zone_name(char* out, size_t cap);

} // namespace qjs
