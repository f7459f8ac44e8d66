// Protocol.cpp: framing of the worker pipes.
#include "Protocol.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace test262 {

bool write_all(int fd, const void* data, size_t size) {
    auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = write(fd, bytes, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool read_exact(int fd, void* data, size_t size) {
    auto* bytes = static_cast<char*>(data);
    while (size > 0) {
        ssize_t n = read(fd, bytes, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) return false;
        bytes += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool send_start(int fd, uint32_t index) {
    MessageHeader header{MessageKind::Start, Status::Pass, 0, index, 0};
    return write_all(fd, &header, sizeof header);
}

bool send_result(int fd, uint32_t index, const TestResult& result) {
    std::string message(sizeof(MessageHeader), '\0');
    message += result.reason;
    message.push_back('\0');
    message += result.details;
    MessageHeader header{MessageKind::Result, result.status, 0, index,
                         static_cast<uint32_t>(message.size() - sizeof(MessageHeader))};
    std::memcpy(message.data(), &header, sizeof header);
    return write_all(fd, message.data(), message.size());
}

bool take_message(std::string* buffer, MessageHeader* header, TestResult* result) {
    if (buffer->size() < sizeof(MessageHeader)) return false;
    std::memcpy(header, buffer->data(), sizeof *header);
    size_t total = sizeof(MessageHeader) + header->length;
    if (buffer->size() < total) return false;
    if (header->kind == MessageKind::Result) {
        std::string_view payload(buffer->data() + sizeof(MessageHeader), header->length);
        size_t nul = payload.find('\0');
        result->status = header->status;
        result->reason.assign(payload.substr(0, nul));
        result->details.assign(nul == std::string_view::npos ? std::string_view{} : payload.substr(nul + 1));
    }
    buffer->erase(0, total);
    return true;
}

} // namespace test262
