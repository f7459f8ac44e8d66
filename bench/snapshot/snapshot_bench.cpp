// snapshot_bench.cpp: heap snapshot sizes and times (bench/README.md has the figures and how to run it).
//
// For each case it builds a VM, then measures the snapshot's size (raw, and deflated with zlib when the
// build found it), the time to write it and to restore it (medians of N runs), and, to compare restore
// against, the time to create a fresh VM and evaluate the same code. Cases: an empty VM, a VM holding
// 10,000 small objects, and a VM that loaded a large library (the TypeScript compiler of Octane's
// Typescript.js, its benchmark runner cut off; pass the file as the first argument).
//
// Usage: snapshot_bench [path/to/octane/Typescript.js] [--runs N]
#include "api/Engine.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef QJS_HAVE_ZLIB
#include <zlib.h>
#endif

using namespace qjs::api;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Deflated size (zlib, level 6 as gzip's default); -1 without zlib.
long deflated_size(const std::vector<uint8_t>& bytes) {
#ifdef QJS_HAVE_ZLIB
    uLongf out_len = compressBound(bytes.size());
    std::vector<uint8_t> out(out_len);
    if (compress2(out.data(), &out_len, bytes.data(), bytes.size(), 6) != Z_OK) return -1;
    return static_cast<long>(out_len);
#else
    (void)bytes;
    return -1;
#endif
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "snapshot_bench: %s: %s\n", what, detail.c_str());
    std::exit(1);
}

struct Vm {
    Engine* engine = nullptr;
    Realm* realm = nullptr;
    void free() {
        if (realm) realm_free(realm);
        if (engine) engine_free(engine);
        engine = nullptr;
        realm = nullptr;
    }
};

// A new VM with the timer globals, after `source` (if any) and its jobs ran.
Vm build(const std::string& source) {
    Vm vm;
    vm.engine = engine_new();
    vm.realm = realm_new(vm.engine);
    if (!vm.realm) fail("realm_new", "out of memory");
    install_event_loop(vm.realm);
    if (!source.empty()) {
        EvalResult r = eval_script(vm.realm, source, "<bench>", EvalMode::Sloppy);
        if (!r.ok) fail("evaluating the case", r.error_name + ": " + r.error_message);
        if (!run_jobs(vm.engine, &r)) fail("running the jobs", r.error_message);
    }
    return vm;
}

struct Case {
    const char* name;
    std::string source;
    const char* check; // evaluated in the restored VM: must not throw
    int runs;
};

void measure(const Case& c) {
    // Create + evaluate, the cost a restore replaces.
    std::vector<double> create_ms;
    for (int i = 0; i < c.runs; ++i) {
        auto t0 = Clock::now();
        Vm vm = build(c.source);
        create_ms.push_back(ms_since(t0));
        vm.free();
    }
    Vm vm = build(c.source);
    std::vector<uint8_t> bytes;
    std::vector<double> write_ms;
    for (int i = 0; i < c.runs; ++i) {
        std::string error;
        bytes.clear();
        auto t0 = Clock::now();
        if (!snapshot_write(vm.engine, bytes, error)) fail("snapshot_write", error);
        write_ms.push_back(ms_since(t0));
    }
    vm.free();
    std::vector<double> restore_ms;
    for (int i = 0; i < c.runs; ++i) {
        std::string error;
        Vm restored;
        auto t0 = Clock::now();
        restored.engine = snapshot_restore(bytes.data(), bytes.size(), 0, &restored.realm, error);
        restore_ms.push_back(ms_since(t0));
        if (!restored.engine) fail("snapshot_restore", error);
        if (i == 0) {
            EvalResult r = eval_script(restored.realm, c.check, "<check>", EvalMode::Sloppy);
            if (!r.ok) fail("checking the restored VM", r.error_name + ": " + r.error_message);
        }
        restored.free();
    }
    long packed = deflated_size(bytes);
    char packed_text[32] = "n/a";
    if (packed >= 0) std::snprintf(packed_text, sizeof packed_text, "%ld", packed);
    double w = median(write_ms), r = median(restore_ms), e = median(create_ms);
    double w_min = *std::min_element(write_ms.begin(), write_ms.end());
    double r_min = *std::min_element(restore_ms.begin(), restore_ms.end());
    double e_min = *std::min_element(create_ms.begin(), create_ms.end());
    std::printf("%-22s %10zu %10s %9.3f %9.3f %9.3f %12.3f %8.1fx   min: %.3f + %.3f, %.3f\n", c.name,
                bytes.size(), packed_text, w, r, w + r, e, e / r, w_min, r_min, e_min);
    std::fflush(stdout);
}

std::string read_library(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot read", path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    // Cut the bench corpus's runner off: the library is defined, the benchmark is not run.
    size_t cut = text.find(";// ---- bench-corpus runner");
    if (cut != std::string::npos) text.resize(cut);
    return text;
}

} // namespace

int main(int argc, char** argv) {
    const char* library = nullptr;
    int runs = 21;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else
            library = argv[i];
    }
    std::vector<Case> cases;
    cases.push_back({"empty VM", "", "Object.keys(globalThis)", runs});
    cases.push_back(
        {"10,000 small objects",
         "var objects = [];\n"
         "for (let i = 0; i < 10000; i++) objects.push({ id: i, name: 'item' + i, even: i % 2 === 0 });\n",
         "if (objects.length !== 10000 || objects[9999].name !== 'item9999') throw new Error('lost');",
         runs});
    if (library)
        cases.push_back({"TypeScript compiler", read_library(library),
                         "if (typeof TypeScript.TypeScriptCompiler !== 'function') throw new Error('lost');",
                         std::max(1, runs / 4)});
    std::printf("%-22s %10s %10s %9s %9s %9s %12s %9s\n", "case", "bytes", "deflated", "write ms",
                "restore ms", "w+r ms", "create+eval", "speedup");
    for (const Case& c : cases)
        measure(c);
    if (!library)
        std::printf("(pass octane/Typescript.js from ../shared/bench/bench.tar.xz for the library case)\n");
    std::printf(
        "medians of %d runs (library: %d); speedup = (create+eval) / restore; min: the fastest write +\n"
        "restore and create+eval (a loaded machine inflates medians)\n",
        runs, std::max(1, runs / 4));
    return 0;
}
