// TzDatabase.cpp: TZif files (RFC 8536) and POSIX TZ rules for named time zones (see TzDatabase.h).
#include "builtins/temporal/TzDatabase.h"

#include "builtins/temporal/TemporalMath.h"
#include "runtime/Runtime.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <unistd.h>

namespace qjs {

namespace {

constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo/";
constexpr size_t kMaxFileSize = 1 << 20;

uint32_t be32(const uint8_t* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
int64_t be64(const uint8_t* p) {
    return static_cast<int64_t>((uint64_t(be32(p)) << 32) | be32(p + 4));
}

// ---- POSIX TZ strings (the TZif footer) ----

struct RuleCursor {
    const char* s;
    const char* end;
    char peek() const { return s < end ? *s : 0; }
};

bool parse_rule_name(RuleCursor& c) {
    if (c.peek() == '<') {
        ++c.s;
        while (c.s < c.end && *c.s != '>')
            ++c.s;
        if (c.peek() != '>') return false;
        ++c.s;
        return true;
    }
    int n = 0;
    while ((c.peek() >= 'A' && c.peek() <= 'Z') || (c.peek() >= 'a' && c.peek() <= 'z')) {
        ++c.s;
        ++n;
    }
    return n >= 3;
}

bool parse_rule_number(RuleCursor& c, int max, int* out) {
    int v = 0, n = 0;
    while (c.peek() >= '0' && c.peek() <= '9') {
        v = v * 10 + (*c.s++ - '0');
        if (v > max || ++n > 3) return false;
    }
    *out = v;
    return n > 0;
}

// [+-]hh[:mm[:ss]] in seconds (hours up to 167, as RFC 8536 allows for rule times).
bool parse_rule_time(RuleCursor& c, int32_t* out) {
    int sign = 1;
    if (c.peek() == '+' || c.peek() == '-') sign = *c.s++ == '-' ? -1 : 1;
    int h, m = 0, s = 0;
    if (!parse_rule_number(c, 167, &h)) return false;
    if (c.peek() == ':') {
        ++c.s;
        if (!parse_rule_number(c, 59, &m)) return false;
        if (c.peek() == ':') {
            ++c.s;
            if (!parse_rule_number(c, 59, &s)) return false;
        }
    }
    *out = sign * (h * 3600 + m * 60 + s);
    return true;
}

bool parse_rule_date(RuleCursor& c, PosixTzRule::Date* d) {
    if (c.peek() == 'M') {
        ++c.s;
        d->kind = 'M';
        if (!parse_rule_number(c, 12, &d->a) || d->a < 1 || c.peek() != '.') return false;
        ++c.s;
        if (!parse_rule_number(c, 5, &d->w) || d->w < 1 || c.peek() != '.') return false;
        ++c.s;
        if (!parse_rule_number(c, 6, &d->d)) return false;
    } else if (c.peek() == 'J') {
        ++c.s;
        d->kind = 'J';
        if (!parse_rule_number(c, 365, &d->a) || d->a < 1) return false;
    } else {
        d->kind = 'N';
        if (!parse_rule_number(c, 365, &d->a)) return false;
    }
    d->time = 7200;
    if (c.peek() == '/') {
        ++c.s;
        if (!parse_rule_time(c, &d->time)) return false;
    }
    return true;
}

bool parse_posix_rule(const char* s, size_t n, PosixTzRule* r) {
    RuleCursor c{s, s + n};
    int32_t off;
    if (!parse_rule_name(c) || !parse_rule_time(c, &off)) return false;
    r->std_offset = -off; // POSIX offsets are positive west of Greenwich
    if (c.s == c.end) return r->valid = true;
    if (!parse_rule_name(c)) return false;
    r->has_dst = true;
    r->dst_offset = r->std_offset + 3600;
    if (c.peek() != ',' && c.s != c.end) {
        if (!parse_rule_time(c, &off)) return false;
        r->dst_offset = -off;
    }
    if (c.peek() != ',') return false;
    ++c.s;
    if (!parse_rule_date(c, &r->start) || c.peek() != ',') return false;
    ++c.s;
    if (!parse_rule_date(c, &r->end) || c.s != c.end) return false;
    return r->valid = true;
}

// The epoch second of a rule date in `year`, the rule's time being local time with `offset`.
int64_t rule_transition(const PosixTzRule::Date& d, int64_t year, int32_t offset) {
    int64_t day; // epoch day
    if (d.kind == 'J') {
        day = iso_date_to_epoch_days(year, 1, 1) + d.a - 1;
        if (is_iso_leap_year(year) && d.a >= 60) ++day;
    } else if (d.kind == 'N') {
        day = iso_date_to_epoch_days(year, 1, 1) + d.a;
    } else {
        int first_dow = iso_day_of_week(IsoDate{static_cast<int32_t>(year), d.a, 1}) % 7; // 0 = Sunday
        int mday = 1 + (d.d - first_dow + 7) % 7 + (d.w - 1) * 7;
        while (mday > iso_days_in_month(year, d.a))
            mday -= 7;
        day = iso_date_to_epoch_days(year, d.a, mday);
    }
    return day * 86400 + d.time - offset;
}

int64_t year_of(int64_t epoch_seconds) {
    int64_t days = epoch_seconds / 86400 - (epoch_seconds % 86400 < 0 ? 1 : 0);
    return epoch_days_to_iso_date(days).year;
}

int64_t rule_offset_at(const PosixTzRule& r, int64_t t) {
    if (!r.has_dst) return r.std_offset;
    int64_t year = year_of(t + r.std_offset);
    int64_t start = rule_transition(r.start, year, r.std_offset);
    int64_t end = rule_transition(r.end, year, r.dst_offset);
    bool dst = start < end ? (t >= start && t < end) : !(t >= end && t < start);
    return dst ? r.dst_offset : r.std_offset;
}

// The rule's transitions around t: the nearest one after (or before) t.
bool rule_transition_near(const PosixTzRule& r, int64_t t, bool next, int64_t* out) {
    if (!r.has_dst || r.std_offset == r.dst_offset) return false;
    int64_t year = year_of(t);
    bool found = false;
    for (int64_t y = year - 1; y <= year + 1; ++y) {
        int64_t c[2] = {rule_transition(r.start, y, r.std_offset), rule_transition(r.end, y, r.dst_offset)};
        for (int64_t v : c) {
            if (next ? v <= t : v >= t) continue;
            if (!found || (next ? v < *out : v > *out)) *out = v;
            found = true;
        }
    }
    return found;
}

bool is_safe_zone_name(const char* name) {
    size_t n = std::strlen(name);
    if (n == 0 || n > 100 || name[0] == '/' || name[0] == '.') return false;
    for (size_t i = 0; i < n; ++i) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                  c == '_' || c == '-' || c == '+' || c == '.';
        if (!ok) return false;
        if (c == '.' && i + 1 < n && name[i + 1] == '.') return false;
    }
    return true;
}

} // namespace

TzFile::~TzFile() {
    if (m_data) m_rt.free(m_data);
}

bool TzFile::load(const char* name) {
    if (!is_safe_zone_name(name)) return false;
    char path[160];
    std::snprintf(path, sizeof path, "%s%s", kZoneInfoDir, name);
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    if (std::fseek(f, 0, SEEK_END) != 0) {
        std::fclose(f);
        return false;
    }
    long size = std::ftell(f);
    if (size < 44 || static_cast<size_t>(size) > kMaxFileSize || m_data || std::fseek(f, 0, SEEK_SET) != 0) {
        std::fclose(f);
        return false;
    }
    m_data = static_cast<uint8_t*>(m_rt.alloc(static_cast<size_t>(size)));
    if (!m_data) {
        std::fclose(f);
        return false;
    }
    m_size = std::fread(m_data, 1, static_cast<size_t>(size), f);
    std::fclose(f);
    if (m_size != static_cast<size_t>(size)) return false;
    return parse();
}

bool TzFile::load_bytes(const uint8_t* bytes, size_t size) {
    if (m_data || size > kMaxFileSize) return false;
    m_data = static_cast<uint8_t*>(m_rt.alloc(size ? size : 1));
    if (!m_data) return false;
    if (size) std::memcpy(m_data, bytes, size);
    m_size = size;
    return parse();
}

bool TzFile::parse() {
    if (m_size < 44) return false;
    // The version 1 header and data block.
    const uint8_t* d = m_data;
    if (std::memcmp(d, "TZif", 4) != 0) return false;
    auto block = [&](size_t at, int time_size, size_t* end) -> bool {
        if (at + 44 > m_size || std::memcmp(d + at, "TZif", 4) != 0) return false;
        uint64_t isut = be32(d + at + 20), isstd = be32(d + at + 24), leap = be32(d + at + 28);
        uint64_t times = be32(d + at + 32), types = be32(d + at + 36), chars = be32(d + at + 40);
        if (times > 100000 || types == 0 || types > 256 || chars > 65536 || leap > 100000 || isut > 256 ||
            isstd > 256)
            return false;
        size_t size = times * time_size + times + types * 6 + chars + leap * (time_size + 4) + isstd + isut;
        if (at + 44 + size > m_size) return false;
        m_times = at + 44;
        m_indexes = m_times + times * time_size;
        m_types = m_indexes + times;
        m_time_count = static_cast<uint32_t>(times);
        m_type_count = static_cast<uint32_t>(types);
        m_time_size = time_size;
        *end = at + 44 + size;
        return true;
    };
    size_t end;
    if (!block(0, 4, &end)) return false;
    if (d[4] >= '2') {
        // Version 2+: the 64-bit block and the footer "\n<rule>\n".
        if (!block(end, 8, &end)) return false;
        if (end < m_size && d[end] == '\n') {
            const char* rule = reinterpret_cast<const char*>(d + end + 1);
            const void* nl = std::memchr(rule, '\n', m_size - end - 1);
            if (nl) {
                size_t len = static_cast<size_t>(static_cast<const char*>(nl) - rule);
                if (len && !parse_posix_rule(rule, len, &m_rule)) m_rule = PosixTzRule{};
            }
        }
    }
    for (uint32_t i = 0; i < m_time_count; ++i)
        if (m_data[m_indexes + i] >= m_type_count) return false;
    return true;
}

int64_t TzFile::transition_time(uint32_t i) const {
    const uint8_t* p = m_data + m_times + static_cast<size_t>(i) * m_time_size;
    return m_time_size == 8 ? be64(p) : static_cast<int32_t>(be32(p));
}

int32_t TzFile::type_offset(uint32_t type) const {
    return static_cast<int32_t>(be32(m_data + m_types + static_cast<size_t>(type) * 6));
}

int32_t TzFile::offset_after_transition(uint32_t i) const {
    return type_offset(m_data[m_indexes + i]);
}

int64_t TzFile::offset_at(int64_t t) const {
    // Before the first transition: time type 0; after the last: the footer rule (if any).
    if (m_time_count == 0) return m_rule.valid ? rule_offset_at(m_rule, t) : type_offset(0);
    if (t < transition_time(0)) return type_offset(0);
    if (t > transition_time(m_time_count - 1) && m_rule.valid) return rule_offset_at(m_rule, t);
    uint32_t lo = 0, hi = m_time_count - 1; // the last transition <= t
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (transition_time(mid) <= t)
            lo = mid;
        else
            hi = mid - 1;
    }
    return offset_after_transition(lo);
}

