// InputScanner.cpp: the REPL's tokenizer. One pass over the text with a stack of open brackets, where a
// `${` of a template literal is its own entry so that its `}` resumes the template's text. A `/` starts a
// regular expression where an expression is expected (after an operator, an opening bracket, a keyword
// such as `return`, or at the start) and is a division elsewhere, the rule the real lexer follows too.
#include "InputScanner.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

namespace qjs::shell {

namespace {

bool is_ident_start(unsigned char c) {
    return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80;
}

bool is_ident_part(unsigned char c) {
    return is_ident_start(c) || std::isdigit(c);
}

constexpr std::string_view kKeywords[] = {
    "async",     "await",  "break",  "case",   "catch",      "class",   "const", "continue", "debugger",
    "default",   "delete", "do",     "else",   "export",     "extends", "false", "finally",  "for",
    "function",  "if",     "import", "in",     "instanceof", "let",     "new",   "null",     "of",
    "return",    "static", "super",  "switch", "this",       "throw",   "true",  "try",      "typeof",
    "undefined", "var",    "void",   "while",  "with",       "yield"};

bool is_keyword(std::string_view word) {
    return std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords);
}

// Keywords after which a `/` divides (they end an expression).
bool keyword_ends_expression(std::string_view word) {
    return word == "this" || word == "super" || word == "null" || word == "true" || word == "false" ||
           word == "undefined";
}

class Scanner {
  public:
    explicit Scanner(const std::string& src) : m_src(src) {}

    ScannedInput run() {
        while (m_pos < m_src.size()) {
            if (!m_stack.empty() && m_stack.back() == '`')
                template_text();
            else
                token();
        }
        m_out.incomplete = m_out.incomplete || !m_stack.empty();
        return std::move(m_out);
    }

  private:
    char at(size_t i) const { return i < m_src.size() ? m_src[i] : '\0'; }

    void emit(size_t start, InputTokenKind kind) {
        m_out.tokens.push_back(InputToken{start, m_pos, kind});
        if (kind != InputTokenKind::Space && kind != InputTokenKind::Comment) {
            m_regex_allowed =
                kind == InputTokenKind::Punctuator
                    ? !std::strchr(")]}", m_src[m_pos - 1])
                    : kind == InputTokenKind::Keyword &&
                          !keyword_ends_expression(std::string_view(m_src).substr(start, m_pos - start));
        }
    }

    // The text of a template literal, up to its closing backquote or a `${`.
    void template_text() {
        size_t start = m_pos;
        while (m_pos < m_src.size()) {
            char c = m_src[m_pos];
            if (c == '\\') {
                m_pos += 2;
            } else if (c == '`') {
                ++m_pos;
                m_stack.pop_back();
                break;
            } else if (c == '$' && at(m_pos + 1) == '{') {
                m_pos += 2;
                m_stack.push_back('$');
                break;
            } else {
                ++m_pos;
            }
        }
        m_pos = std::min(m_pos, m_src.size());
        emit(start, InputTokenKind::Template);
    }

