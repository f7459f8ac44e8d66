// RegExpCompiler.cpp: the pattern parser (22.2.1 with the Annex B.1.2 grammar in non-Unicode mode)
// building a small AST, and the code generator producing the program RegExpMatcher runs.
#include "regexp/RegExpCompiler.h"

#include "base/Unicode.h"
#include "regexp/RegExpCharSet.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace qjs::regexp {

bool parse_flags(const char16_t* flags, size_t len, uint32_t* out) {
    uint32_t f = 0;
    for (size_t i = 0; i < len; ++i) {
        uint32_t bit;
        switch (flags[i]) {
        case 'd': bit = flag::HasIndices; break;
        case 'g': bit = flag::Global; break;
        case 'i': bit = flag::IgnoreCase; break;
        case 'm': bit = flag::Multiline; break;
        case 's': bit = flag::DotAll; break;
        case 'u': bit = flag::Unicode; break;
        case 'v': bit = flag::UnicodeSets; break;
        case 'y': bit = flag::Sticky; break;
        default: return false;
        }
        if (f & bit) return false;
        f |= bit;
    }
    if ((f & flag::Unicode) && (f & flag::UnicodeSets)) return false;
    *out = f;
    return true;
}

namespace {

using U32String = std::basic_string<char32_t, std::char_traits<char32_t>, RuntimeAllocator<char32_t>>;
using U16String = std::basic_string<char16_t, std::char_traits<char16_t>, RuntimeAllocator<char16_t>>;

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr uint32_t kEnd = 0xFFFFFFFFu; // peek() at the end of the pattern

enum class NodeKind : uint8_t { Empty, Char, Any, Class, Seq, Alt, Group, Quant, Assert, Look, BackRef };
enum class AssertKind : uint8_t { LineStart, LineEnd, WordBoundary, NotWordBoundary };

struct Node {
    NodeKind kind = NodeKind::Empty;
    bool icase = false, multiline = false, dotall = false;
    bool greedy = true, invert = false, negative = false, behind = false;
    uint32_t value = 0; // Char: code point; Class: set index; Group: group number; Assert: kind
    uint32_t min = 0, max = 0;
    uint32_t cap_first = 0, cap_last = 0; // Quant: groups [first, last) inside
    Vector<uint32_t> kids;
    Vector<uint32_t> refs; // BackRef: group numbers
    U16String ref_name;    // BackRef by name, resolved after parsing
};

struct Mods {
    bool icase, multiline, dotall;
};

// A class under construction in v mode: single characters plus strings (\q{...}).
struct ClassContents {
    CharSet chars;
    Vector<U32String> strings; // each of length != 1
    bool has_strings() const { return !strings.empty(); }
};

struct GroupName {
    uint32_t group;
    U16String name;
};

bool is_syntax_char(uint32_t c) {
    switch (c) {
    case '^':
    case '$':
    case '\\':
    case '.':
    case '*':
    case '+':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|': return true;
    default: return false;
    }
}

bool is_digit(uint32_t c) {
    return c >= '0' && c <= '9';
}

int hex_value(uint32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}

bool is_surrogate_lead(uint32_t c) {
    return c >= 0xD800 && c <= 0xDBFF;
}
bool is_surrogate_trail(uint32_t c) {
    return c >= 0xDC00 && c <= 0xDFFF;
}

void add_digit_set(CharSet& s) {
    s.add_range('0', '9');
}
void add_space_set(CharSet& s) {
    static const uint32_t kSpaces[][2] = {
        {9, 13},          {32, 32},         {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
        {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
    for (auto& r : kSpaces)
        s.add_range(r[0], r[1]);
}
void add_word_set(CharSet& s, bool unicode_icase) {
    s.add_range('0', '9');
    s.add_range('A', 'Z');
    s.add('_');
    s.add_range('a', 'z');
    // 22.2.2.9.4 WordCharacters: characters whose canonical form is a basic word character.
    if (unicode_icase) {
        s.add(0x17F);  // LATIN SMALL LETTER LONG S folds to 's'
        s.add(0x212A); // KELVIN SIGN folds to 'k'
    }
}

class Parser {
  public:
    Parser(const char16_t* src, size_t len, uint32_t flags, CompileError& err)
        : m_src(src), m_len(len), m_flags(flags), m_err(err) {
        m_unicode = (flags & (flag::Unicode | flag::UnicodeSets)) != 0;
        m_vmode = (flags & flag::UnicodeSets) != 0;
    }

    bool parse();
    bool emit(Program& out);

  private:
    // ---- input ----
    uint32_t peek() const { return peek_at(m_pos, nullptr); }
    uint32_t peek_at(size_t at, size_t* units) const {
        if (at >= m_len) return kEnd;
        uint32_t c = m_src[at];
        if (m_unicode && is_surrogate_lead(c) && at + 1 < m_len && is_surrogate_trail(m_src[at + 1])) {
            if (units) *units = 2;
            return 0x10000 + ((c - 0xD800) << 10) + (m_src[at + 1] - 0xDC00);
        }
        if (units) *units = 1;
        return c;
    }
    uint32_t next() {
        size_t units = 1;
        uint32_t c = peek_at(m_pos, &units);
        if (c != kEnd) m_pos += units;
        return c;
    }
    bool eat(uint32_t c) {
        if (m_pos < m_len && m_src[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool at_end() const { return m_pos >= m_len; }
    uint32_t unit_at(size_t i) const { return i < m_len ? m_src[i] : kEnd; }

    bool fail(const char* msg) {
        if (!m_failed) {
            m_failed = true;
            snprintf(m_err.message, sizeof(m_err.message), "%s", msg);
        }
        return false;
    }
    uint32_t fail_node(const char* msg) {
        fail(msg);
        return kNone;
    }
    // Nesting (groups, lookarounds, v-mode classes) recurses on the native stack: deep patterns
    // fail with a SyntaxError at the runtime's stack limit instead of overflowing it.
    bool stack_exhausted() {
        Runtime* rt = Runtime::current();
        if (rt && rt->stack_overflowed()) [[unlikely]] {
            fail("stack overflow");
            return true;
        }
        return false;
    }

    uint32_t new_node(NodeKind k, const Mods& m) {
        // The node vector grows with the pattern, which is the script's choice: growth the runtime
        // cannot afford fails the parse (node 0, reserved up front, absorbs the caller's writes).
        if (m_nodes.size() == m_nodes.capacity() &&
            !Runtime::current()->can_allocate((m_nodes.capacity() * 2 + 8) * sizeof(Node))) {
            m_err.out_of_memory = true;
            fail("out of memory");
            return 0;
        }
        Node n;
        n.kind = k;
        n.icase = m.icase;
        n.multiline = m.multiline;
        n.dotall = m.dotall;
        m_nodes.push_back(std::move(n));
        return static_cast<uint32_t>(m_nodes.size() - 1);
    }
    uint32_t char_node(uint32_t c, const Mods& m) {
        uint32_t n = new_node(NodeKind::Char, m);
        m_nodes[n].value = c;
        return n;
    }
    uint32_t class_node(CharSet set, bool invert, const Mods& m) {
        m_sets.push_back(std::move(set));
        uint32_t n = new_node(NodeKind::Class, m);
        m_nodes[n].value = static_cast<uint32_t>(m_sets.size() - 1);
        m_nodes[n].invert = invert;
        return n;
    }

    void prescan();
    uint32_t parse_disjunction(Mods mods);
    uint32_t parse_alternative(Mods mods);
    bool parse_term(Mods mods, uint32_t seq);
    uint32_t parse_group(Mods mods);
    bool parse_quantifier(uint32_t* min, uint32_t* max, bool* greedy, bool* present);
    bool try_parse_braced_quantifier(size_t at, uint32_t* min, uint32_t* max, size_t* end) const;
    uint32_t parse_atom_escape(Mods mods);
    // CharacterEscape: returns the code point or kNone (error already reported).
    // `in_class` selects the class-escape variants.
    uint32_t parse_character_escape(bool in_class);
    bool parse_unicode_escape(uint32_t* out, bool for_group_name);
    bool parse_class_escape_set(uint32_t c, CharSet& out, bool* handled);
    bool parse_property_escape(bool negate, CharSet& out);
    uint32_t parse_class(Mods mods);
    bool parse_class_atom(bool* is_set, uint32_t* cp, CharSet& set);
    // v mode
    bool parse_class_set_expression(ClassContents& out);
    bool parse_class_set_operand(ClassContents& out, bool* single_char, uint32_t* cp);
    bool parse_class_string_disjunction(ClassContents& out);
    bool parse_class_set_character(uint32_t* cp);
    uint32_t contents_to_node(ClassContents& cc, bool invert, const Mods& mods);
    bool try_string_property(ClassContents& out, bool* handled);
    bool parse_group_name(U16String& name);

    // ---- emission ----
    bool can_be_empty(uint32_t n);
    // The code units a match can start with: bits for 0-255 plus `high` for the rest. Returns
    // false when the node can match the empty string (the caller continues with what follows).
    struct FirstChars {
        uint32_t bits[8] = {};
        bool high = false;
        bool all = false;
        void add(uint32_t c) {
            if (c < 256)
                bits[c >> 5] |= 1u << (c & 31);
            else
                high = true;
        }
    };
    bool first_chars(uint32_t n, FirstChars& out);
    bool is_single_char(uint32_t n) const;
    void emit_node(uint32_t n, bool backward);
    void emit_char_matcher(uint32_t n, bool backward);
    uint32_t pos() const { return static_cast<uint32_t>(m_code.size()); }
    void op(Op o, bool backward = false) {
        m_code.push_back(static_cast<uint32_t>(o) | (backward ? kBackward : 0));
    }
    void word(uint32_t w) { m_code.push_back(w); }
    uint32_t set_offset(const CharSet& s, bool icase);

    const char16_t* m_src;
    size_t m_len;
    size_t m_pos = 0;
    uint32_t m_flags;
    CompileError& m_err;
    bool m_failed = false;
    bool m_unicode = false;
    bool m_vmode = false;
    bool m_named_groups = false; // [+NamedCaptureGroups]
    bool m_icase = false;        // ignoreCase in effect for the term being parsed (modifiers)
    uint32_t m_total_groups = 0; // from the prescan
    uint32_t m_group_count = 0;  // groups opened so far
    Vector<Node> m_nodes;
    Vector<CharSet> m_sets;
    Vector<GroupName> m_names;
    // Names visible for the duplicate check (ES2025: duplicates only in different alternatives).
    Vector<U16String> m_visible_names;
    uint32_t m_root = kNone;

    Vector<uint32_t> m_code;
    Vector<uint32_t> m_set_data; // emitted sets: count, then lo/hi pairs
    uint32_t m_registers = 0;
};

// Counts capturing groups and finds named groups ahead of parsing: decimal escapes need the group
// count and \k needs to know whether the pattern has any group name.
void Parser::prescan() {
    bool in_class = false;
    int class_depth = 0;
    for (size_t i = 0; i < m_len; ++i) {
        char16_t c = m_src[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (in_class) {
            if (c == ']') {
                if (--class_depth == 0) in_class = false;
            } else if (c == '[' && m_vmode) {
                ++class_depth;
            }
            continue;
        }
        if (c == '[') {
            in_class = true;
            class_depth = 1;
        } else if (c == '(') {
            if (unit_at(i + 1) != '?') {
                ++m_total_groups;
            } else if (unit_at(i + 2) == '<' && unit_at(i + 3) != '=' && unit_at(i + 3) != '!') {
                ++m_total_groups;
                m_named_groups = true;
            }
        }
    }
    if (m_unicode) m_named_groups = true;
}

bool Parser::parse() {
    // About one node per pattern character, up to a first block; new_node checks further growth (a
    // long pattern may be one atom, e.g. \u{000...0041}).
    size_t first_block = std::min<size_t>(m_len + 8, 4096);
    if (!Runtime::current()->can_allocate(first_block * sizeof(Node))) {
        m_err.out_of_memory = true;
        return fail("out of memory");
    }
    m_nodes.reserve(first_block);
    m_nodes.push_back(Node{}); // node 0: see new_node
    prescan();
    Mods mods{(m_flags & flag::IgnoreCase) != 0, (m_flags & flag::Multiline) != 0,
              (m_flags & flag::DotAll) != 0};
    m_root = parse_disjunction(mods);
    if (m_failed) return false;
    if (!at_end()) {
        if (peek() == ')') return fail("unmatched ')'");
        return fail("unexpected character");
    }
    // Resolve named back references (they may refer forward).
    for (auto& n : m_nodes) {
        if (n.kind != NodeKind::BackRef || n.ref_name.empty()) continue;
        for (auto& g : m_names)
            if (g.name == n.ref_name) n.refs.push_back(g.group);
        if (n.refs.empty()) return fail("undefined group name in back reference");
    }
    return true;
}

uint32_t Parser::parse_disjunction(Mods mods) {
    if (stack_exhausted()) return kNone;
    size_t visible_base = m_visible_names.size();
    Vector<U16String> collected;
    uint32_t first = parse_alternative(mods);
    if (first == kNone) return kNone;
    if (peek() != '|') return first;
    uint32_t alt = new_node(NodeKind::Alt, mods);
    m_nodes[alt].kids.push_back(first);
    while (eat('|')) {
        // Names of the finished alternative may be reused by the next one.
        for (size_t i = visible_base; i < m_visible_names.size(); ++i)
            collected.push_back(m_visible_names[i]);
        m_visible_names.resize(visible_base);
        uint32_t n = parse_alternative(mods);
        if (n == kNone) return kNone;
        m_nodes[alt].kids.push_back(n);
    }
    for (auto& name : collected)
        m_visible_names.push_back(name);
    return alt;
}

uint32_t Parser::parse_alternative(Mods mods) {
    uint32_t seq = new_node(NodeKind::Seq, mods);
    while (!at_end() && peek() != '|' && peek() != ')') {
        if (!parse_term(mods, seq)) return kNone;
    }
    return seq;
}

// Matches {n}, {n,} or {n,m} at `at`; the values saturate at kInfinity - 1.
bool Parser::try_parse_braced_quantifier(size_t at, uint32_t* min, uint32_t* max, size_t* end) const {
    if (unit_at(at) != '{') return false;
    size_t i = at + 1;
    auto read_int = [&](uint32_t* out) {
        if (!is_digit(unit_at(i))) return false;
        uint64_t v = 0;
        while (is_digit(unit_at(i))) {
            v = v * 10 + (unit_at(i) - '0');
            if (v > 0xFFFFFFFEull) v = 0xFFFFFFFEull;
            ++i;
        }
        *out = static_cast<uint32_t>(v);
        return true;
    };
    if (!read_int(min)) return false;
    *max = *min;
    if (unit_at(i) == ',') {
        ++i;
        if (unit_at(i) == '}')
            *max = kInfinity;
        else if (!read_int(max))
            return false;
    }
    if (unit_at(i) != '}') return false;
    *end = i + 1;
    return true;
}

bool Parser::parse_quantifier(uint32_t* min, uint32_t* max, bool* greedy, bool* present) {
    *present = true;
    uint32_t c = peek();
    if (c == '*') {
        *min = 0, *max = kInfinity;
        ++m_pos;
    } else if (c == '+') {
        *min = 1, *max = kInfinity;
        ++m_pos;
    } else if (c == '?') {
        *min = 0, *max = 1;
        ++m_pos;
    } else if (c == '{') {
        size_t end;
        if (!try_parse_braced_quantifier(m_pos, min, max, &end)) {
            if (m_unicode) return fail("incomplete quantifier");
            *present = false; // Annex B: a literal '{'
            return true;
        }
        if (*min > *max) return fail("numbers out of order in {} quantifier");
        m_pos = end;
    } else {
        *present = false;
        return true;
    }
    *greedy = !eat('?');
    return true;
}

bool Parser::parse_term(Mods mods, uint32_t seq) {
    m_icase = mods.icase;
    uint32_t c = peek();
    size_t groups_before = m_group_count;
    uint32_t atom = kNone;
    bool quantifiable = true;
    switch (c) {
    case '^':
    case '$': {
        ++m_pos;
        atom = new_node(NodeKind::Assert, mods);
        m_nodes[atom].value = static_cast<uint32_t>(c == '^' ? AssertKind::LineStart : AssertKind::LineEnd);
        quantifiable = false;
        break;
    }
    case '\\':
        if (unit_at(m_pos + 1) == 'b' || unit_at(m_pos + 1) == 'B') {
            atom = new_node(NodeKind::Assert, mods);
            m_nodes[atom].value = static_cast<uint32_t>(
                unit_at(m_pos + 1) == 'b' ? AssertKind::WordBoundary : AssertKind::NotWordBoundary);
            m_pos += 2;
            quantifiable = false;
            break;
        }
        ++m_pos;
        atom = parse_atom_escape(mods);
        break;
    case '(': {
        bool is_look =
            unit_at(m_pos + 1) == '?' &&
            (unit_at(m_pos + 2) == '=' || unit_at(m_pos + 2) == '!' ||
             (unit_at(m_pos + 2) == '<' && (unit_at(m_pos + 3) == '=' || unit_at(m_pos + 3) == '!')));
        bool is_behind = is_look && unit_at(m_pos + 2) == '<';
        atom = parse_group(mods);
        // Annex B: lookaheads are quantifiable outside Unicode mode; lookbehinds never.
        if (is_look && (m_unicode || is_behind)) quantifiable = false;
        break;
    }
    case '.':
        ++m_pos;
        atom = new_node(NodeKind::Any, mods);
        break;
    case '[':
        ++m_pos;
        atom = parse_class(mods);
        break;
    case '*':
    case '+':
    case '?': return fail("nothing to repeat");
    case '{': {
        uint32_t a, b;
        size_t end;
        if (m_unicode || try_parse_braced_quantifier(m_pos, &a, &b, &end)) return fail("nothing to repeat");
        ++m_pos;
        atom = char_node('{', mods);
        break;
    }
    case '}':
    case ']':
        if (m_unicode) return fail(c == '}' ? "lone quantifier brackets" : "lone ']'");
        ++m_pos;
        atom = char_node(c, mods);
        break;
    default:
        next();
        atom = char_node(c, mods);
        break;
    }
    if (atom == kNone) return false;

    uint32_t min, max;
    bool greedy = true, present = false;
    if (!parse_quantifier(&min, &max, &greedy, &present)) return false;
    if (present) {
        if (!quantifiable) return fail("nothing to repeat");
        uint32_t q = new_node(NodeKind::Quant, mods);
        Node& qn = m_nodes[q];
        qn.min = min;
        qn.max = max;
        qn.greedy = greedy;
        qn.cap_first = static_cast<uint32_t>(groups_before) + 1;
        qn.cap_last = m_group_count + 1;
        qn.kids.push_back(atom);
        atom = q;
    }
    m_nodes[seq].kids.push_back(atom);
    return true;
}

bool Parser::parse_group_name(U16String& name) {
    // GroupName :: < RegExpIdentifierName >
    bool first = true;
    for (;;) {
        if (at_end()) return fail("invalid capture group name");
        uint32_t c;
        if (eat('>')) break;
        if (unit_at(m_pos) == '\\') {
            ++m_pos;
            if (!eat('u')) return fail("invalid Unicode escape in group name");
            if (!parse_unicode_escape(&c, true)) return fail("invalid Unicode escape in group name");
        } else {
            // Surrogate pairs always combine in group names.
            c = m_src[m_pos++];
            if (is_surrogate_lead(c) && m_pos < m_len && is_surrogate_trail(m_src[m_pos]))
                c = 0x10000 + ((c - 0xD800) << 10) + (m_src[m_pos++] - 0xDC00);
        }
        bool ok = first ? unicode::is_id_start(c) : unicode::is_id_continue(c);
        if (!ok) return fail("invalid capture group name");
        first = false;
        if (c >= 0x10000) {
            name.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
            name.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
        } else {
            name.push_back(static_cast<char16_t>(c));
        }
    }
    if (first) return fail("invalid capture group name");
    return true;
}

uint32_t Parser::parse_group(Mods mods) {
    ++m_pos; // (
    if (!eat('?')) {
        uint32_t g = ++m_group_count;
        uint32_t body = parse_disjunction(mods);
        if (body == kNone) return kNone;
        if (!eat(')')) return fail_node("unterminated group");
        uint32_t n = new_node(NodeKind::Group, mods);
        m_nodes[n].value = g;
        m_nodes[n].kids.push_back(body);
        return n;
    }
    uint32_t c = peek();
    if (c == ':') {
        ++m_pos;
        uint32_t body = parse_disjunction(mods);
        if (body == kNone) return kNone;
        if (!eat(')')) return fail_node("unterminated group");
        return body;
    }
    if (c == '=' || c == '!' || (c == '<' && (unit_at(m_pos + 1) == '=' || unit_at(m_pos + 1) == '!'))) {
        bool behind = c == '<';
        if (behind) ++m_pos;
        bool negative = peek() == '!';
        ++m_pos;
        uint32_t body = parse_disjunction(mods);
        if (body == kNone) return kNone;
        if (!eat(')')) return fail_node("unterminated group");
        uint32_t n = new_node(NodeKind::Look, mods);
        m_nodes[n].behind = behind;
        m_nodes[n].negative = negative;
        m_nodes[n].kids.push_back(body);
        return n;
    }
    if (c == '<') {
        ++m_pos;
        U16String name;
        if (!parse_group_name(name)) return kNone;
        for (auto& v : m_visible_names)
            if (v == name) return fail_node("duplicate capture group name");
        m_visible_names.push_back(name);
        uint32_t g = ++m_group_count;
        m_names.push_back(GroupName{g, name});
        uint32_t body = parse_disjunction(mods);
        if (body == kNone) return kNone;
        if (!eat(')')) return fail_node("unterminated group");
        uint32_t n = new_node(NodeKind::Group, mods);
        m_nodes[n].value = g;
        m_nodes[n].kids.push_back(body);
        return n;
    }
    // Modifiers (?ims-ims:...) (ES2025).
    bool add_i = false, add_m = false, add_s = false, rem_i = false, rem_m = false, rem_s = false;
    bool removing = false, any = false;
    for (;;) {
        uint32_t f = peek();
        if (f == ':') break;
        if (f == '-') {
            if (removing) return fail_node("invalid group");
            removing = true;
            ++m_pos;
            continue;
        }
        bool* slot = nullptr;
        if (f == 'i') slot = removing ? &rem_i : &add_i;
        if (f == 'm') slot = removing ? &rem_m : &add_m;
        if (f == 's') slot = removing ? &rem_s : &add_s;
        if (!slot) return fail_node("invalid group");
        if (*slot) return fail_node("repeated flag in modifiers");
        *slot = true;
        any = true;
        ++m_pos;
    }
    if ((add_i && rem_i) || (add_m && rem_m) || (add_s && rem_s))
        return fail_node("repeated flag in modifiers");
    if (removing && !(rem_i || rem_m || rem_s) && !(add_i || add_m || add_s))
        return fail_node("invalid group");
    (void)any;
    ++m_pos; // :
    Mods inner = mods;
    if (add_i) inner.icase = true;
    if (rem_i) inner.icase = false;
    if (add_m) inner.multiline = true;
    if (rem_m) inner.multiline = false;
    if (add_s) inner.dotall = true;
    if (rem_s) inner.dotall = false;
    uint32_t body = parse_disjunction(inner);
    if (body == kNone) return kNone;
    if (!eat(')')) return fail_node("unterminated group");
    return body;
}

// RegExpUnicodeEscapeSequence after "\u". In Unicode mode (or group names) accepts \u{...} and
// joins an escaped surrogate pair.
bool Parser::parse_unicode_escape(uint32_t* out, bool for_group_name) {
    bool unicode = m_unicode || for_group_name;
    if (unicode && unit_at(m_pos) == '{') {
        size_t i = m_pos + 1;
        uint32_t v = 0;
        bool any = false;
        while (hex_value(unit_at(i)) >= 0) {
            v = v * 16 + static_cast<uint32_t>(hex_value(unit_at(i)));
            if (v > kMaxCodePoint) return false;
            any = true;
            ++i;
        }
        if (!any || unit_at(i) != '}') return false;
        m_pos = i + 1;
        *out = v;
        return true;
    }
    auto read4 = [&](size_t at, uint32_t* v) {
        uint32_t r = 0;
        for (size_t k = 0; k < 4; ++k) {
            int h = hex_value(unit_at(at + k));
            if (h < 0) return false;
            r = r * 16 + static_cast<uint32_t>(h);
        }
        *v = r;
        return true;
    };
    uint32_t v;
    if (!read4(m_pos, &v)) return false;
    m_pos += 4;
    if (unicode && is_surrogate_lead(v) && unit_at(m_pos) == '\\' && unit_at(m_pos + 1) == 'u') {
        uint32_t t;
        if (read4(m_pos + 2, &t) && is_surrogate_trail(t)) {
            m_pos += 6;
            v = 0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00);
        }
    }
    *out = v;
    return true;
}

// CharacterEscape (after the backslash), plus the class-only forms when in_class.
uint32_t Parser::parse_character_escape(bool in_class) {
    uint32_t c = peek();
    if (c == kEnd) return fail_node("\\ at end of pattern");
    switch (c) {
    case 'f': ++m_pos; return '\f';
    case 'n': ++m_pos; return '\n';
    case 'r': ++m_pos; return '\r';
    case 't': ++m_pos; return '\t';
    case 'v': ++m_pos; return '\v';
    case 'c': {
        uint32_t l = unit_at(m_pos + 1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) {
            m_pos += 2;
            return l % 32;
        }
        // Annex B ClassControlLetter: digits and '_' inside classes.
        if (!m_unicode && in_class && (is_digit(l) || l == '_')) {
            m_pos += 2;
            return l % 32;
        }
        if (m_unicode) return fail_node("invalid escape");
        // Annex B: "\c" is a literal backslash; the 'c' is parsed next.
        return '\\';
    }
    case 'x': {
        ++m_pos;
        int h1 = hex_value(unit_at(m_pos)), h2 = hex_value(unit_at(m_pos + 1));
        if (h1 >= 0 && h2 >= 0) {
            m_pos += 2;
            return static_cast<uint32_t>(h1 * 16 + h2);
        }
        if (m_unicode) return fail_node("invalid escape");
        return 'x';
    }
    case 'u': {
        ++m_pos;
        uint32_t v;
        size_t save = m_pos;
        if (parse_unicode_escape(&v, false)) return v;
        m_pos = save;
        if (m_unicode) return fail_node("invalid Unicode escape");
        return 'u';
    }
    case '0':
        if (!is_digit(unit_at(m_pos + 1))) {
            ++m_pos;
            return 0;
        }
        if (m_unicode) return fail_node("invalid decimal escape");
        [[fallthrough]];
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        if (m_unicode) return fail_node(in_class ? "invalid class escape" : "invalid escape");
        // Annex B LegacyOctalEscape.
        uint32_t v = c - '0';
        ++m_pos;
        if (unit_at(m_pos) >= '0' && unit_at(m_pos) <= '7') {
            v = v * 8 + (unit_at(m_pos++) - '0');
            if (c <= '3' && unit_at(m_pos) >= '0' && unit_at(m_pos) <= '7')
                v = v * 8 + (unit_at(m_pos++) - '0');
        }
        return v;
    }
    default: break;
    }
    if (m_unicode) {
        // IdentityEscape[+U] :: SyntaxCharacter or '/'; '-' only inside classes.
        if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
            ++m_pos;
            return c;
        }
        return fail_node("invalid escape");
    }
    // Annex B IdentityEscape: any character but 'c' (and 'k' with named groups).
    if (c == 'k' && m_named_groups) return fail_node("invalid named reference");
    next();
    return c;
}

bool Parser::parse_property_escape(bool negate, CharSet& out) {
    if (!eat('{')) return fail("invalid property name");
    std::string name, value;
    size_t start = m_pos;
    bool has_value = false;
    for (;;) {
        uint32_t c = peek();
        if (c == kEnd) return fail("invalid property name");
        ++m_pos;
        if (c == '}') break;
        if (c == '=' && !has_value) {
            has_value = true;
            continue;
        }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
        if (!ok) return fail("invalid property name");
        (has_value ? value : name).push_back(static_cast<char>(c));
    }
    if (name.empty() || (has_value && value.empty())) return fail("invalid property name");
    (void)start;
    CharSet set;
    if (!unicode_property(name.c_str(), has_value ? value.c_str() : nullptr, set))
        return fail("invalid property name");
    if (negate) set.invert(kMaxCodePoint);
    out.add_set(set);
    return true;
}

// \d \D \s \S \w \W \p \P: fills `out` and sets *handled; other escapes leave *handled false.
bool Parser::parse_class_escape_set(uint32_t c, CharSet& out, bool* handled) {
    *handled = true;
    CharSet s;
    bool icase_u = m_unicode && m_icase;
    switch (c) {
    case 'd':
    case 'D': add_digit_set(s); break;
    case 's':
    case 'S': add_space_set(s); break;
    case 'w':
    case 'W': add_word_set(s, icase_u); break;
    case 'p':
    case 'P':
        if (!m_unicode) {
            *handled = false;
            return true;
        }
        ++m_pos;
        return parse_property_escape(c == 'P', out);
    default: *handled = false; return true;
    }
    ++m_pos;
    if (c == 'D' || c == 'S' || c == 'W') s.invert(m_unicode ? kMaxCodePoint : 0xFFFF);
    out.add_set(s);
    return true;
}

uint32_t Parser::parse_atom_escape(Mods mods) {
    uint32_t c = peek();
    if (c == kEnd) return fail_node("\\ at end of pattern");
    // DecimalEscape: a back reference (Annex B: an octal escape when there are not that many groups).
    if (c >= '1' && c <= '9') {
        size_t save = m_pos;
        uint64_t v = 0;
        while (is_digit(unit_at(m_pos))) {
            v = v * 10 + (unit_at(m_pos) - '0');
            if (v > 0xFFFFFFF) v = 0xFFFFFFF;
            ++m_pos;
        }
        if (v <= m_total_groups) {
            uint32_t n = new_node(NodeKind::BackRef, mods);
            m_nodes[n].refs.push_back(static_cast<uint32_t>(v));
            return n;
        }
        if (m_unicode) return fail_node("back reference to a group that does not exist");
        m_pos = save;
        if (c >= '8') {
            ++m_pos;
            return char_node(c, mods);
        }
        uint32_t ch = parse_character_escape(false);
        if (ch == kNone) return kNone;
        return char_node(ch, mods);
    }
    if (c == 'k' && m_named_groups) {
        ++m_pos;
        if (!eat('<')) return fail_node("invalid named reference");
        U16String name;
        if (!parse_group_name(name)) return kNone;
        uint32_t n = new_node(NodeKind::BackRef, mods);
        m_nodes[n].ref_name = std::move(name);
        return n;
    }
    if (m_vmode && c == 'p') {
        ClassContents cc;
        bool sp;
        --m_pos;
        if (!try_string_property(cc, &sp)) return kNone;
        if (sp) return contents_to_node(cc, false, mods);
        ++m_pos;
    }
    CharSet set;
    bool handled;
    if (!parse_class_escape_set(c, set, &handled)) return kNone;
    if (handled) return class_node(std::move(set), false, mods);
    uint32_t ch = parse_character_escape(false);
    if (ch == kNone) return kNone;
    return char_node(ch, mods);
}

// ClassAtom (non-v): either one character or a class escape set.
bool Parser::parse_class_atom(bool* is_set, uint32_t* cp, CharSet& set) {
    *is_set = false;
    uint32_t c = peek();
    if (c == kEnd) return fail("unterminated character class");
    if (c != '\\') {
        *cp = next();
        return true;
    }
    ++m_pos;
    c = peek();
    if (c == kEnd) return fail("\\ at end of pattern");
    if (c == 'b') {
        ++m_pos;
        *cp = '\b';
        return true;
    }
    if (m_unicode && c == '-') {
        ++m_pos;
        *cp = '-';
        return true;
    }
    bool handled;
    if (!parse_class_escape_set(c, set, &handled)) return false;
    if (handled) {
        *is_set = true;
        return true;
    }
    if (!m_unicode && (c == '8' || c == '9')) {
        ++m_pos;
        *cp = c;
        return true;
    }
    if (!m_unicode && c == 'k') { // \k is an identity escape inside classes (Annex B)
        ++m_pos;
        *cp = 'k';
        return true;
    }
    uint32_t v = parse_character_escape(true);
    if (v == kNone) return false;
    *cp = v;
    return true;
}

uint32_t Parser::parse_class(Mods mods) {
    if (m_vmode) {
        bool invert = eat('^');
        ClassContents cc;
        if (!parse_class_set_expression(cc)) return kNone;
        if (!eat(']')) return fail_node("unterminated character class");
        if (invert && cc.has_strings()) return fail_node("negated character class may contain strings");
        return contents_to_node(cc, invert, mods);
    }
    bool invert = eat('^');
    CharSet set;
    for (;;) {
        if (at_end()) return fail_node("unterminated character class");
        if (eat(']')) break;
        bool a_set, b_set;
        uint32_t a = 0, b = 0;
        CharSet as, bs;
        if (!parse_class_atom(&a_set, &a, as)) return kNone;
        if (peek() == '-' && unit_at(m_pos + 1) != ']' && m_pos + 1 < m_len) {
            ++m_pos;
            if (!parse_class_atom(&b_set, &b, bs)) return kNone;
            if (a_set || b_set) {
                if (m_unicode) return fail_node("invalid character class range");
                // Annex B: a class escape in a range makes the '-' literal.
                if (a_set)
                    set.add_set(as);
                else
                    set.add(a);
                set.add('-');
                if (b_set)
                    set.add_set(bs);
                else
                    set.add(b);
                continue;
            }
            if (a > b) return fail_node("range out of order in character class");
            set.add_range(a, b);
            continue;
        }
        if (a_set)
            set.add_set(as);
        else
            set.add(a);
    }
    return class_node(std::move(set), invert, mods);
}

// ---- v-mode classes (ClassSetExpression) ----

// \p{name} for the properties of strings (v mode only) at m_pos (on the backslash): Basic_Emoji,
// Emoji_Keycap_Sequence, RGI_Emoji and the RGI_Emoji_* lists (src/regexp/EmojiSequences.inc). Anything
// else is left for parse_class_escape_set (*handled false, m_pos unchanged).
bool Parser::try_string_property(ClassContents& out, bool* handled) {
    *handled = false;
    if (unit_at(m_pos + 1) != 'p' || unit_at(m_pos + 2) != '{') return true;
    char name[32];
    size_t n = 0;
    for (;; ++n) {
        uint32_t c = unit_at(m_pos + 3 + n);
        if (c == '}') break;
        if (n + 1 >= sizeof name || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'))
            return true;
        name[n] = static_cast<char>(c);
    }
    name[n] = 0;
    auto add = [](void* opaque, const uint32_t* cps, size_t len) -> bool {
        auto* cc = static_cast<ClassContents*>(opaque);
        if (len == 1) {
            cc->chars.add(cps[0]);
            return true;
        }
        U32String str;
        for (size_t i = 0; i < len; ++i)
            str.push_back(static_cast<char32_t>(cps[i]));
        cc->strings.push_back(std::move(str));
        return true;
    };
    int found = unicode_string_property(name, add, &out);
    if (found == 0) return true;
    if (found < 0) return fail("out of memory");
    m_pos += 4 + n;
    *handled = true;
    return true;
}

bool is_class_set_syntax_char(uint32_t c) {
    switch (c) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '/':
    case '-':
    case '\\':
    case '|': return true;
    default: return false;
    }
}
bool is_class_set_reserved_double(uint32_t c) {
    return c != kEnd && strchr("&!#$%*+,.:;<=>?@^`~", static_cast<int>(c)) != nullptr && c != 0;
}
bool is_class_set_reserved_punct(uint32_t c) {
    return c != kEnd && c != 0 && strchr("&-!#%,:;<=>@`~", static_cast<int>(c)) != nullptr;
}

bool Parser::parse_class_set_character(uint32_t* cp) {
    uint32_t c = peek();
    if (c == kEnd) return fail("unterminated character class");
    if (c == '\\') {
        ++m_pos;
        uint32_t e = peek();
        if (e == 'b') {
            ++m_pos;
            *cp = '\b';
            return true;
        }
        if (is_class_set_reserved_punct(e)) {
            ++m_pos;
            *cp = e;
            return true;
        }
        uint32_t v = parse_character_escape(true);
        if (v == kNone) return false;
        *cp = v;
        return true;
    }
    if (is_class_set_reserved_double(c) && unit_at(m_pos + 1) == c)
        return fail("invalid set operation in character class");
    if (is_class_set_syntax_char(c)) return fail("invalid character in character class");
    *cp = next();
    return true;
}

bool Parser::parse_class_string_disjunction(ClassContents& out) {
    // \q{ ClassString | ... }
    U32String cur;
    for (;;) {
        uint32_t c = peek();
        if (c == kEnd) return fail("unterminated class string disjunction");
        if (c == '}' || c == '|') {
            ++m_pos;
            if (cur.size() == 1)
                out.chars.add(cur[0]);
            else
                out.strings.push_back(cur);
            cur.clear();
            if (c == '}') return true;
            continue;
        }
        uint32_t cp;
        if (!parse_class_set_character(&cp)) return false;
        cur.push_back(static_cast<char32_t>(cp));
    }
}

// ClassSetOperand (or the start of a range when single_char is set).
bool Parser::parse_class_set_operand(ClassContents& out, bool* single_char, uint32_t* cp) {
    *single_char = false;
    uint32_t c = peek();
    if (c == '[') {
        ++m_pos;
        bool invert = eat('^');
        ClassContents inner;
        if (!parse_class_set_expression(inner)) return false;
        if (!eat(']')) return fail("unterminated character class");
        if (invert) {
            if (inner.has_strings()) return fail("negated character class may contain strings");
            inner.chars.invert(kMaxCodePoint);
        }
        out = std::move(inner);
        return true;
    }
    if (c == '\\') {
        uint32_t e = unit_at(m_pos + 1);
        if (e == 'q') {
            m_pos += 2;
            if (!eat('{')) return fail("invalid escape");
            return parse_class_string_disjunction(out);
        }
        CharSet s;
        bool handled;
        if (!try_string_property(out, &handled)) return false;
        if (handled) return true;
        size_t save = m_pos;
        ++m_pos;
        if (!parse_class_escape_set(e, s, &handled)) return false;
        if (handled) {
            out.chars.add_set(s);
            return true;
        }
        m_pos = save;
    }
    if (!parse_class_set_character(cp)) return false;
    *single_char = true;
    out.chars.add(*cp);
    return true;
}

bool Parser::parse_class_set_expression(ClassContents& out) {
    if (stack_exhausted()) return false;
    if (peek() == ']') return true;
    ClassContents first;
    bool single;
    uint32_t cp;
    if (!parse_class_set_operand(first, &single, &cp)) return false;
    bool is_op = (peek() == '&' && unit_at(m_pos + 1) == '&') || (peek() == '-' && unit_at(m_pos + 1) == '-');
    if (is_op) {
        // ClassIntersection / ClassSubtraction: one operator kind throughout.
        uint32_t op = peek();
        ClassContents acc = std::move(first);
        while (peek() == op && unit_at(m_pos + 1) == op) {
            m_pos += 2;
            if (op == '&' && peek() == '&') return fail("invalid set operation in character class");
            ClassContents rhs;
            if (!parse_class_set_operand(rhs, &single, &cp)) return false;
            if (op == '&') {
                acc.chars.intersect(rhs.chars);
                Vector<U32String> keep;
                for (auto& s : acc.strings)
                    if (std::find(rhs.strings.begin(), rhs.strings.end(), s) != rhs.strings.end())
                        keep.push_back(s);
                acc.strings = std::move(keep);
            } else {
                acc.chars.subtract(rhs.chars);
                Vector<U32String> keep;
                for (auto& s : acc.strings)
                    if (std::find(rhs.strings.begin(), rhs.strings.end(), s) == rhs.strings.end())
                        keep.push_back(s);
                acc.strings = std::move(keep);
            }
        }
        if (peek() != ']') return fail("invalid set operation in character class");
        out = std::move(acc);
        return true;
    }
    // ClassUnion
    ClassContents acc;
    auto merge = [&](ClassContents& cc) {
        acc.chars.add_set(cc.chars);
        for (auto& s : cc.strings)
            if (std::find(acc.strings.begin(), acc.strings.end(), s) == acc.strings.end())
                acc.strings.push_back(s);
    };
    for (;;) {
        if (single && peek() == '-' && unit_at(m_pos + 1) != '-') {
            ++m_pos;
            uint32_t hi;
            if (!parse_class_set_character(&hi)) return false;
            if (cp > hi) return fail("range out of order in character class");
            first.chars.add_range(cp, hi);
        }
        merge(first);
        if (peek() == ']' || at_end()) break;
        if ((peek() == '&' && unit_at(m_pos + 1) == '&') || (peek() == '-' && unit_at(m_pos + 1) == '-'))
            return fail("invalid set operation in character class");
        first = ClassContents();
        if (!parse_class_set_operand(first, &single, &cp)) return false;
    }
    out = std::move(acc);
    return true;
}

uint32_t Parser::contents_to_node(ClassContents& cc, bool invert, const Mods& mods) {
    if (!cc.has_strings()) return class_node(std::move(cc.chars), invert, mods);
    // Strings first, longest first, then the single characters.
    std::stable_sort(cc.strings.begin(), cc.strings.end(),
                     [](const U32String& a, const U32String& b) { return a.size() > b.size(); });
    uint32_t alt = new_node(NodeKind::Alt, mods);
    bool has_empty = false;
    for (auto& s : cc.strings) {
        if (s.empty()) {
            has_empty = true;
            continue;
        }
        uint32_t seq = new_node(NodeKind::Seq, mods);
        for (char32_t ch : s) {
            uint32_t cn = char_node(static_cast<uint32_t>(ch), mods);
            m_nodes[seq].kids.push_back(cn);
        }
        m_nodes[alt].kids.push_back(seq);
    }
    if (!cc.chars.empty()) {
        uint32_t cls = class_node(std::move(cc.chars), false, mods);
        m_nodes[alt].kids.push_back(cls);
    }
    if (has_empty) m_nodes[alt].kids.push_back(new_node(NodeKind::Empty, mods));
    return alt;
}

// ---- code generation ----

bool Parser::can_be_empty(uint32_t idx) {
    if (stack_exhausted()) return true; // conservative; compilation fails anyway
    const Node& n = m_nodes[idx];
    switch (n.kind) {
    case NodeKind::Char:
    case NodeKind::Any: return false;
    case NodeKind::Class: return false;
    case NodeKind::Seq:
        for (uint32_t k : n.kids)
            if (!can_be_empty(k)) return false;
        return true;
    case NodeKind::Alt:
        for (uint32_t k : n.kids)
            if (can_be_empty(k)) return true;
        return false;
    case NodeKind::Group: return can_be_empty(n.kids[0]);
    case NodeKind::Quant: return n.min == 0 || can_be_empty(n.kids[0]);
    default: return true;
    }
}

bool Parser::first_chars(uint32_t idx, FirstChars& out) {
    if (stack_exhausted()) return false;
    const Node& n = m_nodes[idx];
    switch (n.kind) {
    case NodeKind::Empty: return false;
    case NodeKind::Char: {
        uint32_t c = n.value;
        if (m_unicode && c >= 0x10000) c = 0xD800 + ((c - 0x10000) >> 10);
        out.add(c);
        if (n.icase) {
            uint32_t canon = canonicalize(n.value, m_unicode);
            for (uint32_t x = 0; x < 256; ++x)
                if (canonicalize(x, m_unicode) == canon) out.add(x);
            out.high = true;
        }
        return true;
    }
    case NodeKind::Any: out.all = true; return true;
    case NodeKind::Class: {
        const CharSet& set = m_sets[n.value];
        if (!n.icase && !n.invert) {
            // Fast path: the ranges themselves.
            for (size_t i = 0; i < set.range_count(); ++i)
                for (uint32_t x = set.lo(i); x < set.hi(i) && x < 256; ++x)
                    out.add(x);
            out.high = true;
            return true;
        }
        CharSet closed = set;
        if (n.icase) closed.close_over_case(m_unicode);
        for (uint32_t x = 0; x < 256; ++x) {
            bool in = closed.contains(n.icase ? canonicalize(x, m_unicode) : x) != n.invert;
            if (in) out.add(x);
        }
        out.high = true; // conservative: surrogates and wide characters are not analysed
        return true;
    }
    case NodeKind::Seq:
        for (uint32_t k : n.kids)
            if (first_chars(k, out)) return true;
        return false;
    case NodeKind::Alt: {
        bool all_consume = true;
        for (uint32_t k : n.kids)
            if (!first_chars(k, out)) all_consume = false;
        return all_consume;
    }
    case NodeKind::Group: return first_chars(n.kids[0], out);
    case NodeKind::Quant:
        if (n.max == 0) return false;
        return first_chars(n.kids[0], out) && n.min > 0;
    case NodeKind::Assert:
    case NodeKind::Look: return false; // zero-width: what follows decides
    case NodeKind::BackRef: out.all = true; return true;
    }
    return false;
}

bool Parser::is_single_char(uint32_t idx) const {
    NodeKind k = m_nodes[idx].kind;
    return k == NodeKind::Char || k == NodeKind::Any || k == NodeKind::Class;
}

uint32_t Parser::set_offset(const CharSet& s, bool icase) {
    CharSet closed = s;
    if (icase) closed.close_over_case(m_unicode);
    uint32_t off = static_cast<uint32_t>(m_set_data.size());
    m_set_data.push_back(static_cast<uint32_t>(closed.range_count()));
    for (uint32_t r : closed.ranges())
        m_set_data.push_back(r);
    return off; // relocated when the program is assembled
}

constexpr uint32_t kSetRelocBit = 0x80000000u;

void Parser::emit_char_matcher(uint32_t idx, bool backward) {
    const Node& n = m_nodes[idx];
    switch (n.kind) {
    case NodeKind::Char: {
        uint32_t c = n.value;
        if (n.icase) {
            uint32_t canon = canonicalize(c, m_unicode);
            // A character with no other case variant needs no canonicalization at run time.
            bool alone = canon == c;
            if (c < 128) {
                alone = !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); // ASCII: only letters have case variants
            } else if (alone) {
                size_t count;
                const uint32_t* list = case_changing_chars(m_unicode, &count);
                for (size_t i = 0; i < count && alone; ++i)
                    if (canonicalize(list[i], m_unicode) == c) alone = false;
            }
            if (!alone) {
                op(Op::CharI, backward);
                word(canon);
                return;
            }
        }
        op(Op::Char, backward);
        word(c);
        return;
    }
    case NodeKind::Any: op(n.dotall ? Op::AnyAll : Op::Any, backward); return;
    case NodeKind::Class: {
        const CharSet& s = m_sets[n.value];
        if (s.empty() && !n.invert) {
            op(Op::Fail);
            return;
        }
        op(n.icase ? Op::ClassI : Op::Class, backward);
        word(set_offset(s, n.icase) | kSetRelocBit);
        word(n.invert ? 1 : 0);
        return;
    }
    default: VERIFY(false);
    }
}

void Parser::emit_node(uint32_t idx, bool backward) {
    if (stack_exhausted()) return;
    // Copy what is needed: m_nodes is not modified during emission, but keep references short-lived.
    const Node& n = m_nodes[idx];
    switch (n.kind) {
    case NodeKind::Empty: return;
    case NodeKind::Char:
    case NodeKind::Any:
    case NodeKind::Class: emit_char_matcher(idx, backward); return;
    case NodeKind::Seq:
        if (backward) {
            for (size_t i = n.kids.size(); i-- > 0;)
                emit_node(m_nodes[idx].kids[i], backward);
        } else {
            for (size_t i = 0; i < m_nodes[idx].kids.size(); ++i)
                emit_node(m_nodes[idx].kids[i], backward);
        }
        return;
    case NodeKind::Alt: {
        Vector<uint32_t> jumps;
        size_t count = n.kids.size();
        for (size_t i = 0; i < count; ++i) {
            uint32_t split_at = 0;
            if (i + 1 < count) {
                split_at = pos();
                op(Op::Split);
                word(0);
            }
            emit_node(m_nodes[idx].kids[i], backward);
            if (i + 1 < count) {
                jumps.push_back(pos());
                op(Op::Jmp);
                word(0);
                m_code[split_at + 1] = pos();
            }
        }
        for (uint32_t j : jumps)
            m_code[j + 1] = pos();
        return;
    }
    case NodeKind::Group: {
        uint32_t g = n.value;
        op(Op::Save);
        word(backward ? 2 * g + 1 : 2 * g);
        emit_node(n.kids[0], backward);
        op(Op::Save);
        word(backward ? 2 * g : 2 * g + 1);
        return;
    }
    case NodeKind::Assert: {
        switch (static_cast<AssertKind>(n.value)) {
        case AssertKind::LineStart: op(n.multiline ? Op::LineStartM : Op::LineStart); break;
        case AssertKind::LineEnd: op(n.multiline ? Op::LineEndM : Op::LineEnd); break;
        case AssertKind::WordBoundary:
            op(Op::WordBoundary);
            word(m_unicode && n.icase ? 1 : 0);
            break;
        case AssertKind::NotWordBoundary:
            op(Op::NotWordBoundary);
            word(m_unicode && n.icase ? 1 : 0);
            break;
        }
        return;
    }
    case NodeKind::Look: {
        uint32_t start = pos();
        op(Op::LookStart);
        word((n.behind ? 2 : 0) | (n.negative ? 1 : 0));
        word(0);
        emit_node(n.kids[0], n.behind);
        op(Op::LookEnd);
        m_code[start + 2] = pos();
        return;
    }
    case NodeKind::BackRef: {
        op(Op::BackRef, backward);
        word(n.icase ? 1 : 0);
        word(static_cast<uint32_t>(n.refs.size()));
        for (uint32_t g : m_nodes[idx].refs)
            word(g);
        return;
    }
    case NodeKind::Quant: {
        uint32_t kid = n.kids[0];
        uint32_t min = n.min, max = n.max;
        bool greedy = n.greedy;
        uint32_t cap_first = n.cap_first, cap_last = n.cap_last;
        if (max == 0) return;
        if (min == 1 && max == 1) {
            emit_node(kid, backward);
            return;
        }
        if (is_single_char(kid)) {
            op(greedy ? Op::GreedyChar : Op::LazyChar);
            word(min);
            word(max);
            emit_char_matcher(kid, backward);
            return;
        }
        bool has_caps = cap_last > cap_first;
        if (!can_be_empty(kid) && max == kInfinity && min <= 1) {
            // x+ / x*: a plain loop; no empty check is needed and no counter.
            if (min == 1) {
                if (has_caps) {
                    op(Op::ResetCaptures);
                    word(2 * cap_first);
                    word(2 * cap_last);
                }
                emit_node(kid, backward);
            }
            uint32_t head = pos();
            op(greedy ? Op::Split : Op::SplitPrefer);
            word(0);
            uint32_t body = pos();
            if (has_caps) {
                op(Op::ResetCaptures);
                word(2 * cap_first);
                word(2 * cap_last);
            }
            emit_node(kid, backward);
            op(Op::Jmp);
            word(head);
            if (greedy) {
                m_code[head + 1] = pos();
            } else {
                // SplitPrefer target = exit; fall through = body.
                m_code[head + 1] = pos();
                (void)body;
            }
            return;
        }
        if (!can_be_empty(kid) && min == 0 && max == 1) {
            uint32_t head = pos();
            op(greedy ? Op::Split : Op::SplitPrefer);
            word(0);
            if (has_caps) {
                op(Op::ResetCaptures);
                word(2 * cap_first);
                word(2 * cap_last);
            }
            emit_node(kid, backward);
            m_code[head + 1] = pos();
            return;
        }
        uint32_t reg = m_registers;
        m_registers += 2;
        op(Op::LoopInit);
        word(reg);
        uint32_t head = pos();
        op(greedy ? Op::LoopGreedy : Op::LoopLazy);
        word(reg);
        word(min);
        word(max);
        word(0);
        op(Op::LoopBody);
        word(reg);
        if (has_caps) {
            op(Op::ResetCaptures);
            word(2 * cap_first);
            word(2 * cap_last);
        }
        emit_node(kid, backward);
        op(Op::LoopEnd);
        word(reg);
        word(min);
        word(head);
        m_code[head + 4] = pos();
        return;
    }
    }
}

bool Parser::emit(Program& out) {
    m_code.clear();
    emit_node(m_root, false);
    if (m_failed) return false;
    op(Op::Match);

    // Literal prefix and anchoring, from the leading terms of a single alternative.
    Vector<uint32_t> prefix;
    bool anchored = false;
    const Node& root = m_nodes[m_root];
    if (root.kind == NodeKind::Seq) {
        for (uint32_t k : root.kids) {
            const Node& n = m_nodes[k];
            if (n.kind == NodeKind::Assert && n.value == static_cast<uint32_t>(AssertKind::LineStart) &&
                !n.multiline && prefix.empty()) {
                anchored = true;
                continue;
            }
            if (n.kind != NodeKind::Char || n.icase) break;
            if (n.value >= 0x10000) {
                prefix.push_back(0xD800 + ((n.value - 0x10000) >> 10));
                prefix.push_back(0xDC00 + ((n.value - 0x10000) & 0x3FF));
            } else {
                prefix.push_back(n.value);
            }
        }
    }
    if (!prefix.empty() && prefix[0] >= 0xD800 && prefix[0] <= 0xDFFF) prefix.clear();

    // Assemble: header, code, sets, names, prefix.
    Vector<uint32_t>& w = out.words;
    w.assign(header::Words, 0);
    w[header::Flags] = m_flags;
    w[header::CaptureCount] = m_group_count + 1;
    w[header::RegisterCount] = m_registers;
    w[header::Code] = static_cast<uint32_t>(w.size());
    uint32_t code_base = static_cast<uint32_t>(w.size());
    uint32_t set_base = code_base + static_cast<uint32_t>(m_code.size());
    // Relocate jump targets and set offsets.
    for (size_t i = 0; i < m_code.size();) {
        Op o = static_cast<Op>(m_code[i] & 0xFF);
        size_t size;
        switch (o) {
#define QJS_REOP(name, words)                                                                                \
    case Op::name:                                                                                           \
        size = words;                                                                                        \
        break;
#include "regexp/RegExpOpcodes.def"
#undef QJS_REOP
        default: size = 1; break;
        }
        switch (o) {
        case Op::Jmp:
        case Op::Split:
        case Op::SplitPrefer: m_code[i + 1] += code_base; break;
        case Op::LookStart: m_code[i + 2] += code_base; break;
        case Op::LoopGreedy:
        case Op::LoopLazy: m_code[i + 4] += code_base; break;
        case Op::LoopEnd: m_code[i + 3] += code_base; break;
        case Op::Class:
        case Op::ClassI: m_code[i + 1] = (m_code[i + 1] & ~kSetRelocBit) + set_base; break;
        case Op::BackRef: size = 3 + m_code[i + 2]; break;
        default: break;
        }
        i += size;
    }
    for (uint32_t c : m_code)
        w.push_back(c);
    for (uint32_t s : m_set_data)
        w.push_back(s);
    if (!m_names.empty()) {
        w[header::Names] = static_cast<uint32_t>(w.size());
        w.push_back(static_cast<uint32_t>(m_names.size()));
        std::stable_sort(m_names.begin(), m_names.end(),
                         [](const GroupName& a, const GroupName& b) { return a.group < b.group; });
        for (auto& g : m_names) {
            w.push_back(g.group);
            w.push_back(static_cast<uint32_t>(g.name.size()));
            for (char16_t ch : g.name)
                w.push_back(ch);
        }
    }
    if (!prefix.empty() && !(m_flags & flag::IgnoreCase)) {
        w[header::Prefix] = static_cast<uint32_t>(w.size());
        w.push_back(static_cast<uint32_t>(prefix.size()));
        for (uint32_t c : prefix)
            w.push_back(c);
    }
    w[header::Hints] = anchored ? kHintAnchored : 0;
    if (!anchored && prefix.empty()) {
        FirstChars fc;
        if (first_chars(m_root, fc) && !fc.all) {
            w[header::FirstChars] = static_cast<uint32_t>(w.size());
            for (uint32_t b : fc.bits)
                w.push_back(b);
            w.push_back(fc.high ? 1 : 0);
        }
        if (m_failed) return false;
    }
    w[header::Size] = static_cast<uint32_t>(w.size());
    return true;
}

} // namespace

bool compile(const char16_t* pattern, size_t len, uint32_t flags, Program& out, CompileError& error) {
    error.message[0] = 0;
    Parser p(pattern, len, flags, error);
    if (!p.parse()) return false;
    return p.emit(out);
}

} // namespace qjs::regexp

namespace qjs {

bool regexp_validate(const char16_t* pattern, size_t len, const char16_t* flags, size_t flen, char* error_buf,
                     size_t cap, bool* out_of_memory) {
    uint32_t f;
    if (!regexp::parse_flags(flags, flen, &f)) {
        if (cap) snprintf(error_buf, cap, "Invalid regular expression flags");
        return false;
    }
    regexp::Program prog;
    regexp::CompileError err;
    if (!regexp::compile(pattern, len, f, prog, err)) {
        if (out_of_memory) *out_of_memory = err.out_of_memory;
        if (cap) snprintf(error_buf, cap, "Invalid regular expression: %s", err.message);
        return false;
    }
    return true;
}

} // namespace qjs
