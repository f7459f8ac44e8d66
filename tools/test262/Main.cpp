// Main.cpp: run-test262, the test262 conformance runner.
//
//   run-test262 [--root DIR] [--known FILE] [--update-known] [--jobs N] [--every K]
//               [--filter SUBSTR] [--timeout SEC] [-v] ...   (--help lists all options)
//
// Runs every test file under <root>/test in forked worker processes, compares the failures with
// the known-failures list, writes a summary table, and ends with the line "N passed, N failed".
// Exit status 1 when a test fails that is not listed, or anything crashed.
#include "Config.h"
#include "Executor.h"
#include "Harness.h"
#include "KnownFailures.h"
#include "Report.h"
#include "TestList.h"
#include "Worker.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace test262;

namespace {

struct Options {
    std::string root = "build/test262";
    std::string known_path;
    bool known_given = false;
    std::string config_path;
    bool config_given = false;
    bool update_known = false;
    bool crashes_only = false; // sanitizer runs: only crashes (sanitizer reports) fail the run
    int jobs = 0;
    size_t every = 1;
    std::vector<std::string> filters;
    double timeout = 10;
    size_t memory_limit_mb = 1024;
    std::string summary_path = "build/test262-summary.txt";
    std::string results_path = "build/test262-results.txt";
    std::string log_dir = "build/test262-logs";
    size_t max_listed = 100;
    bool verbose = false;
    bool snapshot_round_trip = false;
};

void print_usage(FILE* out) {
    std::fputs("usage: run-test262 [options]\n"
               "  --root DIR          test262 checkout holding test/ and harness/ (default build/test262)\n"
               "  --known FILE        known failures (default tests/test262/known-failures.txt if present)\n"
               "  --update-known      rewrite the known-failures file as this run's failures\n"
               "  --crashes-only      fail only on crashes (for sanitizer builds, where timing and stack\n"
               "                      depth differ); other failures are still counted and listed\n"
               "  --config FILE       skip list (default tests/test262/config.txt if present)\n"
               "  --jobs N            worker processes (default: number of cores)\n"
               "  --every K           run only every K-th test file (after --filter)\n"
               "  --filter SUBSTR     run only files whose path contains SUBSTR (repeatable: any of them)\n"
               "  --timeout SEC       CPU-time limit per test and mode (default 10)\n"
               "  --memory-limit MB   engine heap limit per test (default 1024, 0 = none)\n"
               "  --summary FILE      full table of pass counts (default build/test262-summary.txt)\n"
               "  --results FILE      one line per test (default build/test262-results.txt)\n"
               "  --log-dir DIR       workers' stderr/stdout logs (default build/test262-logs)\n"
               "  --max-listed N      new failures printed in full (default 100)\n"
               "  -v, --verbose       print every test's result\n"
               "  --snapshot-round-trip  snapshot each test's VM after its script ran, restore it into a\n"
               "                      fresh engine and finish the test there (docs/SNAPSHOT.md)\n",
               out);
}

bool file_exists(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

bool parse_number(const char* text, double* out) {
    char* end = nullptr;
    double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || value < 0) return false;
    *out = value;
    return true;
}

bool parse_options(int argc, char** argv, Options* options) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](const char** out) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "run-test262: %s needs a value\n", arg.c_str());
                return false;
            }
            *out = argv[++i];
            return true;
        };
        auto number = [&](double* out) {
            const char* text = nullptr;
            if (!value(&text)) return false;
            if (!parse_number(text, out)) {
                std::fprintf(stderr, "run-test262: bad number for %s: %s\n", arg.c_str(), text);
                return false;
            }
            return true;
        };
        const char* text = nullptr;
        double n = 0;
        if (arg == "--root") {
            if (!value(&text)) return false;
            options->root = text;
        } else if (arg == "--known") {
            if (!value(&text)) return false;
            options->known_path = text;
            options->known_given = true;
        } else if (arg == "--config") {
            if (!value(&text)) return false;
            options->config_path = text;
            options->config_given = true;
        } else if (arg == "--update-known") {
            options->update_known = true;
        } else if (arg == "--crashes-only") {
            options->crashes_only = true;
        } else if (arg == "--jobs" || arg == "-j") {
            if (!number(&n)) return false;
            options->jobs = static_cast<int>(n);
        } else if (arg == "--every") {
            if (!number(&n)) return false;
            options->every = n < 1 ? 1 : static_cast<size_t>(n);
        } else if (arg == "--filter") {
            if (!value(&text)) return false;
            options->filters.emplace_back(text);
        } else if (arg == "--timeout") {
            if (!number(&options->timeout)) return false;
        } else if (arg == "--memory-limit") {
            if (!number(&n)) return false;
            options->memory_limit_mb = static_cast<size_t>(n);
        } else if (arg == "--summary") {
            if (!value(&text)) return false;
            options->summary_path = text;
        } else if (arg == "--results") {
            if (!value(&text)) return false;
            options->results_path = text;
        } else if (arg == "--log-dir") {
            if (!value(&text)) return false;
            options->log_dir = text;
        } else if (arg == "--max-listed") {
            if (!number(&n)) return false;
            options->max_listed = static_cast<size_t>(n);
        } else if (arg == "--snapshot-round-trip") {
            options->snapshot_round_trip = true;
        } else if (arg == "-v" || arg == "--verbose") {
            options->verbose = true;
        } else if (arg == "-h" || arg == "--help") {
            print_usage(stdout);
            std::exit(0);
        } else {
            std::fprintf(stderr, "run-test262: unknown option %s\n", arg.c_str());
            print_usage(stderr);
            return false;
        }
    }
    if (!options->known_given && file_exists("tests/test262/known-failures.txt"))
        options->known_path = "tests/test262/known-failures.txt";
    if (!options->config_given && file_exists("tests/test262/config.txt"))
        options->config_path = "tests/test262/config.txt";
    if (options->jobs <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        options->jobs = cores > 0 ? static_cast<int>(cores) : 1;
    }
    return true;
}

