// ExtJson.cpp: std.parseExtJSON, JSON with the extensions the QuickJS manual lists: comments,
// unquoted (ASCII identifier) property names, trailing commas, single-quoted strings, \f and \v
// as spaces, a leading plus, and 0x/0o (and 0b) integers. The text is rewritten to strict JSON,
// which JSON.parse then reads (its errors apply to the rewritten text).
#include "base/NumberConversion.h"
#include "libc/LibcState.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace qjs::libc {

namespace {

class ExtJsonRewriter {
  public:
    ExtJsonRewriter(const char* s, size_t n) : m_s(s), m_n(n) {}

    // False on a lexical error (unterminated string or comment).
    bool run(std::string* out) {
        while (m_i < m_n) {
            if (!skip_blank()) return false;
            if (m_i >= m_n) break;
            char c = m_s[m_i];
            if (c == '"' || c == '\'') {
                if (!string(out)) return false;
            } else if (c == '+' || c == '-' || (c >= '0' && c <= '9') || c == '.') {
                number(out);
            } else if (is_ident_start(c)) {
                identifier(out);
            } else if (c == ',') {
                ++m_i;
                size_t save = m_i;
                if (!skip_blank()) return false;
                if (m_i < m_n && (m_s[m_i] == ']' || m_s[m_i] == '}')) continue; // trailing comma
                m_i = save;
                out->push_back(',');
            } else {
                out->push_back(c);
                ++m_i;
            }
        }
        return true;
    }

  private:
    static bool is_ident_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }
    static bool is_ident_part(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

    bool skip_blank() {
        while (m_i < m_n) {
            char c = m_s[m_i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                ++m_i;
            } else if (c == '/' && m_i + 1 < m_n && m_s[m_i + 1] == '/') {
                while (m_i < m_n && m_s[m_i] != '\n')
                    ++m_i;
            } else if (c == '/' && m_i + 1 < m_n && m_s[m_i + 1] == '*') {
                const char* end = nullptr;
                for (size_t k = m_i + 2; k + 1 < m_n; ++k)
                    if (m_s[k] == '*' && m_s[k + 1] == '/') {
                        end = m_s + k;
                        break;
                    }
                if (!end) return false;
                m_i = static_cast<size_t>(end - m_s) + 2;
            } else {
                break;
            }
        }
        return true;
    }

    bool string(std::string* out) {
        char quote = m_s[m_i++];
        out->push_back('"');
        while (m_i < m_n && m_s[m_i] != quote) {
            char c = m_s[m_i++];
            if (c == '\\' && m_i < m_n) {
                char e = m_s[m_i++];
                if (e == '\'') {
                    out->push_back('\'');
                } else {
                    out->push_back('\\');
                    out->push_back(e);
                }
            } else if (c == '"') {
                out->append("\\\"");
            } else {
                out->push_back(c);
            }
        }
        if (m_i >= m_n) return false;
        ++m_i;
        out->push_back('"');
        return true;
    }

    void number(std::string* out) {
        bool negative = false;
        if (m_s[m_i] == '+' || m_s[m_i] == '-') negative = m_s[m_i++] == '-';
        int radix = 0;
        if (m_i + 1 < m_n && m_s[m_i] == '0') {
            char p = m_s[m_i + 1];
            radix = (p == 'x' || p == 'X') ? 16 : (p == 'o' || p == 'O') ? 8 : (p == 'b' || p == 'B') ? 2 : 0;
        }
        if (!radix) {
            if (negative) out->push_back('-');
            while (m_i < m_n &&
                   (std::strchr("0123456789.eE", m_s[m_i]) ||
                    ((m_s[m_i] == '+' || m_s[m_i] == '-') && (m_s[m_i - 1] == 'e' || m_s[m_i - 1] == 'E'))))
                out->push_back(m_s[m_i++]);
            return;
        }
        m_i += 2;
        double v = 0;
        size_t digits = 0;
        for (; m_i < m_n; ++m_i, ++digits) {
            char c = m_s[m_i];
            int d = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : 99;
            if (d >= radix) break;
            v = v * radix + d;
        }
        if (!digits) {
            out->append("0x"); // makes JSON.parse report the malformed number
            return;
        }
        char buf[qjs::kNumberToStringBufferSize];
        out->append(buf, qjs::number_to_string(negative ? -v : v, buf)); // reads back as the same double
    }

    void identifier(std::string* out) {
        size_t start = m_i;
        while (m_i < m_n && is_ident_part(m_s[m_i]))
            ++m_i;
        std::string word(m_s + start, m_i - start);
        size_t save = m_i;
        bool key = skip_blank() && m_i < m_n && m_s[m_i] == ':';
        m_i = save;
        if (key) {
            out->push_back('"');
            out->append(word);
            out->push_back('"');
        } else {
            out->append(word); // true, false, null (anything else is a JSON syntax error)
        }
    }

    const char* m_s;
    size_t m_n;
    size_t m_i = 0;
};

} // namespace

JSValue parse_ext_json(JSContext* ctx, const char* text, size_t len, const char* filename) {
    std::string json;
    if (!ExtJsonRewriter(text, len).run(&json))
        return JS_ThrowSyntaxError(ctx, "unterminated string or comment in JSON");
    return JS_ParseJSON(ctx, json.data(), json.size(), filename);
}

} // namespace qjs::libc
