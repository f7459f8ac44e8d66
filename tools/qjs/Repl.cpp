// Repl.cpp: the qjs REPL. Lines are read from stdin (a terminal gives its own line editing; a pipe
// works the same, so tests can drive it); input is gathered until it is complete (no open bracket,
// string, template or comment), evaluated as a global script and its value shown. Ctrl-C interrupts
// a running evaluation (through the interrupt handler) or drops the current input.
// Commands: \h help, \q quit (also .exit), \t toggle timing.
#include "Repl.h"

#include "quickjs-libc.h"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

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
    std::string buffer, line;
    for (;;) {
        if (tty) {
            std::fputs(buffer.empty() ? "qjs > " : "  ... ", stdout);
            std::fflush(stdout);
        }
        bool cancel;
        if (!read_line(&line, &cancel)) break;
        if (cancel) {
            buffer.clear();
            std::fputc('\n', stdout);
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
            js_std_dump_error(ctx);
        } else {
            char* shown = js_std_format_value(ctx, r, 1);
            if (shown) {
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
    if (tty) std::fputc('\n', stdout);
    JS_SetInterruptHandler(JS_GetRuntime(ctx), nullptr, nullptr);
    signal(SIGINT, SIG_DFL);
    return true;
}

} // namespace qjs::shell
