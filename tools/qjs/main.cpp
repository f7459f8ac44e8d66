// qjs: the command-line shell of the QuickJS manual (chapter 2.3.1, options of QuickJS 2025), on
// the public API (quickjs.h) and quickjs-libc (std, os, the event loop).
//
//   qjs [options] [file [args...]]
//
// A file is a module when it ends in .mjs, when -m is given, or when its first statement is an
// import or export (JS_DetectModule); --script forces a classic script. std and os are importable as
// "std"/"os" and "qjs:std"/"qjs:os"; --std makes them globals of scripts too. With no file and no
// -e, or with -i, the REPL runs (Repl.cpp). The exit status is 1 after an uncaught exception or an
// unhandled promise rejection, the argument of std.exit(), else 0.
//
// Snapshots (docs/SNAPSHOT.md): --snapshot FILE runs the code and its promise jobs, then saves the whole
// VM to FILE (pending timers are saved with their remaining delay, not waited for); --restore FILE starts
// from such a file instead of a fresh context (the shell's own C functions are bound again).
#include "Repl.h"

#include "quickjs-libc.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

void print_help() {
    std::printf("QuickJS-compatible shell (qjs %s)\n"
                "usage: qjs [options] [file [args]]\n"
                "-h  --help         list options\n"
                "-e  --eval EXPR    evaluate EXPR\n"
                "-i  --interactive  go to interactive mode\n"
                "-m  --module       load as ES6 module (default=autodetect)\n"
                "    --script       load as ES6 script (default=autodetect)\n"
                "    --strict       force strict mode\n"
                "-I  --include file include an additional file\n"
                "    --std          make 'std' and 'os' available to the loaded script\n"
                "-T  --trace        trace memory allocation\n"
                "-d  --dump         dump the memory usage stats\n"
                "    --memory-limit n  limit the memory usage to 'n' bytes (SI suffixes allowed)\n"
                "    --snapshot file   save the VM to 'file' once the code and its jobs ran\n"
                "    --restore file    start from the VM saved in 'file'\n"
                "    --stack-size n    limit the stack size to 'n' bytes (SI suffixes allowed)\n"
                "    --no-unhandled-rejection  ignore unhandled promise rejections\n"
                "-s                    strip all the debug info\n"
                "    --strip-source    strip the source code\n"
                "-q  --quit         just instantiate the interpreter and quit\n",
                JS_GetVersion());
}

// "10", "64k", "2M", "1G" (binary multiples, as QuickJS).
bool parse_size(const char* s, size_t* out) {
    char* end;
    double v = std::strtod(s, &end);
    if (end == s || v < 0) return false;
    switch (*end) {
    case 'k':
    case 'K':
        v *= 1024;
        ++end;
        break;
    case 'm':
    case 'M':
        v *= 1024.0 * 1024;
        ++end;
        break;
    case 'g':
    case 'G':
        v *= 1024.0 * 1024 * 1024;
        ++end;
        break;
    default: break;
    }
    if (*end) return false;
    *out = static_cast<size_t>(v);
    return true;
}

// -T: every allocation of the runtime is printed to stderr.
void* trace_malloc(JSMallocState* s, size_t size) {
    void* p = std::malloc(size);
    if (p) {
        s->malloc_count++;
        s->malloc_size += size;
    }
    std::fprintf(stderr, "A %zu -> %p\n", size, p);
    return p;
}
void trace_free(JSMallocState* s, void* ptr) {
    if (!ptr) return;
    std::fprintf(stderr, "F %p\n", ptr);
    s->malloc_count--;
    std::free(ptr);
}
void* trace_realloc(JSMallocState*, void* ptr, size_t size) {
    auto old = reinterpret_cast<uintptr_t>(ptr);
    void* p = std::realloc(ptr, size);
    std::fprintf(stderr, "R %zu 0x%" PRIxPTR " -> %p\n", size, old, p);
    return p;
}
const JSMallocFunctions k_trace_mf = {trace_malloc, trace_free, trace_realloc, nullptr};

// Evaluates source text as a script or module (module < 0: detect); false after printing the error.
bool eval_buf(JSContext* ctx, const std::string& src, const char* name, int module, bool strict) {
    if (module < 0) module = JS_DetectModule(src.data(), src.size());
    JSValue r;
    if (module) {
        r = JS_Eval(ctx, src.data(), src.size(), name, JS_EVAL_TYPE_MODULE | JS_EVAL_FLAG_COMPILE_ONLY);
        if (!JS_IsException(r)) {
            js_module_set_import_meta(ctx, r, 1, 1);
            r = js_std_await(ctx, JS_EvalFunction(ctx, r));
        }
    } else {
        r = JS_Eval(ctx, src.data(), src.size(), name,
                    JS_EVAL_TYPE_GLOBAL | (strict ? JS_EVAL_FLAG_STRICT : 0));
    }
    if (JS_IsException(r)) {
        js_std_dump_error(ctx);
        return false;
    }
    JS_FreeValue(ctx, r);
    return true;
}

