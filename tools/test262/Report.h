// Report.h: pass counts per folder, the per-test results file, and the comparison with the
// known-failures list.
#pragma once

#include "KnownFailures.h"
#include "Test262.h"

#include <cstdint>
#include <string>
#include <vector>

namespace test262 {

struct Tally {
    size_t passed = 0;
    size_t failed = 0; // Fail, Timeout and Crash
    size_t skipped = 0;
};

// What ran: tests[order[i]] finished with results[order[i]].
struct RunRecord {
    const std::vector<std::string>& tests;
    const std::vector<uint32_t>& order;
    const std::vector<TestResult>& results;
};

Tally total_tally(const RunRecord&);

// The table of pass counts: per top-level folder and per second-level folder
// (language/expressions, built-ins/Array, ...). `detailed` adds the second level.
std::string summary_table(const RunRecord&, bool detailed);

// One line per test: "PASS path", "FAIL path: reason", ...
bool write_results_file(const std::string& path, const RunRecord&, std::string* error);

struct Comparison {
    std::vector<uint32_t> new_failures; // failed, not listed (or crashed, listed or not)
    std::vector<uint32_t> fixed;        // listed, and passed now
    size_t expected_failures = 0;       // failed and listed
};

Comparison compare_with_known(const RunRecord&, const KnownFailures&);

// The list after this run: entries for tests that did not run are kept; tests that ran are listed
// exactly when they failed.
KnownFailures updated_known(const RunRecord&, const KnownFailures&);

bool write_text_file(const std::string& path, const std::string& text, std::string* error);

} // namespace test262
