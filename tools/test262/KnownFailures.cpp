// KnownFailures.cpp: reads and writes the known-failures list.
#include "KnownFailures.h"

#include "Test262.h"

#include <cstdio>

namespace test262 {

bool load_known_failures(const std::string& path, KnownFailures* out, std::string* error) {
    std::string text;
    if (!read_file(path, &text)) {
        *error = "cannot read known failures " + path;
        return false;
    }
    std::string_view rest = text;
    while (!rest.empty()) {
        size_t newline = rest.find('\n');
        std::string_view line = rest.substr(0, newline);
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
        size_t hash = line.find('#');
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        size_t begin = line.find_first_not_of(" \t\r");
        if (begin == std::string_view::npos) continue;
        line = line.substr(begin, line.find_last_not_of(" \t\r") + 1 - begin);
        if (line.substr(0, 5) == "test/") line.remove_prefix(5);
        out->emplace(line);
    }
    return true;
}

bool save_known_failures(const std::string& path, const KnownFailures& list, std::string* error) {
    std::string temp = path + ".tmp";
    FILE* file = std::fopen(temp.c_str(), "w");
    if (!file) {
        *error = "cannot write " + temp;
        return false;
    }
    std::fputs("# test262 tests expected to fail, one path per line relative to test/, sorted.\n"
               "# run-test262 fails on a failure not listed here, and on any CRASH even if listed.\n"
               "# Regenerate with: build/run-test262 --update-known (then review the diff).\n",
               file);
    for (const std::string& line : list) {
        std::fputs(line.c_str(), file);
        std::fputc('\n', file);
    }
    bool ok = std::fclose(file) == 0;
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace test262