bool eval_file(JSContext* ctx, const char* filename, int module, bool strict) {
    size_t len;
    uint8_t* buf = js_load_file(ctx, &len, filename);
    if (!buf) {
        std::fprintf(stderr, "qjs: could not load '%s'\n", filename);
        return false;
    }
    std::string src(reinterpret_cast<char*>(buf), len);
    js_free(ctx, buf);
    std::string name = filename;
    if (module < 0 && name.size() > 4 && name.compare(name.size() - 4, 4, ".mjs") == 0) module = 1;
    return eval_buf(ctx, src, filename, module, strict);
}

} // namespace

// What --std evaluates: the std and os modules as globals.
const char k_std_globals_source[] = "import * as std from 'qjs:std';\n"
                                    "import * as os from 'qjs:os';\n"
                                    "globalThis.std = std;\n"
                                    "globalThis.os = os;\n";

// The shell's setup on a context: the std/os modules and the global helpers.
void add_shell_globals(JSContext* ctx, int argc, char** argv) {
    js_init_module_std(ctx, "qjs:std");
    js_init_module_os(ctx, "qjs:os");
    js_std_add_helpers(ctx, argc, argv);
}

bool read_all(const char* path, std::string& out) {
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    std::fclose(f);
    return true;
}

// Restores `path` into `rt` and binds the shell's C functions again. A scratch runtime set up the same
// way first registers the natives the shell's setup creates (so they have the ids the snapshot uses)
// and the C functions in the same order, so its table is the template for rebinding.
JSContext* restore_shell(JSRuntime* rt, const char* path, int argc, char** argv) {
    std::string bytes;
    if (!read_all(path, bytes)) {
        std::fprintf(stderr, "qjs: could not read '%s'\n", path);
        return nullptr;
    }
    JSRuntime* scratch = JS_NewRuntime();
    JSContext* scratch_ctx = nullptr;
    if (scratch) {
        js_std_init_handlers(scratch);
        scratch_ctx = JS_NewContext(scratch);
        if (scratch_ctx) {
            add_shell_globals(scratch_ctx, argc, argv);
            // The modules' C functions (std.*, os.*, FILE.prototype) are registered when they are
            // evaluated: evaluate them as --std does, so a program that used them is rebound too.
            JS_FreeValue(scratch_ctx,
                         JS_Eval(scratch_ctx, k_std_globals_source, sizeof k_std_globals_source - 1,
                                 "<restore>", JS_EVAL_TYPE_MODULE));
            JSContext* job_ctx;
            while (JS_ExecutePendingJob(scratch, &job_ctx) > 0) {
            }
        }
    }
    char error[256];
    JSContext* ctx = JS_RestoreSnapshot(rt, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                        error, sizeof error);
    if (!ctx)
        std::fprintf(stderr, "qjs: cannot restore '%s': %s\n", path, error);
    else if (scratch)
        JS_RebindCFunctionsFrom(rt, scratch);
    if (scratch) {
        if (scratch_ctx) JS_FreeContext(scratch_ctx);
        js_std_free_handlers(scratch);
        JS_FreeRuntime(scratch);
    }
    return ctx;
}

bool save_snapshot(JSContext* ctx, const char* path) {
    JSContext* job_ctx;
    int r;
    while ((r = JS_ExecutePendingJob(JS_GetRuntime(ctx), &job_ctx)) > 0) {
    }
    if (r < 0) {
        js_std_dump_error(job_ctx);
        return false;
    }
    char error[256];
    size_t size = 0;
    uint8_t* bytes = JS_WriteSnapshot(JS_GetRuntime(ctx), &size, error, sizeof error);
    if (!bytes) {
        std::fprintf(stderr, "qjs: cannot snapshot: %s\n", error);
        return false;
    }
    FILE* out = std::fopen(path, "wb");
    bool ok = out && std::fwrite(bytes, 1, size, out) == size;
    if (out && std::fclose(out) != 0) ok = false;
    js_free_rt(JS_GetRuntime(ctx), bytes);
    if (!ok) std::fprintf(stderr, "qjs: cannot write '%s'\n", path);
    return ok;
}

