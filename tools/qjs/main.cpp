// qjs: the command-line shell, as the QuickJS manual describes it (for what the engine has so far).
//
//   qjs [options] [file [args...]]
//     -h, --help          list options
//     -e, --eval EXPR     evaluate EXPR
//     -I, --include FILE  include an additional file before the main one
//     --script            load as a classic script (the default for now: modules come later)
//     -m, --module        load as an ES module (also the default for *.mjs files)
//     -q, --quit          just instantiate the interpreter and quit
//     --strict            evaluate in strict mode
//     --memory-limit N    limit the memory usage to N bytes (suffixes k, m, g)
//     --snapshot FILE     after the code and its jobs ran, save the whole VM to FILE (pending timers
//                         are saved with their remaining delay instead of being waited for)
//     --restore FILE      start from the VM saved in FILE instead of a fresh one
//
// An uncaught exception prints "Name: message" and the stack to stderr and exits with status 1.
// Pending jobs (promise reactions) and timers (setTimeout, setInterval) run to completion before exit.
#include "api/Engine.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace qjs::api;

namespace {

void print_help() {
    std::printf("usage: qjs [options] [file [args]]\n"
                "-h  --help          list options\n"
                "-e  --eval EXPR     evaluate EXPR\n"
                "-I  --include file  include an additional file\n"
                "    --script        load as a classic script (default)\n"
                "-m  --module        load as an ES module (default for .mjs files)\n"
                "    --strict        evaluate in strict mode\n"
                "-q  --quit          just instantiate the interpreter and quit\n"
                "    --memory-limit n  limit the memory usage to 'n' bytes (k, m, g suffixes)\n"
                "    --snapshot file save the VM to 'file' once the code and its jobs ran\n"
                "    --restore file  start from the VM saved in 'file'\n");
}

bool read_file(const char* path, std::string& out) {
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    std::fclose(f);
    return true;
}

size_t parse_size(const char* s) {
    char* end;
    double v = std::strtod(s, &end);
    switch (*end) {
    case 'k':
    case 'K': v *= 1024; break;
    case 'm':
    case 'M': v *= 1024 * 1024; break;
    case 'g':
    case 'G': v *= 1024.0 * 1024 * 1024; break;
    default: break;
    }
    return static_cast<size_t>(v);
}

void report(const EvalResult& r) {
    if (!r.error_name.empty())
        std::fprintf(stderr, "%s: %s\n", r.error_name.c_str(), r.error_message.c_str());
    else
        std::fprintf(stderr, "Uncaught %s\n", r.error_message.c_str());
    if (!r.stack.empty()) {
        std::fputs(r.stack.c_str(), stderr);
        if (r.stack.back() != '\n') std::fputc('\n', stderr);
    }
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> evals, includes;
    const char* snapshot_path = nullptr;
    const char* restore_path = nullptr;
    bool strict = false, quit = false, module = false;
    size_t memory_limit = 0;
    int i = 1;
    for (; i < argc; ++i) {
        const char* a = argv[i];
        if (a[0] != '-' || !std::strcmp(a, "-")) break;
        if (!std::strcmp(a, "--")) {
            ++i;
            break;
        }
        auto need_arg = [&](const char* opt) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "qjs: missing argument for %s\n", opt);
                std::exit(2);
            }
            return argv[++i];
        };
        if (!std::strcmp(a, "-h") || !std::strcmp(a, "--help")) {
            print_help();
            return 0;
        } else if (!std::strcmp(a, "-e") || !std::strcmp(a, "--eval")) {
            evals.push_back(need_arg(a));
        } else if (!std::strcmp(a, "-I") || !std::strcmp(a, "--include")) {
            includes.push_back(need_arg(a));
        } else if (!std::strcmp(a, "--script") || !std::strcmp(a, "--std")) {
            // classic script is the default; --std is accepted for compatibility
        } else if (!std::strcmp(a, "-m") || !std::strcmp(a, "--module")) {
            module = true;
        } else if (!std::strcmp(a, "--strict")) {
            strict = true;
        } else if (!std::strcmp(a, "-q") || !std::strcmp(a, "--quit")) {
            quit = true;
        } else if (!std::strcmp(a, "--memory-limit")) {
            memory_limit = parse_size(need_arg(a));
        } else if (!std::strcmp(a, "--snapshot")) {
            snapshot_path = need_arg(a);
        } else if (!std::strcmp(a, "--restore")) {
            restore_path = need_arg(a);
        } else {
            std::fprintf(stderr, "qjs: unknown option '%s'\n", a);
            print_help();
            return 2;
        }
    }

    std::vector<std::string> script_args;
    for (int j = i; j < argc; ++j)
        script_args.emplace_back(argv[j]);

    Engine* engine = nullptr;
    Realm* realm = nullptr;
    if (restore_path) {
        std::string bytes, error;
        if (!read_file(restore_path, bytes)) {
            std::fprintf(stderr, "qjs: could not read '%s'\n", restore_path);
            return 1;
        }
        engine = snapshot_restore(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), memory_limit,
                                  &realm, error);
        if (!engine) {
            std::fprintf(stderr, "qjs: cannot restore '%s': %s\n", restore_path, error.c_str());
            return 1;
        }
    } else {
        engine = engine_new(memory_limit);
        if (!engine) {
            std::fprintf(stderr, "qjs: cannot allocate the runtime\n");
            return 1;
        }
        realm = realm_new(engine);
        if (!realm) {
            std::fprintf(stderr, "qjs: cannot create the global context\n");
            return 1;
        }
        install_shell_globals(realm, script_args);
        install_event_loop(realm);
    }

    int status = 0;
    EvalMode mode = strict ? EvalMode::Strict : EvalMode::Sloppy;
    auto run = [&](const std::string& source, const std::string& name, bool as_module = false) {
        EvalResult r = as_module ? eval_module(realm, source, name) : eval_script(realm, source, name, mode);
        if (!r.ok) {
            report(r);
            status = 1;
            return false;
        }
        EvalResult job_error;
        if (!run_jobs(engine, &job_error)) {
            report(job_error);
            status = 1;
            return false;
        }
        return true;
    };

    if (!quit) {
        for (const std::string& inc : includes) {
            std::string src;
            if (!read_file(inc.c_str(), src)) {
                std::fprintf(stderr, "qjs: could not load '%s'\n", inc.c_str());
                status = 1;
                break;
            }
            if (!run(src, inc)) break;
        }
        for (size_t k = 0; status == 0 && k < evals.size(); ++k)
            run(evals[k], "<cmdline>");
        if (status == 0 && !script_args.empty()) {
            std::string src;
            if (!read_file(script_args[0].c_str(), src)) {
                std::fprintf(stderr, "qjs: could not load '%s'\n", script_args[0].c_str());
                status = 1;
            } else {
                bool as_module =
                    module || (script_args[0].size() > 4 &&
                               script_args[0].compare(script_args[0].size() - 4, 4, ".mjs") == 0);
                run(src, script_args[0], as_module);
            }
        }
        // The event loop: timers and the jobs they queue, until nothing is pending. With --snapshot,
        // only the jobs run; timers are saved with their remaining delay.
        while (status == 0 && !snapshot_path) {
            EvalResult err;
            int next = loop_once(engine, &err);
            if (next == -1) break;
            if (next == -2) {
                report(err);
                status = 1;
            } else if (next > 0) {
                std::fflush(stdout);
                timespec delay{next / 1000, (next % 1000) * 1000000L};
                while (nanosleep(&delay, &delay) != 0) {
                }
            }
        }
    }
    if (status == 0 && snapshot_path) {
        std::vector<uint8_t> bytes;
        std::string error;
        FILE* out = nullptr;
        if (!snapshot_write(engine, bytes, error)) {
            std::fprintf(stderr, "qjs: cannot snapshot: %s\n", error.c_str());
            status = 1;
        } else if (!(out = std::fopen(snapshot_path, "wb")) ||
                   std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size()) {
            std::fprintf(stderr, "qjs: cannot write '%s'\n", snapshot_path);
            status = 1;
        }
        if (out && std::fclose(out) != 0) status = 1;
    }
    std::fflush(stdout);
    realm_free(realm);
    size_t leaks = engine_free(engine);
    if (leaks && status == 0) status = 1;
    return status;
}
