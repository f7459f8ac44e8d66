// Executor.h: runs one test262 file in the current process, as INTERPRETING.md describes.
#pragma once

#include "Config.h"
#include "Harness.h"
#include "Test262.h"

#include <string>

namespace test262 {

struct ExecContext {
    std::string test_dir; // <root>/test
    const HarnessCache* harness = nullptr;
    const Config* config = nullptr;
    size_t memory_limit = 0; // bytes, passed to engine_new (0 = none)
    double timeout_seconds = 10;
    // Snapshot round trip: after the test's script ran, save the VM, free it, restore the bytes into a
    // fresh engine and finish there (pending jobs; async tests complete after the restore).
    bool snapshot_round_trip = false;
};

// Runs the file `rel_path` (relative to test_dir) in every mode its flags ask for, each in a fresh
// engine and realm. Passed only if every mode passed. Safe to interrupt with on_timeout_signal().
TestResult run_test(const ExecContext&, const std::string& rel_path);

// For the worker's SIGALRM handler: marks the running test as timed out and asks its engine to
// stop. Async-signal-safe.
void on_timeout_signal();

} // namespace test262
