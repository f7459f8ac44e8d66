// RegExpCharSet.cpp: code point range sets and case canonicalization for the regexp engine.
#include "regexp/RegExpCharSet.h"

#include "base/Unicode.h"

#include <algorithm>

namespace qjs::regexp {

void CharSet::add_range(uint32_t lo, uint32_t hi_inclusive) {
    uint32_t hi = hi_inclusive + 1;
    // Fast path: appending after the last range (the usual order of class parsing).
    size_t n = m_r.size();
    if (n == 0 || lo > m_r[n - 1]) {
        m_r.push_back(lo);
        m_r.push_back(hi);
        return;
    }
    if (lo == m_r[n - 1] || (lo >= m_r[n - 2] && lo <= m_r[n - 1])) {
        if (hi > m_r[n - 1]) m_r[n - 1] = hi;
        if (lo >= m_r[n - 2]) return;
    }
    // General case: merge into a new vector.
    Vector<uint32_t> out;
    out.reserve(n + 2);
    size_t i = 0;
    while (i < n && m_r[i + 1] < lo) {
        out.push_back(m_r[i]);
        out.push_back(m_r[i + 1]);
        i += 2;
    }
    uint32_t nlo = lo, nhi = hi;
    while (i < n && m_r[i] <= nhi) {
        nlo = std::min(nlo, m_r[i]);
        nhi = std::max(nhi, m_r[i + 1]);
        i += 2;
    }
    out.push_back(nlo);
    out.push_back(nhi);
    for (; i < n; ++i)
        out.push_back(m_r[i]);
    m_r = std::move(out);
}

void CharSet::add_set(const CharSet& other) {
    for (size_t i = 0; i < other.m_r.size(); i += 2)
        add_range(other.m_r[i], other.m_r[i + 1] - 1);
}

void CharSet::invert(uint32_t limit) {
    Vector<uint32_t> out;
    uint32_t start = 0;
    for (size_t i = 0; i < m_r.size(); i += 2) {
        if (m_r[i] > limit) break;
        if (m_r[i] > start) {
            out.push_back(start);
            out.push_back(m_r[i]);
        }
        start = m_r[i + 1];
    }
    if (start <= limit) {
        out.push_back(start);
        out.push_back(limit + 1);
    }
    m_r = std::move(out);
}

void CharSet::intersect(const CharSet& other) {
    Vector<uint32_t> out;
    size_t i = 0, j = 0;
    while (i < m_r.size() && j < other.m_r.size()) {
        uint32_t lo = std::max(m_r[i], other.m_r[j]);
        uint32_t hi = std::min(m_r[i + 1], other.m_r[j + 1]);
        if (lo < hi) {
            out.push_back(lo);
            out.push_back(hi);
        }
        if (m_r[i + 1] < other.m_r[j + 1])
            i += 2;
        else
            j += 2;
    }
    m_r = std::move(out);
}

void CharSet::subtract(const CharSet& other) {
    CharSet inv = other;
    inv.invert(kMaxCodePoint);
    intersect(inv);
}

bool CharSet::contains(uint32_t c) const {
    // Binary search over range starts.
    size_t lo = 0, hi = m_r.size() / 2;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < m_r[2 * mid])
            hi = mid;
        else if (c >= m_r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

void CharSet::close_over_case(bool unicode) {
    size_t count = 0;
    const uint32_t* list = case_changing_chars(unicode, &count);
    CharSet extra;
    for (size_t i = 0; i < count; ++i)
        if (contains(list[i])) extra.add(canonicalize(list[i], unicode));
    add_set(extra);
}

// ---- Canonicalize ----
// Tables for the BMP are filled on first use (process-wide, immutable afterwards).

namespace {

uint16_t g_upper_bmp[0x10000];
uint16_t g_fold_bmp[0x10000];
bool g_tables_ready = false;
uint32_t g_changed_upper[4096];
size_t g_changed_upper_count = 0;
uint32_t g_changed_fold[4096];
size_t g_changed_fold_count = 0;

uint32_t canon_upper_slow(uint32_t ch) {
    // 22.2.2.7.3 Canonicalize, non-Unicode: toUppercase, unless it is not one code unit or maps
    // a non-ASCII character to ASCII.
    uint32_t out[3];
    int n = unicode::to_upper_full(ch, out);
    if (n != 1 || out[0] > 0xFFFF) return ch;
    if (ch >= 128 && out[0] < 128) return ch;
    return out[0];
}

void init_tables() {
    for (uint32_t c = 0; c < 0x10000; ++c) {
        uint32_t u = canon_upper_slow(c);
        uint32_t f = unicode::fold_case_simple(c);
        g_upper_bmp[c] = static_cast<uint16_t>(u);
        g_fold_bmp[c] = static_cast<uint16_t>(f > 0xFFFF ? c : f);
        if (u != c && g_changed_upper_count < 4096) g_changed_upper[g_changed_upper_count++] = c;
        if (f != c && g_changed_fold_count < 4096) g_changed_fold[g_changed_fold_count++] = c;
    }
    for (uint32_t c = 0x10000; c < 0x20000; ++c) {
        uint32_t f = unicode::fold_case_simple(c);
        if (f != c && g_changed_fold_count < 4096) g_changed_fold[g_changed_fold_count++] = c;
    }
    g_tables_ready = true;
}

} // namespace

uint32_t canonicalize_slow(uint32_t ch, bool unicode) {
    if (!g_tables_ready) init_tables();
    if (ch < 0x10000) return unicode ? g_fold_bmp[ch] : g_upper_bmp[ch];
    return unicode ? unicode::fold_case_simple(ch) : ch;
}

const uint32_t* case_changing_chars(bool unicode, size_t* count) {
    if (!g_tables_ready) init_tables();
    *count = unicode ? g_changed_fold_count : g_changed_upper_count;
    return unicode ? g_changed_fold : g_changed_upper;
}

} // namespace qjs::regexp
