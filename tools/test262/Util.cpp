// Util.cpp: small helpers shared by the runner's parts.
#include "Test262.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace test262 {

const char* status_name(Status status) {
    switch (status) {
    case Status::Pass: return "PASS";
    case Status::Fail: return "FAIL";
    case Status::Timeout: return "TIMEOUT";
    case Status::Crash: return "CRASH";
    case Status::Skip: return "SKIP";
    }
    return "?";
}

bool read_file(const std::string& path, std::string* out) {
    out->clear();
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) out->reserve(static_cast<size_t>(st.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            close(fd);
            out->clear();
            return false;
        }
        if (n == 0) break;
        out->append(buffer, static_cast<size_t>(n));
    }
    close(fd);
    return true;
}

std::string first_line(std::string_view text, size_t max_len) {
    size_t end = text.find_first_of("\r\n");
    if (end == std::string_view::npos) end = text.size();
    if (end > max_len) end = max_len;
    return std::string(text.substr(0, end));
}

} // namespace test262