bool TzFile::next_transition(int64_t after, int64_t* out) const {
    for (uint32_t i = 0; i < m_time_count; ++i) {
        int64_t t = transition_time(i);
        if (t <= after) continue;
        if (offset_at(t) != offset_at(t - 1)) {
            *out = t;
            return true;
        }
    }
    if (!m_rule.valid) return false;
    int64_t from = m_time_count ? std::max(after, transition_time(m_time_count - 1)) : after;
    for (int guard = 0; guard < 4; ++guard) {
        int64_t t;
        if (!rule_transition_near(m_rule, from, true, &t)) return false;
        if (offset_at(t) != offset_at(t - 1)) {
            *out = t;
            return true;
        }
        from = t;
    }
    return false;
}

bool TzFile::previous_transition(int64_t before, int64_t* out) const {
    if (m_rule.valid && m_time_count && before > transition_time(m_time_count - 1)) {
        int64_t from = before;
        for (int guard = 0; guard < 4; ++guard) {
            int64_t t;
            if (!rule_transition_near(m_rule, from, false, &t) || t <= transition_time(m_time_count - 1))
                break;
            if (offset_at(t) != offset_at(t - 1)) {
                *out = t;
                return true;
            }
            from = t;
        }
    }
    for (uint32_t i = m_time_count; i-- > 0;) {
        int64_t t = transition_time(i);
        if (t >= before) continue;
        if (offset_at(t) != offset_at(t - 1)) {
            *out = t;
            return true;
        }
    }
    return false;
}

