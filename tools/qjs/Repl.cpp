// Repl.cpp: the qjs REPL. On a terminal, lines are read with the line editor (LineEditor.cpp: history,
// editing, TAB completion of global and property names) and results are coloured by type; from a
// pipe, plain lines are read and nothing is coloured, so tests can drive it. Input is gathered until
// it is complete (no open bracket, string, template or comment), evaluated as a global script and its
// value shown. Ctrl-C interrupts a running evaluation (through the interrupt handler) or drops the
// current input.
// Commands: \h help, \q quit (also .exit), \t toggle timing.
#include "Repl.h"

#include "LineEditor.h"

#include "quickjs-libc.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace qjs::shell {

namespace {

std::atomic<int> s_interrupted{0};

void on_sigint(int) {
    s_interrupted.store(1);
}

int interrupt_handler(JSRuntime*, void*) {
    return s_interrupted.exchange(0);
}

// Reads one line (without its newline); false at end of input. A Ctrl-C while waiting sets *cancel.
bool read_line(std::string* line, bool* cancel) {
    line->clear();
    *cancel = false;
    for (;;) {
        int c = std::fgetc(stdin);
        if (c == EOF) {
            if (std::ferror(stdin) && errno == EINTR) {
                std::clearerr(stdin);
                if (s_interrupted.exchange(0)) {
                    *cancel = true;
                    return true;
                }
                continue;
            }
            return !line->empty();
        }
        if (c == '\n') return true;
        line->push_back(static_cast<char>(c));
    }
}

void print_help() {
    std::printf("\\h          this help\n"
                "\\t          toggle timing display\n"
                "\\q  .exit   exit\n");
}

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// The value of a dotted path of names from the global object ("a.b.c"; "" is the global object
// itself), or undefined. Only property reads, no evaluation.
JSValue path_value(JSContext* ctx, const std::string& path) {
    JSValue v = JS_GetGlobalObject(ctx);
    size_t i = 0;
    while (i < path.size()) {
        size_t dot = path.find('.', i);
        std::string name = path.substr(i, dot == std::string::npos ? std::string::npos : dot - i);
        if (name.empty() || !JS_IsObject(v)) {
            JS_FreeValue(ctx, v);
            return JS_UNDEFINED;
        }
        JSValue next = JS_GetPropertyStr(ctx, v, name.c_str());
        JS_FreeValue(ctx, v);
        if (JS_IsException(next)) {
            JS_FreeValue(ctx, JS_GetException(ctx));
            return JS_UNDEFINED;
        }
        v = next;
        if (dot == std::string::npos) break;
        i = dot + 1;
    }
    return v;
}

// TAB completion: the names (own and inherited properties) of the object named before the last dot
// of the word at the cursor, or of the global object, that start with what follows the dot.
std::vector<std::string> complete_names(JSContext* ctx, const std::string& line, size_t cursor,
                                        size_t* word_start) {
    size_t start = cursor;
    while (start > 0 && (is_word_char(line[start - 1]) || line[start - 1] == '.'))
        --start;
    *word_start = start;
    std::string word = line.substr(start, cursor - start);
    size_t dot = word.rfind('.');
    std::string path = dot == std::string::npos ? "" : word.substr(0, dot);
    std::string prefix = dot == std::string::npos ? word : word.substr(dot + 1);
    std::vector<std::string> out;
    if (!path.empty() &&
        !(std::isalpha(static_cast<unsigned char>(path[0])) || path[0] == '_' || path[0] == '$'))
        return out;
    JSValue obj = path_value(ctx, path);
    // Primitives complete with their prototype's names.
    const char* boxed = nullptr;
    switch (JS_VALUE_GET_TAG(obj)) {
    case JS_TAG_INT:
    case JS_TAG_FLOAT64: boxed = "Number.prototype"; break;
    case JS_TAG_STRING: boxed = "String.prototype"; break;
    case JS_TAG_BOOL: boxed = "Boolean.prototype"; break;
    case JS_TAG_BIG_INT: boxed = "BigInt.prototype"; break;
    case JS_TAG_SYMBOL: boxed = "Symbol.prototype"; break;
    default: break;
    }
    if (boxed) {
        JS_FreeValue(ctx, obj);
        obj = path_value(ctx, boxed);
    }
    for (int depth = 0; JS_IsObject(obj) && depth < 32; ++depth) {
        JSPropertyEnum* props;
        uint32_t n;
        if (JS_GetOwnPropertyNames(ctx, &props, &n, obj, JS_GPN_STRING_MASK) == 0) {
            for (uint32_t i = 0; i < n; ++i) {
                const char* name = JS_AtomToCString(ctx, props[i].atom);
                if (!name) continue;
                std::string s = name;
                JS_FreeCString(ctx, name);
                bool ident = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0])) &&
                             std::all_of(s.begin(), s.end(), is_word_char);
                if (ident && s.compare(0, prefix.size(), prefix) == 0)
                    out.push_back(path.empty() ? s : path + "." + s);
            }
            JS_FreePropertyEnum(ctx, props, n);
        } else {
            JS_FreeValue(ctx, JS_GetException(ctx));
        }
        JSValue proto = JS_GetPrototype(ctx, obj);
        JS_FreeValue(ctx, obj);
        obj = JS_IsException(proto) ? JS_UNDEFINED : proto;
    }
    JS_FreeValue(ctx, obj);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The colour of a result on a terminal (QuickJS's REPL scheme: numbers yellow, strings green, ...).
const char* result_colour(JSValueConst v) {
    switch (JS_VALUE_GET_TAG(v)) {
    case JS_TAG_INT:
    case JS_TAG_FLOAT64:
    case JS_TAG_BIG_INT: return "\x1b[33m";
    case JS_TAG_STRING: return "\x1b[32m";
    case JS_TAG_BOOL: return "\x1b[35m";
    case JS_TAG_UNDEFINED:
    case JS_TAG_NULL: return "\x1b[90m";
    case JS_TAG_SYMBOL: return "\x1b[36m";
    default: return nullptr;
    }
}

} // namespace

