// RegExpMatcher.cpp: the backtracking matcher.
//
// State is (pc, pos, captures, registers). Every change to a capture or register pushes an undo
// entry; choice points push a resume entry. Backtracking pops entries, undoing until a resume
// entry is found. Lookarounds push a marker: when their body succeeds the entries above the marker
// are dropped (lookarounds are atomic) except the undo entries, which must survive so that
// backtracking past the lookaround still restores the captures it set.
#include "regexp/RegExpMatcher.h"

#include "regexp/RegExpCharSet.h"
#include "runtime/String.h"

#include <cstring>

namespace qjs::regexp {

namespace {

// Backtracking steps between interrupt checks. A check also polls the embedder's interrupt handler
// (every Runtime::kInterruptPollInterval checks), so a catastrophic match stops within milliseconds
// under JS_SetInterruptHandler too, not only when the host raised the flag.
constexpr uint32_t kInterruptCheckSteps = 0x100;

enum class Entry : uint32_t {
    Choice,          // a: pc, b: pos
    RestoreCapture,  // a: slot, b: old value
    RestoreRegister, // a: register, b: old value
    Look,            // a: pc of LookStart, b: pos at entry
    Greedy,          // a: pc after the char matcher, b: lowest position, c: current position, d: matcher pc
    Lazy,            // a: pc of LazyChar, b: pos, c: count
};

struct StackEntry {
    Entry kind;
    uint32_t a, b, c;
};

constexpr size_t kMaxStackEntries = size_t(1) << 26; // 1 GiB of entries is far past any sane pattern

bool is_line_terminator(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}
bool is_word_char(uint32_t c) {
    return (c - 'a') < 26 || (c - 'A') < 26 || (c - '0') < 10 || c == '_';
}

bool set_contains(const uint32_t* set, uint32_t c) {
    uint32_t n = set[0];
    const uint32_t* r = set + 1;
    if (n <= 4) {
        for (uint32_t i = 0; i < n; ++i)
            if (c >= r[2 * i] && c < r[2 * i + 1]) return true;
        return false;
    }
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c < r[2 * mid])
            hi = mid;
        else if (c >= r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

template <typename CharT> class Matcher {
  public:
    Matcher(Runtime& rt, const uint32_t* prog, const CharT* s, uint32_t len, int32_t* caps)
        : m_rt(rt), m_prog(prog), m_s(s), m_len(len), m_caps(caps) {
        m_flags = prog[header::Flags];
        m_unicode = (m_flags & (flag::Unicode | flag::UnicodeSets)) != 0;
        m_ncaps = prog[header::CaptureCount] * 2;
        m_nregs = prog[header::RegisterCount];
    }
    ~Matcher() {
        if (m_stack != m_inline) m_rt.free(m_stack);
        if (m_regs && m_regs != m_regs_inline) m_rt.free(m_regs);
    }

    MatchStatus run(uint32_t start, bool force_search);

  private:
    bool push(Entry k, uint32_t a, uint32_t b, uint32_t c = 0) {
        if (m_sp == m_cap) [[unlikely]] {
            if (!grow()) return false;
        }
        m_stack[m_sp++] = StackEntry{k, a, b, c};
        return true;
    }
    bool grow() {
        size_t ncap = m_cap * 2;
        if (ncap > kMaxStackEntries) return false;
        void* p;
        if (m_stack == m_inline) {
            p = m_rt.alloc(ncap * sizeof(StackEntry));
            if (p) memcpy(p, m_inline, sizeof(m_inline));
        } else {
            p = m_rt.realloc(m_stack, ncap * sizeof(StackEntry));
        }
        if (!p) return false;
        m_stack = static_cast<StackEntry*>(p);
        m_cap = ncap;
        return true;
    }
    bool set_capture(uint32_t slot, int32_t v) {
        if (!push(Entry::RestoreCapture, slot, static_cast<uint32_t>(m_caps[slot]))) return false;
        m_caps[slot] = v;
        return true;
    }
    bool set_register(uint32_t r, uint32_t v) {
        if (!push(Entry::RestoreRegister, r, m_regs[r])) return false;
        m_regs[r] = v;
        return true;
    }

    // Reads the character before/after pos (a code point in Unicode mode); false at the edge.
    bool read_forward(uint32_t pos, uint32_t* c, uint32_t* next) const {
        if (pos >= m_len) return false;
        uint32_t ch = m_s[pos];
        if constexpr (sizeof(CharT) == 2) {
            if (m_unicode && ch >= 0xD800 && ch <= 0xDBFF && pos + 1 < m_len) {
                uint32_t t = m_s[pos + 1];
                if (t >= 0xDC00 && t <= 0xDFFF) {
                    *c = 0x10000 + ((ch - 0xD800) << 10) + (t - 0xDC00);
                    *next = pos + 2;
                    return true;
                }
            }
        }
        *c = ch;
        *next = pos + 1;
        return true;
    }
    bool read_backward(uint32_t pos, uint32_t* c, uint32_t* next) const {
        if (pos == 0) return false;
        uint32_t ch = m_s[pos - 1];
        if constexpr (sizeof(CharT) == 2) {
            if (m_unicode && ch >= 0xDC00 && ch <= 0xDFFF && pos >= 2) {
                uint32_t l = m_s[pos - 2];
                if (l >= 0xD800 && l <= 0xDBFF) {
                    *c = 0x10000 + ((l - 0xD800) << 10) + (ch - 0xDC00);
                    *next = pos - 2;
                    return true;
                }
            }
        }
        *c = ch;
        *next = pos - 1;
        return true;
    }

    // Runs the single-character matcher at pc; on success stores the new position.
    bool match_char(uint32_t pc, uint32_t pos, uint32_t* out) const {
        uint32_t w = m_prog[pc];
        bool backward = (w & kBackward) != 0;
        uint32_t c, next;
        // Fast path: 8-bit input or non-Unicode mode reads one code unit.
        if (sizeof(CharT) == 1 || !m_unicode) {
            if (backward) {
                if (pos == 0) return false;
                c = m_s[pos - 1];
                next = pos - 1;
            } else {
                if (pos >= m_len) return false;
                c = m_s[pos];
                next = pos + 1;
            }
        } else if (!(backward ? read_backward(pos, &c, &next) : read_forward(pos, &c, &next))) {
            return false;
        }
        bool ok;
        switch (static_cast<Op>(w & 0xFF)) {
        case Op::Char: ok = c == m_prog[pc + 1]; break;
        case Op::CharI: ok = canonicalize(c, m_unicode) == m_prog[pc + 1]; break;
        case Op::Any: ok = !is_line_terminator(c); break;
        case Op::AnyAll: ok = true; break;
        case Op::Class: ok = set_contains(m_prog + m_prog[pc + 1], c) != (m_prog[pc + 2] != 0); break;
        case Op::ClassI:
            ok = set_contains(m_prog + m_prog[pc + 1], canonicalize(c, m_unicode)) != (m_prog[pc + 2] != 0);
            break;
        case Op::Fail: ok = false; break;
        default: ok = false; break;
        }
        if (!ok) return false;
        *out = next;
        return true;
    }
    static uint32_t char_matcher_size(uint32_t w) {
        switch (static_cast<Op>(w & 0xFF)) {
        case Op::Char:
        case Op::CharI: return 2;
        case Op::Class:
        case Op::ClassI: return 3;
        default: return 1;
        }
    }

    bool word_at(uint32_t pos, bool uicase) const {
        if (pos >= m_len) return false;
        uint32_t c = m_s[pos];
        if (is_word_char(c)) return true;
        return uicase && (c == 0x17F || c == 0x212A);
    }
    bool at_word_boundary(uint32_t pos, bool uicase) const {
        bool a = pos > 0 && word_at(pos - 1, uicase);
        bool b = word_at(pos, uicase);
        return a != b;
    }

    bool backref(uint32_t pc, uint32_t* pos) const;
    MatchStatus match_at(uint32_t start);
    bool finish_look(bool* resume, uint32_t* pc, uint32_t* pos);

    Runtime& m_rt;
    const uint32_t* m_prog;
    const CharT* m_s;
    uint32_t m_len;
    int32_t* m_caps;
    uint32_t m_ncaps;
    uint32_t m_nregs;
    uint32_t* m_regs = nullptr;
    uint32_t m_regs_inline[16];
    uint32_t m_flags;
    bool m_unicode;
    // The backtrack stack starts in an inline buffer; most matches never leave it.
    StackEntry m_inline[64];
    StackEntry* m_stack = m_inline;
    size_t m_sp = 0;
    size_t m_cap = 64;
    uint32_t m_steps = 0;
};

template <typename CharT> bool Matcher<CharT>::backref(uint32_t pc, uint32_t* pos) const {
    bool backward = (m_prog[pc] & kBackward) != 0;
    bool icase = m_prog[pc + 1] != 0;
    uint32_t count = m_prog[pc + 2];
    int32_t s = -1, e = -1;
    // With duplicate named groups, at most one of them has participated.
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t g = m_prog[pc + 3 + i];
        if (m_caps[2 * g] >= 0 && m_caps[2 * g + 1] >= 0) {
            s = m_caps[2 * g];
            e = m_caps[2 * g + 1];
            break;
        }
    }
    if (s < 0) return true; // an unmatched group matches the empty string
    uint32_t n = static_cast<uint32_t>(e - s);
    uint32_t p = *pos;
    uint32_t from;
    if (backward) {
        if (p < n) return false;
        from = p - n;
    } else {
        if (m_len - p < n) return false;
        from = p;
    }
    if (!icase) {
        for (uint32_t i = 0; i < n; ++i)
            if (m_s[from + i] != m_s[static_cast<uint32_t>(s) + i]) return false;
    } else {
        uint32_t i = 0;
        while (i < n) {
            uint32_t a = 0, b = 0, na = 0, nb = 0;
            // Compare code points in Unicode mode, units otherwise.
            if (sizeof(CharT) == 2 && m_unicode) {
                read_forward(from + i, &a, &na);
                read_forward(static_cast<uint32_t>(s) + i, &b, &nb);
                if (na - (from + i) != nb - (static_cast<uint32_t>(s) + i)) return false;
                i += na - (from + i);
            } else {
                a = m_s[from + i];
                b = m_s[static_cast<uint32_t>(s) + i];
                ++i;
            }
            if (a != b && canonicalize(a, m_unicode) != canonicalize(b, m_unicode)) return false;
        }
    }
    *pos = backward ? from : p + n;
    return true;
}

// The lookaround body at the top of the stack matched.
template <typename CharT> bool Matcher<CharT>::finish_look(bool* resume, uint32_t* pc, uint32_t* pos) {
    size_t m = m_sp;
    while (m-- > 0)
        if (m_stack[m].kind == Entry::Look) break;
    uint32_t look_pc = m_stack[m].a;
    uint32_t saved = m_stack[m].b;
    uint32_t kind = m_prog[look_pc + 1];
    if (kind & 1) {
        // Negative: the body matching means failure; undo everything down to the marker.
        while (m_sp > m) {
            StackEntry& e = m_stack[--m_sp];
            if (e.kind == Entry::RestoreCapture)
                m_caps[e.a] = static_cast<int32_t>(e.b);
            else if (e.kind == Entry::RestoreRegister)
                m_regs[e.a] = e.b;
        }
        *resume = false;
        return true;
    }
    // Positive: keep the undo entries, drop the choice points and the marker.
    size_t out = m;
    for (size_t i = m + 1; i < m_sp; ++i) {
        Entry k = m_stack[i].kind;
        if (k == Entry::RestoreCapture || k == Entry::RestoreRegister) m_stack[out++] = m_stack[i];
    }
    m_sp = out;
    *pc = m_prog[look_pc + 2];
    *pos = saved;
    *resume = true;
    return true;
}

template <typename CharT> MatchStatus Matcher<CharT>::match_at(uint32_t start) {
    const uint32_t* prog = m_prog;
    uint32_t pc = prog[header::Code];
    uint32_t pos = start;
    for (uint32_t i = 0; i < m_ncaps; ++i)
        m_caps[i] = -1;
    m_sp = 0;

    for (;;) {
        uint32_t w = prog[pc];
        switch (static_cast<Op>(w & 0xFF)) {
        case Op::Match:
            m_caps[0] = static_cast<int32_t>(start);
            m_caps[1] = static_cast<int32_t>(pos);
            return MatchStatus::Match;
        case Op::Char:
            // Fast path: one code unit, forward, below the surrogate range.
            if (!(w & kBackward) && pos < m_len && m_s[pos] == prog[pc + 1] && prog[pc + 1] < 0xD800) {
                ++pos;
                pc += 2;
                continue;
            }
            [[fallthrough]];
        case Op::CharI:
        case Op::Any:
        case Op::AnyAll:
        case Op::Class:
        case Op::ClassI:
        case Op::Fail: {
            uint32_t np;
            if (!match_char(pc, pos, &np)) goto backtrack;
            pos = np;
            pc += char_matcher_size(w);
            continue;
        }
        case Op::Jmp: pc = prog[pc + 1]; continue;
        case Op::Split:
            if (!push(Entry::Choice, prog[pc + 1], pos)) return MatchStatus::OutOfMemory;
            pc += 2;
            continue;
        case Op::SplitPrefer:
            if (!push(Entry::Choice, pc + 2, pos)) return MatchStatus::OutOfMemory;
            pc = prog[pc + 1];
            continue;
        case Op::Save:
            if (!set_capture(prog[pc + 1], static_cast<int32_t>(pos))) return MatchStatus::OutOfMemory;
            pc += 2;
            continue;
        case Op::ResetCaptures:
            for (uint32_t s = prog[pc + 1]; s < prog[pc + 2]; ++s) {
                if (m_caps[s] != -1 && !set_capture(s, -1)) return MatchStatus::OutOfMemory;
            }
            pc += 3;
            continue;
        case Op::LineStart:
            if (pos != 0) goto backtrack;
            pc += 1;
            continue;
        case Op::LineStartM:
            if (pos != 0 && !is_line_terminator(m_s[pos - 1])) goto backtrack;
            pc += 1;
            continue;
        case Op::LineEnd:
            if (pos != m_len) goto backtrack;
            pc += 1;
            continue;
        case Op::LineEndM:
            if (pos != m_len && !is_line_terminator(m_s[pos])) goto backtrack;
            pc += 1;
            continue;
        case Op::WordBoundary:
            if (!at_word_boundary(pos, prog[pc + 1] != 0)) goto backtrack;
            pc += 2;
            continue;
        case Op::NotWordBoundary:
            if (at_word_boundary(pos, prog[pc + 1] != 0)) goto backtrack;
            pc += 2;
            continue;
        case Op::BackRef:
            if (!backref(pc, &pos)) goto backtrack;
            pc += 3 + prog[pc + 2];
            continue;
        case Op::LookStart:
            if (!push(Entry::Look, pc, pos)) return MatchStatus::OutOfMemory;
            pc += 3;
            continue;
        case Op::LookEnd: {
            bool resume;
            finish_look(&resume, &pc, &pos);
            if (!resume) goto backtrack;
            continue;
        }
        case Op::LoopInit:
            if (!set_register(prog[pc + 1], 0)) return MatchStatus::OutOfMemory;
            pc += 2;
            continue;
        case Op::LoopGreedy:
        case Op::LoopLazy: {
            uint32_t count = m_regs[prog[pc + 1]];
            uint32_t min = prog[pc + 2], max = prog[pc + 3], exit = prog[pc + 4];
            if (count < min) {
                pc += 5;
                continue;
            }
            if (count >= max) {
                pc = exit;
                continue;
            }
            if (static_cast<Op>(w & 0xFF) == Op::LoopGreedy) {
                if (!push(Entry::Choice, exit, pos)) return MatchStatus::OutOfMemory;
                pc += 5;
            } else {
                if (!push(Entry::Choice, pc + 5, pos)) return MatchStatus::OutOfMemory;
                pc = exit;
            }
            continue;
        }
        case Op::LoopBody:
            if (!set_register(prog[pc + 1] + 1, pos)) return MatchStatus::OutOfMemory;
            pc += 2;
            continue;
        case Op::LoopEnd: {
            uint32_t r = prog[pc + 1];
            // RepeatMatcher step 2.b: an optional iteration that matched the empty string fails.
            if (pos == m_regs[r + 1] && m_regs[r] >= prog[pc + 2]) goto backtrack;
            if (!set_register(r, m_regs[r] + 1)) return MatchStatus::OutOfMemory;
            pc = prog[pc + 3];
            continue;
        }
        case Op::GreedyChar: {
            uint32_t min = prog[pc + 1], max = prog[pc + 2];
            uint32_t mpc = pc + 3;
            uint32_t mw = prog[mpc];
            uint32_t after = mpc + char_matcher_size(mw);
            uint32_t count = 0, np;
            // Fast path: forward class/any loops over code units.
            if (!(mw & kBackward) && (sizeof(CharT) == 1 || !m_unicode)) {
                Op mop = static_cast<Op>(mw & 0xFF);
                uint32_t p = pos, limit = max - count < m_len - pos ? pos + max : m_len;
                if (mop == Op::Class && !prog[mpc + 2]) {
                    const uint32_t* set = prog + prog[mpc + 1];
                    while (p < limit && set_contains(set, m_s[p]))
                        ++p;
                } else if (mop == Op::AnyAll) {
                    p = limit;
                } else if (mop == Op::Any) {
                    while (p < limit && !is_line_terminator(m_s[p]))
                        ++p;
                } else if (mop == Op::Char) {
                    uint32_t c = prog[mpc + 1];
                    while (p < limit && m_s[p] == c)
                        ++p;
                } else {
                    while (p < limit && match_char(mpc, p, &np))
                        p = np;
                }
                count = p - pos;
                if (count < min) goto backtrack;
                uint32_t low = pos + min;
                if (p > low && !push(Entry::Greedy, after, low, p)) return MatchStatus::OutOfMemory;
                pos = p;
                pc = after;
                continue;
            }
            uint32_t p = pos;
            while (count < min) {
                if (!match_char(mpc, p, &np)) goto backtrack;
                p = np;
                ++count;
            }
            uint32_t low = p;
            while (count < max && match_char(mpc, p, &np)) {
                p = np;
                ++count;
            }
            if (p != low) {
                if (!push(Entry::Greedy, after, low, p)) return MatchStatus::OutOfMemory;
                m_stack[m_sp - 1].kind = Entry::Greedy;
                // The direction is needed to give characters back; stash the matcher pc's high bit.
                if (mw & kBackward) m_stack[m_sp - 1].a |= 0x80000000u;
            }
            pos = p;
            pc = after;
            continue;
        }
        case Op::LazyChar: {
            uint32_t min = prog[pc + 1];
            uint32_t mpc = pc + 3;
            uint32_t after = mpc + char_matcher_size(prog[mpc]);
            uint32_t np;
            for (uint32_t i = 0; i < min; ++i) {
                if (!match_char(mpc, pos, &np)) goto backtrack;
                pos = np;
            }
            if (min < prog[pc + 2] && !push(Entry::Lazy, pc, pos, min)) return MatchStatus::OutOfMemory;
            pc = after;
            continue;
        }
        default: VERIFY(false);
        }

    backtrack:
        for (;;) {
            if (m_sp == 0) return MatchStatus::NoMatch;
            if (++m_steps >= kInterruptCheckSteps) [[unlikely]] {
                m_steps = 0;
                if (m_rt.interrupt_pending()) return MatchStatus::Interrupted;
            }
            StackEntry& e = m_stack[m_sp - 1];
            switch (e.kind) {
            case Entry::Choice:
                pc = e.a;
                pos = e.b;
                --m_sp;
                goto resumed;
            case Entry::RestoreCapture:
                m_caps[e.a] = static_cast<int32_t>(e.b);
                --m_sp;
                continue;
            case Entry::RestoreRegister:
                m_regs[e.a] = e.b;
                --m_sp;
                continue;
            case Entry::Look: {
                uint32_t look_pc = e.a;
                uint32_t saved = e.b;
                --m_sp;
                if (prog[look_pc + 1] & 1) { // negative: the body failed, so the assertion holds
                    pc = prog[look_pc + 2];
                    pos = saved;
                    goto resumed;
                }
                continue;
            }
            case Entry::Greedy: {
                // Give back one character and resume after the loop.
                bool backward = (e.a & 0x80000000u) != 0;
                uint32_t after = e.a & 0x7FFFFFFFu;
                uint32_t cur = e.c, c = 0, np = 0;
                if (!backward) {
                    if (sizeof(CharT) == 2 && m_unicode) {
                        read_backward(cur, &c, &np);
                        if (np < e.b) np = cur - 1;
                    } else {
                        np = cur - 1;
                    }
                } else {
                    if (sizeof(CharT) == 2 && m_unicode) {
                        read_forward(cur, &c, &np);
                        if (np > e.b) np = cur + 1;
                    } else {
                        np = cur + 1;
                    }
                }
                if (np == e.b)
                    --m_sp;
                else
                    e.c = np;
                pc = after;
                pos = np;
                goto resumed;
            }
            case Entry::Lazy: {
                uint32_t lpc = e.a;
                uint32_t mpc = lpc + 3;
                uint32_t np;
                if (!match_char(mpc, e.b, &np)) {
                    --m_sp;
                    continue;
                }
                uint32_t count = e.c + 1;
                if (count >= prog[lpc + 2])
                    --m_sp;
                else {
                    e.b = np;
                    e.c = count;
                }
                pc = mpc + char_matcher_size(prog[mpc]);
                pos = np;
                goto resumed;
            }
            }
        }
    resumed:;
    }
}

template <typename CharT> MatchStatus Matcher<CharT>::run(uint32_t start, bool force_search) {
    if (m_nregs) {
        m_regs =
            m_nregs <= 16 ? m_regs_inline : static_cast<uint32_t*>(m_rt.alloc(m_nregs * sizeof(uint32_t)));
        if (!m_regs) return MatchStatus::OutOfMemory;
        memset(m_regs, 0, m_nregs * sizeof(uint32_t));
    }
    bool sticky = (m_flags & flag::Sticky) != 0 && !force_search;
    if (sticky) return start <= m_len ? match_at(start) : MatchStatus::NoMatch;
    bool anchored = (m_prog[header::Hints] & kHintAnchored) != 0;
    const uint32_t* prefix = m_prog[header::Prefix] ? m_prog + m_prog[header::Prefix] : nullptr;
    uint32_t prefix_len = prefix ? prefix[0] : 0;
    const uint32_t* first = m_prog[header::FirstChars] ? m_prog + m_prog[header::FirstChars] : nullptr;
    bool first_high = first && first[8] != 0;
    for (uint32_t pos = start; pos <= m_len;) {
        if (prefix) {
            // Literal prefix scan: skip to the next place the prefix occurs.
            uint32_t first = prefix[1];
            if (m_len - pos < prefix_len) return MatchStatus::NoMatch;
            uint32_t last = m_len - prefix_len;
            if constexpr (sizeof(CharT) == 1) {
                if (first > 0xFF) return MatchStatus::NoMatch;
                const void* hit = memchr(m_s + pos, static_cast<int>(first), last - pos + 1);
                if (!hit) return MatchStatus::NoMatch;
                pos = static_cast<uint32_t>(static_cast<const CharT*>(hit) - m_s);
            } else {
                while (pos <= last && m_s[pos] != first)
                    ++pos;
                if (pos > last) return MatchStatus::NoMatch;
            }
            bool ok = true;
            for (uint32_t i = 1; i < prefix_len; ++i)
                if (m_s[pos + i] != prefix[1 + i]) {
                    ok = false;
                    break;
                }
            if (!ok) {
                ++pos;
                continue;
            }
        }
        if (first) {
            // First-character filter: skip positions no match can start at.
            while (pos < m_len) {
                uint32_t c = m_s[pos];
                if (c < 256 ? (first[c >> 5] >> (c & 31)) & 1 : first_high) break;
                ++pos;
            }
            if (pos >= m_len) return MatchStatus::NoMatch; // every match consumes a character
        }
        MatchStatus st = match_at(pos);
        if (st != MatchStatus::NoMatch) return st;
        if (anchored) return MatchStatus::NoMatch;
        if (++m_steps >= kInterruptCheckSteps) {
            m_steps = 0;
            if (m_rt.interrupt_pending()) return MatchStatus::Interrupted;
        }
        // AdvanceStringIndex: by code point in Unicode mode.
        if (sizeof(CharT) == 2 && m_unicode && pos + 1 < m_len && m_s[pos] >= 0xD800 && m_s[pos] <= 0xDBFF &&
            m_s[pos + 1] >= 0xDC00 && m_s[pos + 1] <= 0xDFFF)
            pos += 2;
        else
            ++pos;
    }
    return MatchStatus::NoMatch;
}

} // namespace

MatchStatus exec_latin1(Runtime& rt, const uint32_t* program, const uint8_t* chars, uint32_t length,
                        uint32_t start, int32_t* captures, ExecMode mode) {
    Matcher<uint8_t> m(rt, program, chars, length, captures);
    return m.run(start, mode == ExecMode::Search);
}

MatchStatus exec_utf16(Runtime& rt, const uint32_t* program, const char16_t* chars, uint32_t length,
                       uint32_t start, int32_t* captures, ExecMode mode) {
    Matcher<char16_t> m(rt, program, chars, length, captures);
    return m.run(start, mode == ExecMode::Search);
}

MatchStatus exec(Runtime& rt, const uint32_t* program, const String* input, uint32_t start, int32_t* captures,
                 ExecMode mode) {
    if (input->is_wide())
        return exec_utf16(rt, program, input->utf16(), input->length(), start, captures, mode);
    return exec_latin1(rt, program, input->latin1(), input->length(), start, captures, mode);
}

} // namespace qjs::regexp
