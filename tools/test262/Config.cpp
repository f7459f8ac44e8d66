// Config.cpp: reads the skip list.
#include "Config.h"

#include "Test262.h"

namespace test262 {

bool Config::load(const std::string& path, std::string* error) {
    std::string text;
    if (!read_file(path, &text)) {
        *error = "cannot read config " + path;
        return false;
    }
    std::string_view rest = text;
    int line_number = 0;
    while (!rest.empty()) {
        ++line_number;
        size_t newline = rest.find('\n');
        std::string_view line = rest.substr(0, newline);
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
        size_t hash = line.find('#');
        if (hash != std::string_view::npos) line = line.substr(0, hash);
        size_t begin = line.find_first_not_of(" \t\r");
        if (begin == std::string_view::npos) continue;
        line = line.substr(begin, line.find_last_not_of(" \t\r") + 1 - begin);
        size_t space = line.find_first_of(" \t");
        std::string_view directive = line.substr(0, space);
        std::string_view value;
        if (space != std::string_view::npos) {
            value = line.substr(space);
            value.remove_prefix(value.find_first_not_of(" \t"));
        }
        if (directive == "skip-feature" && !value.empty()) {
            skip_features.emplace(value);
        } else if (directive == "skip-path" && !value.empty()) {
            skip_paths.emplace_back(value);
        } else {
            *error = path + ":" + std::to_string(line_number) + ": unknown line '" + std::string(line) + "'";
            return false;
        }
    }
    return true;
}

bool Config::skips_path(std::string_view rel_path) const {
    for (const std::string& prefix : skip_paths) {
        if (rel_path.substr(0, prefix.size()) == prefix) return true;
    }
    return false;
}

} // namespace test262