bool is_incomplete(const std::string& src) {
    int depth = 0;
    std::string templates; // stack: '`' inside a template, '{' inside a ${ } substitution
    size_t i = 0, n = src.size();
    char prev_significant = 0;
    while (i < n) {
        char c = src[i];
        bool in_template = !templates.empty() && templates.back() == '`';
        if (in_template) {
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                templates.pop_back();
                ++i;
            } else if (c == '$' && i + 1 < n && src[i + 1] == '{') {
                templates.push_back('{');
                i += 2;
            } else {
                ++i;
            }
            continue;
        }
        if (c == '/' && i + 1 < n && src[i + 1] == '/') {
            while (i < n && src[i] != '\n')
                ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && src[i + 1] == '*') {
            size_t end = src.find("*/", i + 2);
            if (end == std::string::npos) return true;
            i = end + 2;
            continue;
        }
        if (c == '"' || c == '\'') {
            ++i;
            while (i < n && src[i] != c && src[i] != '\n') {
                if (src[i] == '\\') ++i;
                ++i;
            }
            if (i >= n) return true;
            ++i;
            prev_significant = c;
            continue;
        }
        if (c == '/' && !std::strchr(")]}", prev_significant ? prev_significant : '(') &&
            !(std::isalnum(static_cast<unsigned char>(prev_significant)) || prev_significant == '_' ||
              prev_significant == '$')) {
            // A regular expression literal: skip it (brackets inside do not count).
            ++i;
            bool in_class = false;
            while (i < n && src[i] != '\n' && (in_class || src[i] != '/')) {
                if (src[i] == '\\')
                    ++i;
                else if (src[i] == '[')
                    in_class = true;
                else if (src[i] == ']')
                    in_class = false;
                ++i;
            }
            ++i;
            prev_significant = 'a';
            continue;
        }
        if (c == '`') {
            templates.push_back('`');
        } else if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            if (c == '}' && !templates.empty() && templates.back() == '{') {
                templates.pop_back();
            } else {
                --depth;
            }
        }
        if (!std::isspace(static_cast<unsigned char>(c))) prev_significant = c;
        ++i;
    }
    return depth > 0 || !templates.empty();
}