// Case-insensitive lookup, one path component at a time.
bool find_time_zone_name(const char* requested, char* out, size_t cap) {
    if (!is_safe_zone_name(requested) || std::strlen(requested) >= cap) return false;
    char dir[200];
    std::snprintf(dir, sizeof dir, "%s", kZoneInfoDir);
    size_t out_len = 0;
    const char* p = requested;
    while (*p) {
        const char* slash = std::strchr(p, '/');
        size_t len = slash ? static_cast<size_t>(slash - p) : std::strlen(p);
        DIR* dp = opendir(dir);
        if (!dp) return false;
        bool found = false;
        while (struct dirent* e = readdir(dp)) {
            if (std::strlen(e->d_name) == len && strncasecmp(e->d_name, p, len) == 0) {
                std::memcpy(out + out_len, e->d_name, len);
                found = true;
                break;
            }
        }
        closedir(dp);
        if (!found) return false;
        out_len += len;
        out[out_len] = 0;
        std::snprintf(dir, sizeof dir, "%s%s/", kZoneInfoDir, out);
        if (!slash) break;
        out[out_len++] = '/';
        p = slash + 1;
    }
    out[out_len] = 0;
    // It must be a readable TZif file (not a directory or another data file).
    FILE* f = nullptr;
    char path[220];
    std::snprintf(path, sizeof path, "%s%s", kZoneInfoDir, out);
    f = std::fopen(path, "rb");
    if (!f) return false;
    char magic[4] = {};
    bool ok = std::fread(magic, 1, 4, f) == 4 && std::memcmp(magic, "TZif", 4) == 0;
    std::fclose(f);
    return ok;
}

bool system_time_zone_name(char* out, size_t cap) {
    const char* tz = std::getenv("TZ");
    if (tz && *tz) {
        if (*tz == ':') ++tz;
        return find_time_zone_name(tz, out, cap);
    }
    char link[256];
    ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
    if (n <= 0) return false;
    link[n] = 0;
    const char* name = std::strstr(link, "zoneinfo/");
    if (!name) return false;
    return find_time_zone_name(name + 9, out, cap);
}

} // namespace qjs