double now_seconds() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool matches_filters(const std::string& path, const std::vector<std::string>& filters) {
    if (filters.empty()) return true;
    for (const std::string& filter : filters) {
        if (path.find(filter) != std::string::npos) return true;
    }
    return false;
}

void print_details(const std::string& details) {
    // The last lines of the worker's log: the sanitizer report or assertion message.
    std::vector<std::string_view> lines;
    std::string_view rest = details;
    while (!rest.empty()) {
        size_t newline = rest.find('\n');
        lines.push_back(rest.substr(0, newline));
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    }
    size_t begin = lines.size() > 25 ? lines.size() - 25 : 0;
    for (size_t i = begin; i < lines.size(); ++i)
        std::printf("      | %.*s\n", static_cast<int>(lines[i].size()), lines[i].data());
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_options(argc, argv, &options)) return 2;

    std::string error;
    std::vector<std::string> tests;
    std::string test_dir = options.root + "/test";
    if (!file_exists(test_dir)) {
        std::fprintf(stderr,
                     "run-test262: no %s; unpack the suite first:\n"
                     "  mkdir -p %s && tar -xJf ../shared/test262/test262.tar.xz -C %s\n",
                     test_dir.c_str(), options.root.c_str(), options.root.c_str());
        return 2;
    }
    if (!collect_tests(test_dir, &tests, &error)) {
        std::fprintf(stderr, "run-test262: %s\n", error.c_str());
        return 2;
    }
    HarnessCache harness;
    if (!harness.load(options.root + "/harness", &error)) {
        std::fprintf(stderr, "run-test262: %s\n", error.c_str());
        return 2;
    }
    Config config;
    if (!options.config_path.empty() && !config.load(options.config_path, &error)) {
        std::fprintf(stderr, "run-test262: %s\n", error.c_str());
        return 2;
    }
    KnownFailures known;
    if (!options.known_path.empty() && !load_known_failures(options.known_path, &known, &error)) {
        if (!options.update_known || file_exists(options.known_path)) {
            std::fprintf(stderr, "run-test262: %s\n", error.c_str());
            return 2;
        }
    }
    if (options.update_known && options.known_path.empty())
        options.known_path = "tests/test262/known-failures.txt";

    std::vector<uint32_t> order;
    size_t position = 0;
    for (uint32_t i = 0; i < tests.size(); ++i) {
        if (!matches_filters(tests[i], options.filters)) continue;
        if (position++ % options.every == 0) order.push_back(i);
    }

    std::printf("run-test262: %zu of %zu test files, %d workers, timeout %g s, known failures: %s\n",
                order.size(), tests.size(), options.jobs, options.timeout,
                options.known_path.empty() ? "(none)" : options.known_path.c_str());

    ExecContext context;
    context.test_dir = test_dir;
    context.harness = &harness;
    context.config = &config;
    context.memory_limit = options.memory_limit_mb * 1024 * 1024;
    context.timeout_seconds = options.timeout;
    context.snapshot_round_trip = options.snapshot_round_trip;

    PoolOptions pool_options;
    pool_options.jobs = options.jobs;
    pool_options.timeout_seconds = options.timeout;
    // The wall-clock backstop for a worker that stops answering: generous, since the limit itself counts
    // CPU time (a runaway test is stopped by that) and a loaded machine stretches wall time a lot (a
    // 4 s test took 35 s with 16 runnable processes on 2 cores); a test may also run in two modes.
    pool_options.grace_seconds = 11 * options.timeout + 10;
    pool_options.log_dir = options.log_dir;

    std::vector<TestResult> results(tests.size());
    size_t finished = 0;
    size_t failed_so_far = 0;
    size_t progress_step = std::max<size_t>(1000, order.size() / 10);
    double start = now_seconds();
    WorkerPool pool(pool_options, context, tests);
    bool pool_ok = pool.run(order, [&](uint32_t index, TestResult&& result) {
        ++finished;
        if (result.status != Status::Pass && result.status != Status::Skip) ++failed_so_far;
        if (options.verbose) {
            std::printf("%s %s%s%s\n", status_name(result.status), tests[index].c_str(),
                        result.reason.empty() ? "" : ": ", result.reason.c_str());
        } else if (finished % progress_step == 0) {
            std::printf("  [%zu/%zu] %zu failed, %.0f s\n", finished, order.size(), failed_so_far,
                        now_seconds() - start);
        }
        std::fflush(stdout);
        results[index] = std::move(result);
    });
    double elapsed = now_seconds() - start;

    RunRecord record{tests, order, results};
    Comparison comparison = compare_with_known(record, known);
    bool failing = !pool_ok || !pool.infra_errors().empty();

    if (!comparison.new_failures.empty()) {
        // With --update-known the new failures get listed; only crashes still fail the run.
        for (uint32_t index : comparison.new_failures) {
            bool counts = !options.update_known && !options.crashes_only;
            if (counts || results[index].status == Status::Crash) failing = true;
        }
        std::printf("\nNew failures (%zu, not in the known-failures list; crashes always count):\n",
                    comparison.new_failures.size());
        size_t listed = 0;
        for (uint32_t index : comparison.new_failures) {
            if (listed++ >= options.max_listed) {
                std::printf("  ... and %zu more (see %s)\n",
                            comparison.new_failures.size() - options.max_listed,
                            options.results_path.c_str());
                break;
            }
            const TestResult& result = results[index];
            std::printf("  %s %s: %s\n", status_name(result.status), tests[index].c_str(),
                        result.reason.c_str());
            if (!result.details.empty()) print_details(result.details);
        }
    }
    for (const std::string& message : pool.infra_errors())
        std::printf("run-test262: error: %s\n", message.c_str());
    if (!comparison.fixed.empty() && !options.update_known) {
        std::printf("\n%zu known failures now pass; run with --update-known to shrink the list\n",
                    comparison.fixed.size());
        if (options.verbose) {
            for (uint32_t index : comparison.fixed)
                std::printf("  now passes: %s\n", tests[index].c_str());
        }
    }
    if (options.update_known) {
        KnownFailures updated = updated_known(record, known);
        if (!save_known_failures(options.known_path, updated, &error)) {
            std::fprintf(stderr, "run-test262: %s\n", error.c_str());
            return 2;
        }
        std::printf("\nwrote %s: %zu entries (was %zu)\n", options.known_path.c_str(), updated.size(),
                    known.size());
    }

    if (!write_text_file(options.summary_path, summary_table(record, true), &error) ||
        !write_results_file(options.results_path, record, &error))
        std::fprintf(stderr, "run-test262: warning: %s\n", error.c_str());

    Tally tally = total_tally(record);
    std::printf("\n%s", summary_table(record, false).c_str());
    std::printf(
        "%zu expected failures (listed), %zu skipped, %.1f s; full table in %s, per-test results in %s\n",
        comparison.expected_failures, tally.skipped, elapsed, options.summary_path.c_str(),
        options.results_path.c_str());
    std::printf("%zu passed, %zu failed\n", tally.passed, tally.failed);
    return failing ? 1 : 0;
}