bool run_repl(JSContext* ctx) {
    bool tty = isatty(0);
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: a read waiting for input returns
    sigaction(SIGINT, &sa, nullptr);
    JS_SetInterruptHandler(JS_GetRuntime(ctx), interrupt_handler, nullptr);
    bool timing = false;
    // Line editing and colours only on a terminal (both ends), plain lines otherwise.
    bool editing = tty && isatty(1);
    bool colours = isatty(1) && !std::getenv("NO_COLOR");
    LineEditor editor([ctx](const std::string& l, size_t cursor, size_t* start) {
        return complete_names(ctx, l, cursor, start);
    });
    std::string buffer, line;
    for (;;) {
        const char* prompt = buffer.empty() ? "qjs > " : "  ... ";
        bool cancel = false;
        if (editing) {
            std::fflush(stdout);
            LineEditor::Status st = editor.read(prompt, &line);
            if (st == LineEditor::Status::End) break;
            cancel = st == LineEditor::Status::Cancel;
            s_interrupted.store(0);
            if (!cancel) editor.add_history(line);
        } else {
            if (tty) {
                std::fputs(prompt, stdout);
                std::fflush(stdout);
            }
            if (!read_line(&line, &cancel)) break;
        }
        if (cancel) {
            buffer.clear();
            if (!editing) std::fputc('\n', stdout);
            continue;
        }
        if (buffer.empty()) {
            if (line == "\\q" || line == ".exit" || line == ".quit") break;
            if (line == "\\h" || line == ".help") {
                print_help();
                continue;
            }
            if (line == "\\t") {
                timing = !timing;
                std::printf("timing %s\n", timing ? "on" : "off");
                continue;
            }
        }
        buffer += line;
        buffer += '\n';
        if (is_incomplete(buffer)) continue;
        auto start = std::chrono::steady_clock::now();
        s_interrupted.store(0);
        JSValue r = JS_Eval(ctx, buffer.data(), buffer.size(), "<input>", JS_EVAL_TYPE_GLOBAL);
        buffer.clear();
        if (JS_IsException(r)) {
            bool red = colours && isatty(2);
            if (red) std::fputs("\x1b[31m", stderr);
            js_std_dump_error(ctx);
            if (red) std::fputs("\x1b[0m", stderr);
        } else {
            char* shown = js_std_format_value(ctx, r, 1);
            const char* colour = colours ? result_colour(r) : nullptr;
            if (shown) {
                if (colour)
                    std::printf("%s%s\x1b[0m\n", colour, shown);
                else
                    std::printf("%s\n", shown);
                js_free(ctx, shown);
            } else {
                js_std_dump_error(ctx);
            }
            JS_FreeValue(ctx, r);
        }
        // Promise jobs run now; timers run when the REPL ends (js_std_loop).
        JSContext* job_ctx;
        int job;
        while ((job = JS_ExecutePendingJob(JS_GetRuntime(ctx), &job_ctx)) != 0)
            if (job < 0) js_std_dump_error(job_ctx);
        if (timing) {
            double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            std::printf("time: %.3f ms\n", ms);
        }
        std::fflush(stdout);
    }
    if (tty && !editing) std::fputc('\n', stdout);
    JS_SetInterruptHandler(JS_GetRuntime(ctx), nullptr, nullptr);
    signal(SIGINT, SIG_DFL);
    return true;
}

} // namespace qjs::shell