    void token() {
        size_t start = m_pos;
        unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
        if (std::isspace(c)) {
            while (m_pos < m_src.size() && std::isspace(static_cast<unsigned char>(m_src[m_pos])))
                ++m_pos;
            emit(start, InputTokenKind::Space);
        } else if (c == '/' && at(m_pos + 1) == '/') {
            while (m_pos < m_src.size() && m_src[m_pos] != '\n')
                ++m_pos;
            emit(start, InputTokenKind::Comment);
        } else if (c == '/' && at(m_pos + 1) == '*') {
            size_t end = m_src.find("*/", m_pos + 2);
            if (end == std::string::npos) m_out.incomplete = true;
            m_pos = end == std::string::npos ? m_src.size() : end + 2;
            emit(start, InputTokenKind::Comment);
        } else if (c == '"' || c == '\'') {
            ++m_pos;
            while (m_pos < m_src.size() && m_src[m_pos] != c && m_src[m_pos] != '\n')
                m_pos += m_src[m_pos] == '\\' ? 2 : 1;
            // A string still open at the very end (no newline yet) waits for more input.
            if (m_pos >= m_src.size()) m_out.incomplete = true;
            m_pos = std::min(m_pos + 1, m_src.size());
            emit(start, InputTokenKind::String);
        } else if (c == '`') {
            ++m_pos;
            m_stack.push_back('`');
            emit(start, InputTokenKind::Template);
        } else if (std::isdigit(c) || (c == '.' && std::isdigit(static_cast<unsigned char>(at(m_pos + 1))))) {
            // Digits with their letters (0x1F, 1e5, 10n, 1_000) and one fraction point.
            ++m_pos;
            while (m_pos < m_src.size() &&
                   (is_ident_part(static_cast<unsigned char>(m_src[m_pos])) || m_src[m_pos] == '.' ||
                    ((m_src[m_pos] == '+' || m_src[m_pos] == '-') &&
                     (m_src[m_pos - 1] == 'e' || m_src[m_pos - 1] == 'E'))))
                ++m_pos;
            emit(start, InputTokenKind::Number);
        } else if (is_ident_start(c) || c == '#') {
            ++m_pos;
            while (m_pos < m_src.size() && is_ident_part(static_cast<unsigned char>(m_src[m_pos])))
                ++m_pos;
            bool keyword = is_keyword(std::string_view(m_src).substr(start, m_pos - start));
            emit(start, keyword ? InputTokenKind::Keyword : InputTokenKind::Identifier);
        } else if (c == '/' && m_regex_allowed) {
            ++m_pos;
            bool in_class = false;
            while (m_pos < m_src.size() && m_src[m_pos] != '\n' && (in_class || m_src[m_pos] != '/')) {
                if (m_src[m_pos] == '\\')
                    ++m_pos;
                else if (m_src[m_pos] == '[')
                    in_class = true;
                else if (m_src[m_pos] == ']')
                    in_class = false;
                ++m_pos;
            }
            m_pos = std::min(m_pos + 1, m_src.size());
            while (m_pos < m_src.size() && is_ident_part(static_cast<unsigned char>(m_src[m_pos])))
                ++m_pos; // flags
            emit(start, InputTokenKind::Regex);
            m_regex_allowed = false;
        } else {
            ++m_pos;
            if (c == '(' || c == '[' || c == '{') {
                m_stack.push_back(static_cast<char>(c));
            } else if (c == '}' && !m_stack.empty() && m_stack.back() == '$') {
                // The end of a `${ }` substitution: the template's text goes on.
                m_stack.pop_back();
                emit(start, InputTokenKind::Template);
                return;
            } else if ((c == ')' || c == ']' || c == '}') && !m_stack.empty()) {
                m_stack.pop_back();
            }
            emit(start, InputTokenKind::Punctuator);
        }
    }

    const std::string& m_src;
    size_t m_pos = 0;
    std::string m_stack; // open brackets; '`' inside a template's text, '$' inside a `${ }`
    bool m_regex_allowed = true;
    ScannedInput m_out;
};

} // namespace

ScannedInput scan_input(const std::string& src) {
    return Scanner(src).run();
}

std::string colour_input(const std::string& before, const std::string& text) {
    std::string all = before + text;
    ScannedInput scanned = scan_input(all);
    std::string out;
    for (const InputToken& t : scanned.tokens) {
        if (t.end <= before.size()) continue;
        size_t start = std::max(t.start, before.size());
        const char* colour = nullptr;
        switch (t.kind) {
        case InputTokenKind::Comment: colour = "\x1b[90m"; break;
        case InputTokenKind::String:
        case InputTokenKind::Template: colour = "\x1b[32m"; break;
        case InputTokenKind::Regex: colour = "\x1b[36m"; break;
        case InputTokenKind::Number: colour = "\x1b[33m"; break;
        case InputTokenKind::Keyword: colour = "\x1b[95m"; break;
        default: break;
        }
        if (colour) out += colour;
        out.append(all, start, t.end - start);
        if (colour) out += "\x1b[0m";
    }
    return out;
}

} // namespace qjs::shell
