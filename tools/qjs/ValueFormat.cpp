// ValueFormat.cpp: how the REPL shows a value (see Repl.h).
#include "Repl.h"

#include <cmath>
#include <cstring>
#include <vector>

namespace qjs::shell {

namespace {

constexpr int k_max_depth = 2;
constexpr uint32_t k_max_items = 100;

std::string to_cstring(JSContext* ctx, JSValueConst v) {
    const char* s = JS_ToCString(ctx, v);
    if (!s) {
        JS_FreeValue(ctx, JS_GetException(ctx));
        return "[exception]";
    }
    std::string r = s;
    JS_FreeCString(ctx, s);
    return r;
}

std::string quote(const std::string& s) {
    std::string r = "\"";
    for (char c : s) {
        switch (c) {
        case '"': r += "\\\""; break;
        case '\\': r += "\\\\"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        default: r.push_back(c);
        }
    }
    return r + "\"";
}

bool is_identifier(const char* s) {
    if (!*s || (*s >= '0' && *s <= '9')) return false;
    for (const char* p = s; *p; ++p)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '$' || (*p & 0x80)))
            return false;
    return true;
}

class Formatter {
  public:
    explicit Formatter(JSContext* ctx) : m_ctx(ctx) {}

    std::string value(JSValueConst v, int depth) {
        switch (JS_VALUE_GET_TAG(v)) {
        case JS_TAG_STRING:
            return depth == 0 && m_top_plain ? to_cstring(m_ctx, v) : quote(to_cstring(m_ctx, v));
        case JS_TAG_BIG_INT: return to_cstring(m_ctx, v) + "n";
        case JS_TAG_FLOAT64: {
            double d = JS_VALUE_GET_FLOAT64(v);
            if (d == 0 && std::signbit(d)) return "-0";
            return to_cstring(m_ctx, v);
        }
        case JS_TAG_OBJECT: return object(v, depth);
        default: return to_cstring(m_ctx, v);
        }
    }
    bool m_top_plain = false;

  private:
    std::string object(JSValueConst v, int depth) {
        for (size_t i = 0; i < m_stack.size(); ++i)
            if (JS_VALUE_GET_PTR(m_stack[i]) == JS_VALUE_GET_PTR(v))
                return "[circular " + std::to_string(i) + "]";
        if (JS_IsFunction(m_ctx, v)) {
            JSValue name = JS_GetPropertyStr(m_ctx, v, "name");
            std::string n = JS_IsString(name) ? to_cstring(m_ctx, name) : "";
            JS_FreeValue(m_ctx, name);
            return n.empty() ? "[Function (anonymous)]" : "[Function " + n + "]";
        }
        if (JS_IsError(m_ctx, v)) return to_cstring(m_ctx, v);
        bool array = JS_IsArray(m_ctx, v) > 0;
        if (depth > k_max_depth) return array ? "[Array]" : "[Object]";
        m_stack.push_back(v);
        JSPropertyEnum* props = nullptr;
        uint32_t n = 0;
        std::string out;
        if (JS_GetOwnPropertyNames(m_ctx, &props, &n, v, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
            JS_FreeValue(m_ctx, JS_GetException(m_ctx));
            m_stack.pop_back();
            return "[object]";
        }
        std::vector<std::string> items;
        uint32_t next_index = 0;
        for (uint32_t i = 0; i < n && items.size() < k_max_items; ++i) {
            const char* key = JS_AtomToCString(m_ctx, props[i].atom);
            if (!key) {
                JS_FreeValue(m_ctx, JS_GetException(m_ctx));
                continue;
            }
            JSValue pv = JS_GetProperty(m_ctx, v, props[i].atom);
            if (JS_IsException(pv)) pv = JS_GetException(m_ctx);
            std::string shown = value(pv, depth + 1);
            JS_FreeValue(m_ctx, pv);
            bool in_order = array && std::to_string(next_index) == key;
            if (in_order) {
                items.push_back(shown);
                ++next_index;
            } else {
                items.push_back((is_identifier(key) ? std::string(key) : quote(key)) + ": " + shown);
            }
            JS_FreeCString(m_ctx, key);
        }
        bool truncated = n > k_max_items;
        JS_FreePropertyEnum(m_ctx, props, n);
        m_stack.pop_back();
        if (items.empty()) return array ? "[]" : "{}";
        out = array ? "[ " : "{ ";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += ", ";
            out += items[i];
        }
        if (truncated) out += ", ...";
        return out + (array ? " ]" : " }");
    }

    JSContext* m_ctx;
    std::vector<JSValueConst> m_stack;
};

} // namespace

std::string format_value(JSContext* ctx, JSValueConst v) {
    return Formatter(ctx).value(v, 0);
}

} // namespace qjs::shell
