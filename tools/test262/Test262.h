// Test262.h: types shared by the parts of the test262 runner (metadata, workers, report).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace test262 {

enum class Status : uint8_t {
    Pass,
    Fail,    // the test ran and did not pass (reason says why; "leak" for engine_free leaks)
    Timeout, // the per-test time limit was hit (interrupted, or killed by the parent)
    Crash,   // the worker died (signal or unexpected exit) while running the test
    Skip,    // not run: a feature listed in the config's skip-feature lines
};

struct TestResult {
    Status status = Status::Fail;
    std::string reason;  // one line; empty for Pass
    std::string details; // several lines (the worker's log tail for a crash), may be empty
};

const char* status_name(Status);

// Reads a whole file; returns false (and leaves `out` empty) when it cannot be read.
bool read_file(const std::string& path, std::string* out);

// The first line of `text`, cut to `max_len` bytes.
std::string first_line(std::string_view text, size_t max_len = 200);

} // namespace test262
