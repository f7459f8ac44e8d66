// Protocol.h: messages between the parent and its worker processes.
//
// parent -> worker: a uint32_t test index per message; kQuit asks the worker to exit.
// worker -> parent: a MessageHeader, then `length` bytes (for Result: the reason, a NUL, the details).
// A worker runs one test at a time: it sends Start before running the test and Result after.
#pragma once

#include "Test262.h"

#include <cstdint>
#include <string>

namespace test262 {

constexpr uint32_t kQuit = UINT32_MAX;

enum class MessageKind : uint8_t { Start = 1, Result = 2 };

struct MessageHeader {
    MessageKind kind;
    Status status;
    uint16_t reserved;
    uint32_t index;
    uint32_t length;
};

// Writes all of `size` bytes, retrying on EINTR. False on error (e.g. EPIPE).
bool write_all(int fd, const void* data, size_t size);
// Reads exactly `size` bytes, retrying on EINTR. False on EOF or error.
bool read_exact(int fd, void* data, size_t size);

bool send_start(int fd, uint32_t index);
bool send_result(int fd, uint32_t index, const TestResult& result);

// Decodes complete messages from the front of `buffer`; returns false when none is complete yet.
bool take_message(std::string* buffer, MessageHeader* header, TestResult* result);

} // namespace test262