int main(int argc, char** argv) {
    std::vector<const char*> evals, includes;
    const char* snapshot_path = nullptr;
    const char* restore_path = nullptr;
    int module = -1;
    bool strict = false, quit = false, interactive = false, dump = false, trace = false, with_std = false;
    bool track_rejections = true;
    int strip_flags = 0;
    size_t memory_limit = 0, stack_size = 0;
    bool has_stack_size = false;
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
        auto need_size = [&](const char* opt) {
            size_t v;
            const char* s = need_arg(opt);
            if (!parse_size(s, &v)) {
                std::fprintf(stderr, "qjs: invalid size '%s' for %s\n", s, opt);
                std::exit(2);
            }
            return v;
        };
        if (!std::strcmp(a, "-h") || !std::strcmp(a, "--help")) {
            print_help();
            return 0;
        } else if (!std::strcmp(a, "-e") || !std::strcmp(a, "--eval")) {
            evals.push_back(need_arg(a));
        } else if (!std::strcmp(a, "-i") || !std::strcmp(a, "--interactive")) {
            interactive = true;
        } else if (!std::strcmp(a, "-I") || !std::strcmp(a, "--include")) {
            includes.push_back(need_arg(a));
        } else if (!std::strcmp(a, "-m") || !std::strcmp(a, "--module")) {
            module = 1;
        } else if (!std::strcmp(a, "--script")) {
            module = 0;
        } else if (!std::strcmp(a, "--strict")) {
            strict = true;
        } else if (!std::strcmp(a, "--std")) {
            with_std = true;
        } else if (!std::strcmp(a, "-T") || !std::strcmp(a, "--trace")) {
            trace = true;
        } else if (!std::strcmp(a, "-d") || !std::strcmp(a, "--dump")) {
            dump = true;
        } else if (!std::strcmp(a, "-q") || !std::strcmp(a, "--quit")) {
            quit = true;
        } else if (!std::strcmp(a, "--memory-limit")) {
            memory_limit = need_size(a);
        } else if (!std::strcmp(a, "--stack-size")) {
            stack_size = need_size(a);
            has_stack_size = true;
        } else if (!std::strcmp(a, "--snapshot")) {
            snapshot_path = need_arg(a);
        } else if (!std::strcmp(a, "--restore")) {
            restore_path = need_arg(a);
        } else if (!std::strcmp(a, "--no-unhandled-rejection")) {
            track_rejections = false;
        } else if (!std::strcmp(a, "-s")) {
            strip_flags = JS_STRIP_DEBUG | JS_STRIP_SOURCE;
        } else if (!std::strcmp(a, "--strip-source")) {
            strip_flags |= JS_STRIP_SOURCE;
        } else {
            std::fprintf(stderr, "qjs: unknown option '%s'\n", a);
            print_help();
            return 2;
        }
    }

    JSRuntime* rt = trace ? JS_NewRuntime2(&k_trace_mf, nullptr) : JS_NewRuntime();
    if (!rt) {
        std::fprintf(stderr, "qjs: cannot allocate JS runtime\n");
        return 2;
    }
    if (memory_limit) JS_SetMemoryLimit(rt, memory_limit);
    JS_SetStripInfo(rt, strip_flags);
    if (has_stack_size) JS_SetMaxStackSize(rt, stack_size);
    js_std_init_handlers(rt);
    JS_SetModuleLoaderFunc(rt, nullptr, js_module_loader, nullptr);
    JS_SetModuleReadFunc(rt, js_module_read, nullptr);
    if (track_rejections) JS_SetHostPromiseRejectionTracker(rt, js_std_promise_rejection_tracker, nullptr);
    JSContext* ctx = nullptr;
    if (restore_path) {
        ctx = restore_shell(rt, restore_path, argc - i, argv + i);
        if (!ctx) {
            js_std_free_handlers(rt);
            JS_FreeRuntime(rt);
            return 1;
        }
    } else {
        ctx = JS_NewContext(rt);
        if (!ctx) {
            std::fprintf(stderr, "qjs: cannot allocate JS context\n");
            return 2;
        }
        add_shell_globals(ctx, argc - i, argv + i);
    }
    // A snapshot or a restore runs what it is given, not a REPL.
    bool repl_by_default = !snapshot_path && !restore_path;

    bool ok = true;
    if (!quit) {
        if (with_std || interactive || (repl_by_default && evals.empty() && i >= argc)) {
            ok = eval_buf(ctx, k_std_globals_source, "<input>", 1, false);
        }
        for (size_t k = 0; ok && k < includes.size(); ++k)
            ok = eval_file(ctx, includes[k], -1, strict);
        for (size_t k = 0; ok && k < evals.size(); ++k)
            ok = eval_buf(ctx, evals[k], "<cmdline>", module, strict);
        // As in QuickJS, with -e the file arguments are only scriptArgs.
        if (ok && evals.empty() && i < argc) ok = eval_file(ctx, argv[i], module, strict);
        if (ok && (interactive || (repl_by_default && evals.empty() && i >= argc)))
            ok = qjs::shell::run_repl(ctx);
        if (ok && !snapshot_path) js_std_loop(ctx);
    }
    if (ok && snapshot_path) ok = save_snapshot(ctx, snapshot_path);
    if (dump) {
        JSMemoryUsage stats;
        JS_ComputeMemoryUsage(rt, &stats);
        JS_DumpMemoryUsage(stdout, &stats, rt);
    }
    int status = ok ? 0 : 1;
    if (js_std_had_unhandled_rejection(rt)) status = 1;
    std::fflush(stdout);
    js_std_free_handlers(rt);
    JS_FreeContext(ctx);
    // Cells still alive at teardown are engine leaks: reported, and a failure.
    if (JS_FreeRuntimeLeakCount(rt) != 0) status = 1;
    return status;
}
