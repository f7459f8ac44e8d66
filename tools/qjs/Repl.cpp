// Repl.cpp: the qjs REPL. On a terminal, lines are read with the line editor (LineEditor.cpp: history
// in ~/.qjs_history, editing, TAB completion of global and property names, the input coloured as it is
// typed) and results are coloured by type; from a pipe, plain lines are read and nothing is coloured, so
// tests can drive it. Input is gathered until it is complete (no open bracket, template or comment:
// InputScanner.cpp), evaluated as a global script and its value shown. The event loop runs while input
// is awaited, so timers and I/O handlers fire between lines. Ctrl-C interrupts a running evaluation
// (through the interrupt handler) or drops the current input.
// Commands: \h help, \q quit (also .exit), \t toggle timing.
#include "Repl.h"

#include "InputScanner.h"
#include "LineEditor.h"

#include "quickjs-libc.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
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

// The event loop runs while the REPL waits for input, as in QuickJS: timers, I/O handlers and promise
// jobs fire between lines and between keys. The line being edited is hidden while they run and drawn
// again after.
class InputWaiter {
  public:
    explicit InputWaiter(JSContext* ctx) : m_ctx(ctx) {}

    // After an evaluation the loop has new work to look at (timers set, handlers added).
    void after_eval() { m_run_now = true; }

    // Returns once fd 0 has input (true), or false when a SIGINT arrived meanwhile.
    bool wait(const LineEditor::LineGuard& line) {
        for (;;) {
            if (s_interrupted.exchange(0)) return false;
            double now = clock_ms();
            if (m_run_now || (m_due >= 0 && now >= m_due)) {
                line.hide();
                int next = js_std_loop_once(m_ctx);
                std::fflush(stdout);
                line.show();
                m_run_now = next == 0 || next == -2;
                m_due = next > 0 ? clock_ms() + next : -1;
                continue;
            }
            int timeout = m_due < 0 ? -1 : static_cast<int>(std::ceil(m_due - now));
            int polled =
                js_std_poll_io_fd(m_ctx, timeout, 0, call_hide, const_cast<LineEditor::LineGuard*>(&line));
            std::fflush(stdout);
            line.show();
            if (polled == 2) return true;
            if (polled != 0) m_run_now = true; // handlers ran: the jobs and timers they queued
        }
    }

  private:
    static double clock_ms() {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    static void call_hide(void* line) { static_cast<const LineEditor::LineGuard*>(line)->hide(); }

    JSContext* m_ctx;
    bool m_run_now = true;
    double m_due = -1; // when the next timer is due (clock_ms), or -1
};

// Lines from fd 0 when there is no line editor (a pipe, or a terminal with output redirected). The
// descriptor is read directly, not through stdio, because the waiter polls it: nothing may sit unseen
// in a FILE buffer.
class LineReader {
  public:
    // One line without its newline; false at the end of input. A SIGINT while waiting sets *cancel.
    bool read(InputWaiter& waiter, std::string* line, bool* cancel) {
        *cancel = false;
        for (;;) {
            size_t nl = m_pending.find('\n');
            if (nl != std::string::npos) {
                line->assign(m_pending, 0, nl);
                m_pending.erase(0, nl + 1);
                return true;
            }
            if (m_eof) {
                if (m_pending.empty()) return false;
                line->swap(m_pending);
                m_pending.clear();
                return true;
            }
            if (!waiter.wait(LineEditor::LineGuard{[] {}, [] {}})) {
                *cancel = true;
                return true;
            }
            char chunk[4096];
            ssize_t n = ::read(0, chunk, sizeof chunk);
            if (n > 0)
                m_pending.append(chunk, static_cast<size_t>(n));
            else if (n == 0 || errno != EINTR)
                m_eof = true;
        }
    }

  private:
    std::string m_pending;
    bool m_eof = false;
};

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
    InputWaiter waiter(ctx);
    LineReader reader;
    std::string buffer, line;
    editor.set_wait([&waiter](const LineEditor::LineGuard& line) { return waiter.wait(line); });
    if (colours)
        editor.set_highlighter([&buffer](const std::string& text) { return colour_input(buffer, text); });
    if (const char* home = std::getenv("HOME"); home && editing)
        editor.set_history_file(std::string(home) + "/.qjs_history");
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
            if (!reader.read(waiter, &line, &cancel)) break;
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
        if (scan_input(buffer).incomplete) continue;
        auto start = std::chrono::steady_clock::now();
        s_interrupted.store(0);
        waiter.after_eval();
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
        // Promise jobs run now; timers and I/O handlers while the next input is awaited.
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
